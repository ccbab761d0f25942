/**
 * What the trends (lambda/engine/trends/) cost, in process: each file read once through the engine's front
 * (readOrderColumns), then the period index, the base series, the segment membership at each period's end and the
 * cohorts timed apart, 3 rounds, with the process's RSS after each. Default files: the vendored Online Retail
 * export and the benchmarks' generated log of 2,000,000 customers (.bench/, written on first use). Not a test.
 * Run: npx tsx bench/trends-bench.ts [FILE ...]
 */
import { createReadStream } from 'node:fs';
import { readOrderColumns } from '../lambda/engine/read-order-columns.ts';
import { acquisitionCohorts } from '../lambda/engine/trends/acquisition-cohorts.ts';
import { baseSeries } from '../lambda/engine/trends/base-series.ts';
import { ordersByPeriod } from '../lambda/engine/trends/orders-by-period.ts';
import { segmentSeries } from '../lambda/engine/trends/segment-series.ts';
import { periodGrid } from '../lambda/engine/trends/trend-periods.ts';
import { AFTER_ALL_DATA, ONLINE_RETAIL } from '../tools/real-data.ts';
import { generatedInput } from './bench-helpers/customer-scaling.ts';

const ROUNDS = 3;
const ACTIVE_WINDOW_DAYS = 90;
const GENERATED_CUSTOMERS = 2_000_000;

const log = (line: string): void => {
  process.stderr.write(`[trends] ${line}\n`);
};

/** Milliseconds `step` takes, and its result. */
function timed<Result>(step: () => Result): [Result, number] {
  const start = performance.now();
  const result = step();
  return [result, Math.round(performance.now() - start)];
}

async function benchmarkFile(path: string): Promise<void> {
  const read = await readOrderColumns(createReadStream(path, { highWaterMark: 1 << 20 }), {
    sourceName: path,
    now: AFTER_ALL_DATA,
  });
  log(`${path}: ${read.orders.count} orders, ${read.customerCount} customers`);
  let firstDay = Number.POSITIVE_INFINITY;
  for (let order = 0; order < read.orders.count; order++) {
    firstDay = Math.min(firstDay, read.orders.days[order] as number);
  }
  for (let round = 1; round <= ROUNDS; round++) {
    const [indexed, indexMs] = timed(() =>
      ordersByPeriod(read.orders, read.customerCount, periodGrid(firstDay, read.asOfDay)),
    );
    const [, baseMs] = timed(() => baseSeries(indexed));
    const [, segmentsMs] = timed(() => segmentSeries(indexed, ACTIVE_WINDOW_DAYS));
    const [, cohortsMs] = timed(() => acquisitionCohorts(indexed));
    const rssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
    const total = indexMs + baseMs + segmentsMs + cohortsMs;
    log(
      `round ${round}, ${indexed.grid.count} ${indexed.grid.unit}s: index ${indexMs} ms, base ${baseMs} ms, ` +
        `segments ${segmentsMs} ms, cohorts ${cohortsMs} ms, total ${total} ms, RSS ${rssMb} MB`,
    );
  }
}

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (files.length === 0) files.push(ONLINE_RETAIL, await generatedInput(GENERATED_CUSTOMERS, log));
  for (const file of files) await benchmarkFile(file);
}

await main();
