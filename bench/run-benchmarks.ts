/**
 * `npm run bench` (after scripts/build-cli.mjs), one step each in bench/steps/, issue 17's contract first: the
 * whole job (value model, trends, JSON, customers file, the email with its charts) through the README's documented
 * command against the pandas + scikit-learn reference, whole process against whole process, on the real Online
 * Retail export and 10x its lines; memory scaling on 4x the lines; the same comparison on a generated file of 2M
 * distinct customers (issue 10) and ours alone on 4M and 8M, with the peak memory per customer and its projection
 * to 10M; where one analysis's time goes (in process: decode, parse, aggregate and the ingest's MB/s, then each
 * analysis stage); the fast record splitting against the general one (whole processes, the same JSON both ways);
 * the email's render warm and cold (HTML and text, then the charts); the Lambda bundles' size and
 * cold import; K-means alone (bench/kmeans-bench.ts vs scikit-learn); what the customer-value step costs (with
 * and without --no-value, on 2M customers who follow BG/NBD too: there the predictions must be shown within the 2M
 * memory target); the value models' fits timed in process on Online Retail and on those 2M customers; the engine
 * against the SQL path's local stand-in (DuckDB) on 1x, 10x and 50x Online Retail. Prints tables and writes
 * .bench/results.json. Takes about 25 minutes, most of it the 8M run and generating the big files the first time
 * (they are kept in .bench/).
 * Not a test: the machine is shared and noisy, so targets are reported (PASS/FAIL), never asserted.
 * `npm run bench -- --help` prints this and runs nothing.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { assertReferenceRuntime } from '../tools/reference-python.ts';
import { benchDirectory, bundledCli } from './bench-helpers/paths.ts';
import { fromRoot } from './bench-helpers/programs.ts';
import { roundTo } from './bench-helpers/statistics.ts';
import { benchmarkKmeansEngines } from './steps/kmeans-engines.ts';
import { benchmarkLineScaling } from './steps/line-scaling.ts';
import { benchmarkManyCustomers } from './steps/many-customers.ts';
import { benchmarkRealExport } from './steps/real-export.ts';
import { benchmarkSqlPath } from './steps/sql-path.ts';
import { benchmarkValueCost } from './steps/value-cost.ts';
import { benchmarkValueFitTime } from './steps/value-fit-time.ts';
import { benchmarkStageBreakdown } from './steps/stage-breakdown.ts';
import { benchmarkDiversityCost } from './steps/diversity-cost.ts';
import { benchmarkRecordSplitting } from './steps/record-splitting.ts';
import { benchmarkEmailRender } from './steps/email-render.ts';
import { benchmarkLambdaBundle } from './steps/lambda-bundle.ts';

const USAGE = `usage: npm run bench
Runs every benchmark step (about 25 minutes; big inputs are generated once into .bench/), prints the tables and
writes .bench/results.json. Needs dist/cli.mjs (npm run bench builds it) and /usr/bin/python3 with pandas and
scikit-learn (scripts/ensure-system-packages.sh).`;

const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

/** Stops early, with what to do, when the bundle or the reference's Python packages are missing. */
function checkPrerequisites(): void {
  if (!existsSync(bundledCli)) {
    throw new Error(
      `${fromRoot(bundledCli)} is missing: run "npm run bench" (it builds first) or "npm run build"`,
    );
  }
  assertReferenceRuntime();
}

/** The machine's CPUs, Node and its load at the start and now (the figures are only as quiet as it was). */
function machineFacts(loadAtStart: readonly number[]) {
  return {
    cpus: cpus().length,
    node: process.version,
    loadAverage1mStart: roundTo(loadAtStart[0] ?? Number.NaN, 2),
    loadAverage1mEnd: roundTo(loadavg()[0] ?? Number.NaN, 2),
  };
}

async function main(): Promise<void> {
  checkPrerequisites();
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const realExport = await benchmarkRealExport(log);
  const lineScaling = await benchmarkLineScaling(realExport.onlineRetail, realExport.ours, log);
  const manyCustomers = await benchmarkManyCustomers(log);
  const stages = await benchmarkStageBreakdown(realExport.onlineRetail, log);
  const recordSplitting = await benchmarkRecordSplitting(realExport.onlineRetail, log);
  const diversityCost = await benchmarkDiversityCost(realExport.onlineRetail, log);
  const emailRender = await benchmarkEmailRender(log);
  const lambdaBundle = await benchmarkLambdaBundle(log);
  const kmeans = await benchmarkKmeansEngines(log);
  const valueCost = await benchmarkValueCost(realExport.onlineRetail, log);
  const valueFitTime = await benchmarkValueFitTime(realExport.onlineRetail, log);
  const sqlPath = await benchmarkSqlPath(realExport.onlineRetail, log);
  // Each step's section of results.json, under its name; printed in this order.
  const named = {
    endToEnd: realExport.outcome,
    memoryScaling: lineScaling,
    manyCustomers,
    stageBreakdown: stages,
    recordSplitting,
    diversityCost,
    emailRender,
    lambdaBundle,
    kmeans,
    valueCost,
    valueFitTime,
    sqlPath,
  };
  const steps = Object.values(named);
  const targets = Object.assign({}, ...steps.map((step) => step.targets)) as Record<string, boolean>;
  const machine = machineFacts(loadAtStart);
  const results = {
    startedAt: startedAt.toISOString(),
    machine,
    ...Object.fromEntries(Object.entries(named).map(([name, step]) => [name, step.results])),
    targets: Object.assign({ ...targets }, ...steps.map((step) => step.thresholds)) as Record<
      string,
      unknown
    >,
    allTargetsMet: Object.values(targets).every(Boolean),
  };
  const lines = [
    ...steps.flatMap((step) => step.lines),
    '',
    `machine: ${machine.cpus} CPUs, load ${machine.loadAverage1mStart} -> ${machine.loadAverage1mEnd}`,
  ];
  console.log(lines.join('\n'));
  console.log(JSON.stringify(results, null, 2));
  const resultsPath = join(benchDirectory, 'results.json');
  await writeFile(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${fromRoot(resultsPath)}`);
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
} else {
  try {
    await main();
  } catch (error) {
    process.stderr.write(`[bench] failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
