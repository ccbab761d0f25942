// Programs measured as whole processes, run after run: interleaved against another program or repeated
// alone, summarised by their medians.
import { measureProcess, type ProcessMeasurement } from './measure-process.ts';
import { median, roundTo } from './statistics.ts';

/** One program run as a whole process, the same way each time. */
export interface ProgramCommand {
  label: string;
  command: string;
  args: readonly string[];
}

/** Medians over the measured runs of one program (warm-up excluded). */
export interface ProgramSummary {
  label: string;
  commandLine: string;
  runs: number;
  wallSeconds: number[];
  peakRssMb: number[];
  medianWallSeconds: number;
  medianPeakRssMb: number;
  /** What the last run printed, to read the program's own summary. */
  lastStdout: string;
}

/**
 * Runs `first` and `second` alternately, one warm-up each then `rounds` measured runs each, swapping which
 * goes first every round so neither always inherits a cold (or warm) page cache and CPU.
 */
export async function compareInterleaved(
  first: ProgramCommand,
  second: ProgramCommand,
  rounds: number,
  log: (line: string) => void,
): Promise<[ProgramSummary, ProgramSummary]> {
  const firstRuns: ProcessMeasurement[] = [];
  const secondRuns: ProcessMeasurement[] = [];
  log(`warm-up: ${first.label}, ${second.label}`);
  await run(first);
  await run(second);
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 === 1 ? [first, second] : [second, first];
    for (const program of order) {
      const measurement = await run(program);
      (program === first ? firstRuns : secondRuns).push(measurement);
      log(
        `round ${round}/${rounds} ${program.label}: ${measurement.wallSeconds.toFixed(2)} s, ` +
          `${measurement.peakRssMb.toFixed(0)} MB`,
      );
    }
  }
  return [summarise(first, firstRuns), summarise(second, secondRuns)];
}

/** Runs one program `runs` times in a row (no warm-up) and summarises it. */
export async function measureRepeatedly(program: ProgramCommand, runs: number): Promise<ProgramSummary> {
  const measurements: ProcessMeasurement[] = [];
  for (let index = 0; index < runs; index++) measurements.push(await run(program));
  return summarise(program, measurements);
}

function run(program: ProgramCommand): Promise<ProcessMeasurement> {
  return measureProcess(program.command, program.args);
}

function summarise(program: ProgramCommand, measurements: readonly ProcessMeasurement[]): ProgramSummary {
  const wallSeconds = measurements.map((measurement) => roundTo(measurement.wallSeconds, 3));
  const peakRssMb = measurements.map((measurement) => roundTo(measurement.peakRssMb, 1));
  return {
    label: program.label,
    commandLine: [program.command, ...program.args].join(' '),
    runs: measurements.length,
    wallSeconds,
    peakRssMb,
    medianWallSeconds: roundTo(median(wallSeconds), 3),
    medianPeakRssMb: roundTo(median(peakRssMb), 1),
    lastStdout: measurements.at(-1)?.stdout ?? '',
  };
}

/** One program's row of a side-by-side table: its label, median wall seconds (3 decimals), median peak RSS MB. */
export function medianRow(runs: ProgramSummary): string[] {
  return [runs.label, runs.medianWallSeconds.toFixed(3), runs.medianPeakRssMb.toFixed(0)];
}
