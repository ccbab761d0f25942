/**
 * `npm run bench` (after scripts/build-cli.mjs): whole process against whole process on the real Online Retail
 * export, our bundled CLI vs the pandas + scikit-learn reference, then memory scaling on 4x the lines, then the
 * same comparison on a generated file of 2M distinct customers (issue 10) and ours alone on 4M and 8M, with the
 * peak memory per customer and its projection to 10M, then K-means alone (bench/kmeans-bench.ts vs
 * scikit-learn). Prints tables and writes .bench/results.json. Takes about 10 minutes, most of it the 8M run and
 * generating the big files the first time (they are kept in .bench/).
 * Not a test: the machine is shared and noisy, so targets are reported (PASS/FAIL), never asserted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { compareInterleaved, measureRepeatedly, type ProgramCommand } from './bench-helpers/end-to-end.ts';
import { formatTable, verdict } from './bench-helpers/format-table.ts';
import {
  compareOnGenerated,
  generatedInput,
  measureOursAtSizes,
  memorySlope,
} from './bench-helpers/customer-scaling.ts';
import { compareKmeans, type KmeansRow } from './bench-helpers/kmeans-comparison.ts';
import {
  benchDirectory,
  bundledCli,
  kmeansBenchScript,
  projectRoot,
  referenceScript,
  systemPython,
} from './bench-helpers/paths.ts';
import { ensureOnlineRetailCopy, ensureReplicatedCsv } from './bench-helpers/prepare-inputs.ts';
import { roundTo } from './bench-helpers/statistics.ts';

const ROUNDS = 5;
const SCALE_COPIES = 4;
const SCALING_RUNS = 3;
// One restart each side keeps the whole bench under ~5 minutes: ml-kmeans alone needs ~8 s per restart at 1M rows.
const KMEANS_RESTARTS = 1;
const SKLEARN_REPEATS = 3;
const PEAK_RSS_TARGET_MB = 300;
/** x4 the lines must cost less than this factor of the x1 peak RSS: memory follows customers, not lines. */
const SCALING_LIMIT = 1.5;
/** Issue 10: 2M distinct customers side by side with the reference, then ours alone on more. */
const COMPARED_CUSTOMERS = 2_000_000;
const GENERATED_ROUNDS = 3;
const LARGER_CUSTOMERS = [4_000_000, 8_000_000];
const LARGER_RUNS = 2;
const COMPARED_PEAK_RSS_TARGET_MB = 700;
/** The largest Lambda (10,240 MB) must hold 10M customers, by the memory slope. */
const PROJECTED_CUSTOMERS = 10_000_000;
const LARGEST_LAMBDA_MB = 10_240;

const fromRoot = (path: string): string => relative(projectRoot, path);
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
  const probe = spawnSync(systemPython, ['-c', 'import pandas, sklearn'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(
      `${systemPython} cannot import pandas and sklearn: run scripts/ensure-system-packages.sh`,
    );
  }
}

