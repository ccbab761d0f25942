// Step 6 (issue 12): how long the customer-value fits take, in process, on Online Retail and on 2M customers who
// follow BG/NBD and Gamma-Gamma (tools/bg-nbd-log.ts, generated once into .bench/). Each file is read once through
// the engine's front (readOrderColumns), then the summary, the BG/NBD fit and the Gamma-Gamma fit are timed apart,
// median of 3: the whole history up to the as-of day, as the value step's final fit, from the fixed starts (the
// value step starts from the backtest's optimum instead, so its own fits are usually faster).
import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type OrderColumnsOfFile, readOrderColumns } from '../../lambda/engine/read-order-columns.ts';
import { type BgNbdFit, fitBgNbd } from '../../lambda/engine/value/bg-nbd-fit.ts';
import { CUSTOMER_VALUE_DEFAULTS } from '../../lambda/engine/value/customer-value.ts';
import { distinctHistories } from '../../lambda/engine/value/distinct-histories.ts';
import { fitGammaGamma, type GammaGammaFit } from '../../lambda/engine/value/gamma-gamma.ts';
import { calibrationColumns, summarisePurchases } from '../../lambda/engine/value/purchase-summary.ts';
import { BG_NBD_GENERATOR_VERSION, writeBgNbdLog } from '../../tools/bg-nbd-log.ts';
import { formatTable } from '../bench-helpers/format-table.ts';
import { benchDirectory } from '../bench-helpers/paths.ts';
import { fromRoot } from '../bench-helpers/programs.ts';
import { median, roundTo } from '../bench-helpers/statistics.ts';
import type { StepOutcome } from './step-outcome.ts';

/** Customers of the generated BG/NBD file the fits and the value step's cost are measured on. */
export const BG_NBD_CUSTOMERS = 2_000_000;
const ROUNDS = 3;
const READ_CHUNK_BYTES = 1 << 20;

interface FitTime {
  input: string;
  orders: number;
  /** Customers with a purchase before the as-of day: the rows fitted. */
  customers: number;
  distinctHistories: number;
  medianSeconds: { summary: number; bgNbd: number; gammaGamma: number };
  bgNbd: RecordedFit<BgNbdFit>;
  gammaGamma: RecordedFit<GammaGammaFit>;
}

/** A fit as recorded: its parameters, log-likelihood, convergence and customers fitted. */
type RecordedFit<Fit extends BgNbdFit | GammaGammaFit> = Pick<
  Fit,
  'parameters' | 'logLikelihood' | 'converged' | 'customersFitted'
>;

/** The generated BG/NBD file of BG_NBD_CUSTOMERS customers, written on first use (deterministic, then reused). */
export async function bgNbdInput(log: (line: string) => void): Promise<string> {
  const name = `generated_bg_nbd_${BG_NBD_CUSTOMERS}_v${BG_NBD_GENERATOR_VERSION}.csv`;
  const path = join(benchDirectory, name);
  log(`preparing ${name} (${BG_NBD_CUSTOMERS.toLocaleString('en-US')} customers)`);
  if ((await stat(path).catch(() => undefined)) === undefined) {
    await mkdir(benchDirectory, { recursive: true });
    await writeBgNbdLog(path, BG_NBD_CUSTOMERS);
  }
  return path;
}

const secondsSince = (start: number): number => (performance.now() - start) / 1000;

/** One round: the summary (with the calibration columns), then each fit, each with its time. */
function timeRound(input: OrderColumnsOfFile) {
  let start = performance.now();
  const summary = summarisePurchases(input.orders, {
    customerCount: input.customerCount,
    calibrationEndDay: input.asOfDay - 1,
    timeUnit: CUSTOMER_VALUE_DEFAULTS.timeUnit,
  });
  const columns = calibrationColumns(summary);
  const summarySeconds = secondsSince(start);
  start = performance.now();
  const bgNbd = fitBgNbd(columns);
  const bgNbdSeconds = secondsSince(start);
  start = performance.now();
  const gammaGamma = fitGammaGamma(columns.x, columns.meanRepeatValue);
  const seconds = { summary: summarySeconds, bgNbd: bgNbdSeconds, gammaGamma: secondsSince(start) };
  return { columns, bgNbd, gammaGamma, seconds };
}

function recorded<Fit extends BgNbdFit | GammaGammaFit>(fit: Fit): RecordedFit<Fit> {
  const { parameters, logLikelihood, converged, customersFitted } = fit;
  return { parameters, logLikelihood: roundTo(logLikelihood, 2), converged, customersFitted };
}

/** Reads `input` through the engine, then times the summary and both fits ROUNDS times each. */
async function measureFits(input: string, log: (line: string) => void): Promise<FitTime> {
  log(`value fits on ${fromRoot(input)}: reading the orders`);
  const read = await readOrderColumns(createReadStream(input, { highWaterMark: READ_CHUNK_BYTES }), {
    sourceName: input,
    now: new Date(),
  });
  const rounds: ReturnType<typeof timeRound>[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    log(`value fits on ${fromRoot(input)}: round ${round} of ${ROUNDS}`);
    rounds.push(timeRound(read));
  }
  const { columns, bgNbd, gammaGamma } = rounds.at(-1) as ReturnType<typeof timeRound>;
  const medianOf = (step: keyof ReturnType<typeof timeRound>['seconds']) =>
    roundTo(median(rounds.map((round) => round.seconds[step])), 3);
  return {
    input: fromRoot(input),
    orders: read.orders.count,
    customers: columns.rows.length,
    distinctHistories: distinctHistories(columns).weights.length,
    medianSeconds: {
      summary: medianOf('summary'),
      bgNbd: medianOf('bgNbd'),
      gammaGamma: medianOf('gammaGamma'),
    },
    bgNbd: recorded(bgNbd),
    gammaGamma: recorded(gammaGamma),
  };
}

const thousands = (count: number): string => count.toLocaleString('en-US');
const rounded = (parameters: object): string =>
  Object.values(parameters as Record<string, number>)
    .map((value) => value.toPrecision(4))
    .join(', ');

/** The fits' times on Online Retail and on the generated BG/NBD file; reported, no target. */
export async function benchmarkValueFitTime(
  onlineRetail: string,
  log: (line: string) => void,
): Promise<StepOutcome<FitTime[]>> {
  const inputs = [onlineRetail, await bgNbdInput(log)];
  const fits: FitTime[] = [];
  for (const input of inputs) fits.push(await measureFits(input, log));
  const rows = fits.map((fit) => [
    fit.input,
    thousands(fit.customers),
    `${thousands(fit.distinctHistories)} / ${thousands(fit.bgNbd.customersFitted)}`,
    fit.medianSeconds.summary.toFixed(3),
    fit.medianSeconds.bgNbd.toFixed(3),
    fit.medianSeconds.gammaGamma.toFixed(3),
    `${rounded(fit.bgNbd.parameters)} (LL ${fit.bgNbd.logLikelihood.toFixed(0)})`,
    `${rounded(fit.gammaGamma.parameters)} (LL ${fit.gammaGamma.logLikelihood.toFixed(0)})`,
  ]);
  const headers = ['input', 'customers', 'histories / fitted', 'summary s', 'BG/NBD s', 'Gamma-Gamma s'];
  return {
    results: fits,
    targets: {},
    thresholds: {},
    lines: [
      '',
      `Customer value fits (median of ${ROUNDS}; in process, from the fixed starts):`,
      formatTable([...headers, 'r, alpha, a, b', 'p, q, v (repeat customers)'], rows),
    ],
  };
}
