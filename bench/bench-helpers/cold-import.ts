// A module's cold import: a fresh `node` per run times `await import(module)` from the inside (the process start
// itself left out), and its whole process is measured as well; modules alternated within a round, medians.
import { pathToFileURL } from 'node:url';
import { measureProcess } from './measure-process.ts';
import { median, roundTo } from './statistics.ts';

/** The medians (and the spread) of one module's cold imports. */
export interface ColdImport {
  medianMs: number;
  minMs: number;
  maxMs: number;
  medianWallMs: number;
  medianPeakRssMb: number;
}

/** Prints how long `await import(process.argv[1])` took inside this fresh process, in milliseconds. */
const IMPORT_TIMER =
  'const started = performance.now(); await import(process.argv[1]); ' +
  'process.stdout.write(String(performance.now() - started));';

/** Cold imports of each module, `rounds` fresh processes each (`node <flags>`), the modules alternated. */
export async function coldImports(
  modules: readonly string[],
  options: { rounds: number; flags: readonly string[]; log: (line: string) => void },
): Promise<ColdImport[]> {
  const { rounds, flags, log } = options;
  const runs = modules.map(() => ({
    importMs: [] as number[],
    wallMs: [] as number[],
    rssMb: [] as number[],
  }));
  for (let round = 1; round <= rounds; round++) {
    log(`cold import${flags.length > 0 ? ` (${flags.join(' ')})` : ''}: round ${round} of ${rounds}`);
    for (const [index, module] of modules.entries()) {
      const url = pathToFileURL(module).href;
      const run = await measureProcess(process.execPath, [
        ...flags,
        '--input-type=module',
        '-e',
        IMPORT_TIMER,
        url,
      ]);
      runs[index]?.importMs.push(Number(run.stdout));
      runs[index]?.wallMs.push(run.wallSeconds * 1000);
      runs[index]?.rssMb.push(run.peakRssMb);
    }
  }
  return runs.map(({ importMs, wallMs, rssMb }) => ({
    medianMs: roundTo(median(importMs), 0),
    minMs: roundTo(Math.min(...importMs), 0),
    maxMs: roundTo(Math.max(...importMs), 0),
    medianWallMs: roundTo(median(wallMs), 0),
    medianPeakRssMb: roundTo(median(rssMb), 0),
  }));
}
