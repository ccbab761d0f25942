// Issue 17: where the time of one analysis goes, in process on one core, on the plain UTF-8 comma file Online
// Retail is: the ingest cut at the engine's seams (decode; decode + split, where the fast path parses only the
// records with a quote and keeps the other lines as text; the whole read into the ledger, i.e. + cutting the fields
// the rules read, the rules and the ledger), with its speed in MB/s against the 250 MB/s target, then the
// analysis stages as the engine times them through its stage timer (read, trends, value, RFM, segments and
// K-means). The render's figures come from the email step (bench/steps/email-render.ts), the fast path against the
// general one from the record-splitting step (whole processes: in process, whichever runs second is skewed by
// what V8 learned from the first). Interleaved rounds, medians.
import { readFile } from 'node:fs/promises';
import { ANALYSIS_STAGES, type AnalysisStage } from '../../lambda/engine/analysis/analysis-stages.ts';
import { analyzeCsv } from '../../lambda/engine/analyze-csv.ts';
import { formatTable, verdict } from '../bench-helpers/format-table.ts';
import { INGEST_CUTS, type IngestCut, timeIngestCut } from '../bench-helpers/ingest-timing.ts';
import { fromRoot } from '../bench-helpers/programs.ts';
import { median, roundTo } from '../bench-helpers/statistics.ts';
import type { StepOutcome } from './step-outcome.ts';

const ROUNDS = 5;
/** Issue 17: decode + parse + aggregate of a plain UTF-8 comma file, on one core. */
export const INGEST_TARGET_MB_PER_SECOND = 250;
const MB = 1e6;

/** Each analysis stage's seconds in one run, as the engine's stage timer saw them (promises awaited). */
async function timedAnalysis(
  bytes: Uint8Array,
  sourceName: string,
): Promise<Record<AnalysisStage | 'whole', number>> {
  const seconds = Object.fromEntries(ANALYSIS_STAGES.map((stage) => [stage, 0])) as Record<
    AnalysisStage,
    number
  >;
  const timeStage = <T>(stage: AnalysisStage, run: () => T): T => {
    const started = performance.now();
    const result = run();
    const record = () => (seconds[stage] += (performance.now() - started) / 1000);
    if (result instanceof Promise) return result.finally(record) as T;
    record();
    return result;
  };
  const started = performance.now();
  async function* whole(): AsyncGenerator<Uint8Array> {
    yield bytes;
  }
  await analyzeCsv(whole(), { sourceName, now: new Date('2030-01-01T00:00:00Z'), timeStage });
  return { ...seconds, whole: (performance.now() - started) / 1000 };
}

/** The breakdown on `input` (Online Retail, decompressed). Target: the read at 250 MB/s or more. */
export async function benchmarkStageBreakdown(
  input: string,
  log: (line: string) => void,
): Promise<StepOutcome<Record<string, unknown>>> {
  const bytes = new Uint8Array(await readFile(input));
  const sourceName = fromRoot(input);
  const cutSeconds = Object.fromEntries(INGEST_CUTS.map((cut) => [cut, [] as number[]])) as Record<
    IngestCut,
    number[]
  >;
  const stageSeconds: Record<string, number[]> = {};
  for (let round = 0; round <= ROUNDS; round++) {
    log(`stage breakdown: round ${round === 0 ? 'warm-up' : `${round} of ${ROUNDS}`}`);
    for (const cut of INGEST_CUTS) {
      const seconds = await timeIngestCut(bytes, cut, sourceName);
      if (round > 0) cutSeconds[cut].push(seconds);
    }
    const stages = await timedAnalysis(bytes, sourceName);
    if (round > 0)
      for (const [stage, seconds] of Object.entries(stages)) (stageSeconds[stage] ??= []).push(seconds);
  }
  const cuts = Object.fromEntries(INGEST_CUTS.map((cut) => [cut, median(cutSeconds[cut])])) as Record<
    IngestCut,
    number
  >;
  const stages = Object.fromEntries(
    Object.entries(stageSeconds).map(([stage, runs]) => [stage, median(runs)]),
  );
  const megabytes = bytes.length / MB;
  const readMbPerSecond = megabytes / cuts.read;
  const targets = { ingestAtLeast250MbPerSecond: readMbPerSecond >= INGEST_TARGET_MB_PER_SECOND };
  return {
    results: {
      input: sourceName,
      bytes: bytes.length,
      rounds: ROUNDS,
      ingestSeconds: roundAll(cuts),
      ingestMbPerSecond: roundTo(readMbPerSecond, 1),
      analysisStageSeconds: roundAll(stages),
    },
    targets,
    thresholds: { ingestTargetMbPerSecond: INGEST_TARGET_MB_PER_SECOND },
    lines: breakdownLines(sourceName, megabytes, cuts, stages, targets.ingestAtLeast250MbPerSecond),
  };
}

function roundAll(values: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, roundTo(value, 4)]));
}

function breakdownLines(
  sourceName: string,
  megabytes: number,
  cuts: Record<IngestCut, number>,
  stages: Record<string, number>,
  ingestMet: boolean,
): string[] {
  const rate = (seconds: number) => (megabytes / seconds).toFixed(0);
  const ms = (seconds: number) => (seconds * 1000).toFixed(0);
  const row = (name: string, seconds: number, note = ''): string[] => [name, ms(seconds), note];
  return [
    '',
    `Stage breakdown, in process on one core: ${sourceName} (${megabytes.toFixed(1)} MB, median of ${ROUNDS})`,
    formatTable(
      ['stage', 'ms', 'note'],
      [
        row('decode (bytes to text)', cuts.decode, `${rate(cuts.decode)} MB/s`),
        row(
          'split (quoted records parsed; quote-free lines kept as text)',
          cuts.split - cuts.decode,
          `decode + split ${rate(cuts.split)} MB/s`,
        ),
        row(
          'aggregate (fields cut, rules, ledger)',
          cuts.read - cuts.split,
          `the whole read ${rate(cuts.read)} MB/s`,
        ),
        ...ANALYSIS_STAGES.filter((stage) => stage !== 'read').map((stage) => row(stage, stages[stage] ?? 0)),
        row('the whole analysis', stages.whole ?? 0, `read in it: ${ms(stages.read ?? 0)} ms`),
      ],
    ),
    `${verdict(ingestMet)}  ingest (decode + parse + aggregate) ${rate(cuts.read)} MB/s on one core (target >= ${INGEST_TARGET_MB_PER_SECOND} MB/s)`,
  ];
}