/** The headline numbers of both programs on the same file, read from their outputs. */
async function readOutputs(
  ourJsonPath: string,
  referenceStdout: string,
): Promise<{ ours: Record<string, unknown>; reference: Record<string, unknown> }> {
  const analysis = JSON.parse(await readFile(ourJsonPath, 'utf8')) as { kpis?: Record<string, unknown> };
  const reference = JSON.parse(referenceStdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  const kpis = analysis.kpis ?? {};
  return {
    ours: {
      customers: kpis.customers,
      orders: kpis.orders,
      revenue: kpis.revenue,
      averageOrderValue: kpis.averageOrderValue,
    },
    reference: {
      customers: reference.customers,
      orders: reference.orders,
      revenue: reference.revenue,
      averageOrderValue: reference.avg_order_value,
    },
  };
}

function kmeansTable(rows: readonly KmeansRow[]): string {
  return formatTable(
    ['engine', 'rows x dims', 'k', 'n_init', 'median fit s', 'peak RSS MB', 'iterations', 'inertia/row'],
    rows.map((row) => [
      row.engine,
      `${row.rows} x ${row.dimensions}`,
      String(row.k),
      String(row.nInit),
      row.medianFitSeconds.toFixed(3),
      row.peakRssMb.toFixed(0),
      String(row.lastIterations),
      row.lastInertiaPerRow.toFixed(4),
    ]),
  );
}

async function main(): Promise<void> {
  checkPrerequisites();
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const onlineRetail = join(benchDirectory, 'online_retail.csv');
  const onlineRetailX4 = join(benchDirectory, `online_retail_x${SCALE_COPIES}.csv`);
  const ourJson = join(benchDirectory, 'ours.json');
  const generatedJson = join(benchDirectory, 'ours_generated.json');

  log(`preparing ${fromRoot(onlineRetail)}`);
  await ensureOnlineRetailCopy(onlineRetail);

  const ours: ProgramCommand = {
    label: 'ours (node dist/cli.mjs)',
    command: process.execPath,
    args: [fromRoot(bundledCli), 'analyze', fromRoot(onlineRetail), '--json', fromRoot(ourJson)],
  };
  const reference: ProgramCommand = {
    label: 'reference (pandas + sklearn)',
    command: systemPython,
    args: [fromRoot(referenceScript), fromRoot(onlineRetail)],
  };
  const [oursSummary, referenceSummary] = await compareInterleaved(ours, reference, ROUNDS, log);
  const outputs = await readOutputs(ourJson, referenceSummary.lastStdout);
  const oursOn = (input: string): ProgramCommand => ({
    label: 'ours (node dist/cli.mjs)',
    command: process.execPath,
    args: [fromRoot(bundledCli), 'analyze', fromRoot(input), '--json', fromRoot(generatedJson), '--quiet'],
  });
  const referenceOn = (input: string): ProgramCommand => ({
    label: 'reference (pandas + sklearn)',
    command: systemPython,
    args: [fromRoot(referenceScript), fromRoot(input)],
  });

  log(`preparing ${fromRoot(onlineRetailX4)} (${SCALE_COPIES}x the data lines)`);
  await ensureReplicatedCsv(onlineRetail, onlineRetailX4, SCALE_COPIES);
  log(`scaling: ours on x${SCALE_COPIES}, ${SCALING_RUNS} runs`);
  const scaledSummary = await measureRepeatedly(
    {
      label: `ours on x${SCALE_COPIES}`,
      command: process.execPath,
      args: [
        fromRoot(bundledCli),
        'analyze',
        fromRoot(onlineRetailX4),
        '--json',
        fromRoot(join(benchDirectory, `ours_x${SCALE_COPIES}.json`)),
      ],
    },
    SCALING_RUNS,
  );

  const comparedInput = await generatedInput(COMPARED_CUSTOMERS, log);
  log(
    `${COMPARED_CUSTOMERS.toLocaleString('en-US')} customers: ours vs reference, ${GENERATED_ROUNDS} rounds`,
  );
  const [oursCompared, referenceCompared] = await compareOnGenerated(
    comparedInput,
    { ours: oursOn, reference: referenceOn },
    GENERATED_ROUNDS,
    log,
  );
  const comparedOutputs = await readOutputs(generatedJson, referenceCompared.lastStdout);
  const larger = await measureOursAtSizes(LARGER_CUSTOMERS, oursOn, LARGER_RUNS, log);
  const scalingPoints = [
    { customers: COMPARED_CUSTOMERS, summary: oursCompared },
    ...larger.map((point) => ({ customers: point.customers, summary: point.ours })),
  ];
  const slope = memorySlope(
    scalingPoints.map((point) => ({ customers: point.customers, peakRssMb: point.summary.medianPeakRssMb })),
    PROJECTED_CUSTOMERS,
  );

  const kmeans = existsSync(kmeansBenchScript)
    ? await compareKmeans(KMEANS_RESTARTS, SKLEARN_REPEATS, log)
    : undefined;
  if (kmeans === undefined) log(`${fromRoot(kmeansBenchScript)} not found: K-means comparison skipped`);

  const wallRatio = oursSummary.medianWallSeconds / referenceSummary.medianWallSeconds;
  const rssRatio = oursSummary.medianPeakRssMb / referenceSummary.medianPeakRssMb;
  const scalingRatio = scaledSummary.medianPeakRssMb / oursSummary.medianPeakRssMb;
  const comparedWallRatio = oursCompared.medianWallSeconds / referenceCompared.medianWallSeconds;
  const comparedRssRatio = oursCompared.medianPeakRssMb / referenceCompared.medianPeakRssMb;
  const targets = {
    wallNotSlowerThanReference: oursSummary.medianWallSeconds <= referenceSummary.medianWallSeconds,
    peakRssBelowTarget: oursSummary.medianPeakRssMb < PEAK_RSS_TARGET_MB,
    memoryScalesWithCustomers: scalingRatio < SCALING_LIMIT,
    manyCustomersWallNotSlowerThanReference:
      oursCompared.medianWallSeconds <= referenceCompared.medianWallSeconds,
    manyCustomersPeakRssBelowTarget: oursCompared.medianPeakRssMb <= COMPARED_PEAK_RSS_TARGET_MB,
    tenMillionCustomersFitLargestLambda: slope.projectedPeakRssMb <= LARGEST_LAMBDA_MB,
  };

  const results = {
    startedAt: startedAt.toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverage1mStart: roundTo(loadAtStart[0] ?? Number.NaN, 2),
      loadAverage1mEnd: roundTo(loadavg()[0] ?? Number.NaN, 2),
    },
    endToEnd: {
      input: fromRoot(onlineRetail),
      rounds: ROUNDS,
      ours: withoutStdout(oursSummary),
      reference: withoutStdout(referenceSummary),
      ratioWall: roundTo(wallRatio, 3),
      ratioPeakRss: roundTo(rssRatio, 3),
      outputs,
    },
    memoryScaling: {
      input: fromRoot(onlineRetailX4),
      copies: SCALE_COPIES,
      x1MedianPeakRssMb: oursSummary.medianPeakRssMb,
      scaled: withoutStdout(scaledSummary),
      ratio: roundTo(scalingRatio, 3),
      limit: SCALING_LIMIT,
    },
    manyCustomers: {
      input: fromRoot(comparedInput),
      customers: COMPARED_CUSTOMERS,
      rounds: GENERATED_ROUNDS,
      ours: withoutStdout(oursCompared),
      reference: withoutStdout(referenceCompared),
      ratioWall: roundTo(comparedWallRatio, 3),
      ratioPeakRss: roundTo(comparedRssRatio, 3),
      outputs: comparedOutputs,
      larger: larger.map((point) => ({
        customers: point.customers,
        input: fromRoot(point.input),
        ours: withoutStdout(point.ours),
      })),
      memorySlope: slope,
    },
    kmeans: kmeans ?? null,
    targets: {
      ...targets,
      peakRssTargetMb: PEAK_RSS_TARGET_MB,
      manyCustomersPeakRssTargetMb: COMPARED_PEAK_RSS_TARGET_MB,
      largestLambdaMb: LARGEST_LAMBDA_MB,
    },
    allTargetsMet: Object.values(targets).every(Boolean),
  };

  const lines = [
    '',
    `End to end on ${fromRoot(onlineRetail)} (median of ${ROUNDS} interleaved runs after one warm-up each)`,
    formatTable(
      ['program', 'median wall s', 'median peak RSS MB'],
      [oursSummary, referenceSummary].map((summary) => [
        summary.label,
        summary.medianWallSeconds.toFixed(2),
        summary.medianPeakRssMb.toFixed(0),
      ]),
    ),
    `ratio ours/reference: wall ${wallRatio.toFixed(2)}, peak RSS ${rssRatio.toFixed(2)}`,
    `${verdict(targets.wallNotSlowerThanReference)}  ours wall <= reference wall`,
    `${verdict(targets.peakRssBelowTarget)}  ours peak RSS < ${PEAK_RSS_TARGET_MB} MB`,
    `outputs: ours ${JSON.stringify(outputs.ours)}`,
    `         reference ${JSON.stringify(outputs.reference)}`,
    '',
    `Memory scaling: ours on x1 vs x${SCALE_COPIES} the lines (median of ${SCALING_RUNS} runs on x${SCALE_COPIES})`,
    formatTable(
      ['input', 'median wall s', 'median peak RSS MB'],
      [
        ['x1', oursSummary.medianWallSeconds.toFixed(2), oursSummary.medianPeakRssMb.toFixed(0)],
        [
          `x${SCALE_COPIES}`,
          scaledSummary.medianWallSeconds.toFixed(2),
          scaledSummary.medianPeakRssMb.toFixed(0),
        ],
      ],
    ),
    `${verdict(targets.memoryScalesWithCustomers)}  x${SCALE_COPIES} peak = ${scalingRatio.toFixed(2)} x the x1 peak (limit ${SCALING_LIMIT})`,
    '',
    `Many customers: ${fromRoot(comparedInput)}, generated (median of ${GENERATED_ROUNDS} interleaved runs after one warm-up each)`,
    formatTable(
      ['program', 'median wall s', 'median peak RSS MB'],
      [oursCompared, referenceCompared].map((summary) => [
        summary.label,
        summary.medianWallSeconds.toFixed(2),
        summary.medianPeakRssMb.toFixed(0),
      ]),
    ),
    `ratio ours/reference: wall ${comparedWallRatio.toFixed(2)}, peak RSS ${comparedRssRatio.toFixed(2)}`,
    `${verdict(targets.manyCustomersWallNotSlowerThanReference)}  ours wall <= reference wall`,
    `${verdict(targets.manyCustomersPeakRssBelowTarget)}  ours peak RSS <= ${COMPARED_PEAK_RSS_TARGET_MB} MB`,
    `outputs: ours ${JSON.stringify(comparedOutputs.ours)}`,
    `         reference ${JSON.stringify(comparedOutputs.reference)}`,
    '',
    `Ours by number of customers (median of ${LARGER_RUNS} runs above ${COMPARED_CUSTOMERS.toLocaleString('en-US')})`,
    formatTable(
      ['customers', 'median wall s', 'median peak RSS MB', 'peak bytes per customer'],
      scalingPoints.map((point) => [
        point.customers.toLocaleString('en-US'),
        point.summary.medianWallSeconds.toFixed(2),
        point.summary.medianPeakRssMb.toFixed(0),
        ((point.summary.medianPeakRssMb * 2 ** 20) / point.customers).toFixed(0),
      ]),
    ),
    `memory slope: ${slope.bytesPerCustomer.toFixed(0)} bytes per customer above ${slope.interceptMb.toFixed(0)} MB ` +
      `(least squares); projected peak at ${PROJECTED_CUSTOMERS.toLocaleString('en-US')} customers: ` +
      `${slope.projectedPeakRssMb.toLocaleString('en-US')} MB`,
    `${verdict(targets.tenMillionCustomersFitLargestLambda)}  projection <= ${LARGEST_LAMBDA_MB.toLocaleString('en-US')} MB (the largest Lambda)`,
    '',
    kmeans === undefined
      ? 'K-means: bench/kmeans-bench.ts not found, skipped'
      : `K-means alone on synthetic blobs (fit time only, median of 3)\n${kmeansTable(kmeans)}`,
    '',
    `machine: ${results.machine.cpus} CPUs, load ${results.machine.loadAverage1mStart} -> ${results.machine.loadAverage1mEnd}`,
  ];
  console.log(lines.join('\n'));
  console.log(JSON.stringify(results, null, 2));
  const resultsPath = join(benchDirectory, 'results.json');
  await writeFile(resultsPath, `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${fromRoot(resultsPath)}`);
}

function withoutStdout<T extends { lastStdout: string }>(summary: T): Omit<T, 'lastStdout'> {
  const { lastStdout: _dropped, ...rest } = summary;
  return rest;
}

try {
  await main();
} catch (error) {
  process.stderr.write(`[bench] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
