// Issue 17: the fast path (lines without a quote read straight from the text, only the fields the rules read cut
// out) against the general path (papaparse on every line), as whole processes through the documented command on
// Online Retail: `analyze --json` (no email, so the reading is most of the time), interleaved, medians. Whole
// processes because in one process whichever path runs second is skewed by what V8 learned from the first. The
// JSON archives of both must be byte-identical but for the moment they were made (test/cli/record-splitting-identity.test.ts shows every output on
// more inputs); that is the step's target.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareInterleaved, medianRow, type ProgramCommand } from '../bench-helpers/end-to-end.ts';
import { formatTable, verdict } from '../bench-helpers/format-table.ts';
import { benchDirectory, documentedCommand } from '../bench-helpers/paths.ts';
import { fromRoot } from '../bench-helpers/programs.ts';
import { roundTo } from '../bench-helpers/statistics.ts';
import type { RecordSplitting } from '../../lambda/engine/input/record-splitters.ts';
import type { StepOutcome } from './step-outcome.ts';

const ROUNDS = 7;

function analyzeWith(input: string, splitting: RecordSplitting): ProgramCommand & { json: string } {
  const json = join(benchDirectory, `record-splitting-${splitting}.json`);
  return {
    label: `${splitting} path`,
    command: documentedCommand,
    args: ['analyze', fromRoot(input), '--json', fromRoot(json), '--quiet', '--record-splitting', splitting],
    json,
  };
}

/** The archive as written, but the moment it was made (`generatedAt`, the only field that differs run to run). */
async function withoutMoment(path: string): Promise<string> {
  const text = await readFile(path, 'utf8');
  const moment = /"generatedAt": "[^"]*"/g;
  if ((text.match(moment) ?? []).length !== 1) throw new Error(`${path}: expected one generatedAt`);
  return text.replace(moment, '"generatedAt": ""');
}

/** Fast against general on `input`; target: the same JSON archive both ways. */
export async function benchmarkRecordSplitting(
  input: string,
  log: (line: string) => void,
): Promise<StepOutcome<Record<string, unknown>>> {
  const fast = analyzeWith(input, 'fast');
  const general = analyzeWith(input, 'general');
  const [fastRuns, generalRuns] = await compareInterleaved(fast, general, ROUNDS, log);
  const [fastJson, generalJson] = await Promise.all([fast.json, general.json].map(withoutMoment));
  const identical = fastJson === generalJson;
  const ratio = fastRuns.medianWallSeconds / generalRuns.medianWallSeconds;
  return {
    results: {
      input: fromRoot(input),
      rounds: ROUNDS,
      fastWallSeconds: fastRuns.wallSeconds,
      generalWallSeconds: generalRuns.wallSeconds,
      ratioFastToGeneral: roundTo(ratio, 3),
      jsonIdentical: identical,
    },
    targets: { recordSplittingSameJson: identical },
    thresholds: {},
    lines: [
      '',
      `Record splitting: analyze ${fromRoot(input)} --json, fast against general path (median of ${ROUNDS})`,
      formatTable(['path', 'wall s', 'peak MB'], [medianRow(fastRuns), medianRow(generalRuns)]),
      `fast / general wall time: ${ratio.toFixed(3)}`,
      `${verdict(identical)}  the JSON archive byte-identical both ways (but its generatedAt)`,
    ],
  };
}
