// Issue 17: the report Lambdas' bundles, built as the stack builds them (infra/constructs/report-bundling.ts) into
// .bench/lambda/<function>/, their size without the chart assets, and their cold import (bench-helpers/
// cold-import.ts), plain and with the functions' NODE_OPTIONS. The first report then imports what the handler
// imports lazily: timed the same way on those modules bundled alone, an upper bound (the deployed bundle has
// already loaded the part they share with the cold start).
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  REPORT_BUNDLE_FILE,
  REPORT_BUNDLING,
  REPORT_HANDLER_FILES,
  REPORT_NODE_OPTIONS,
} from '../../infra/constructs/report-bundling.ts';
import { CHART_ASSET_FILES } from '../../lambda/report/charts/chart-assets.ts';
import { type ColdImport, coldImports } from '../bench-helpers/cold-import.ts';
import { formatTable, verdict } from '../bench-helpers/format-table.ts';
import {
  type BundleGraph,
  buildBundle,
  buildModules,
  bundleGraph,
} from '../bench-helpers/lambda-bundle-build.ts';
import { benchDirectory, projectRoot } from '../bench-helpers/paths.ts';
import { fromRoot } from '../bench-helpers/programs.ts';
import { roundTo } from '../bench-helpers/statistics.ts';
import type { StepOutcome } from './step-outcome.ts';

const ROUNDS = 7;
/** Issue 17's 3 MB read strictly: 3,000,000 bytes, not 3 MiB. */
const BUNDLE_BYTES_TARGET = 3_000_000;
const COLD_IMPORT_MS_TARGET = 250;
const LAMBDA_DIRECTORY = join(benchDirectory, 'lambda');

type FunctionName = keyof typeof REPORT_HANDLER_FILES;

interface BuiltFunction {
  name: FunctionName;
  entry: string;
  directory: string;
  bundleBytes: number;
  chartAssetBytes: number;
  graph: BundleGraph;
}

/** The cold imports of one function: its bundle plain and with NODE_OPTIONS, and its lazy part alone. */
interface FunctionImports {
  coldImport: ColdImport;
  withNodeOptions: ColdImport;
  firstReport: ColdImport;
}

/** Builds one function's bundle, copies the chart assets beside it (as afterBundling does) and sizes both. */
async function buildFunction(name: FunctionName): Promise<BuiltFunction> {
  const directory = join(LAMBDA_DIRECTORY, name);
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  const entry = `lambda/handlers/${REPORT_HANDLER_FILES[name]}`;
  const bundle = join(directory, REPORT_BUNDLE_FILE);
  const metafile = await buildBundle(REPORT_BUNDLING, join(projectRoot, entry), bundle);
  let chartAssetBytes = 0;
  for (const { name: file, source } of Object.values(CHART_ASSET_FILES)) {
    await copyFile(join(projectRoot, source), join(directory, file));
    chartAssetBytes += (await stat(join(directory, file))).size;
  }
  // Every JavaScript file of the asset counts (a split bundle's chunks would too); the source maps do not.
  let bundleBytes = 0;
  for (const file of await readdir(directory)) {
    if (/\.m?js$/.test(file)) bundleBytes += (await stat(join(directory, file))).size;
  }
  return { name, entry, directory, bundleBytes, chartAssetBytes, graph: bundleGraph(metafile, entry) };
}

/** Times every function's cold imports, each kind interleaved across the functions. */
async function measureImports(
  built: readonly BuiltFunction[],
  log: (line: string) => void,
): Promise<FunctionImports[]> {
  const bundles = built.map(({ directory }) => join(directory, REPORT_BUNDLE_FILE));
  const lazyParts: string[] = [];
  for (const { directory, graph } of built) {
    lazyParts.push(join(directory, 'lazy-part', REPORT_BUNDLE_FILE));
    await buildModules(REPORT_BUNDLING, graph.lazyRoots, lazyParts.at(-1) as string);
  }
  const plain = await coldImports(bundles, { rounds: ROUNDS, flags: [], log });
  const deployed = await coldImports(bundles, { rounds: ROUNDS, flags: REPORT_NODE_OPTIONS.split(' '), log });
  const lazy = await coldImports(lazyParts, { rounds: ROUNDS, flags: [], log });
  return built.map((_, index) => ({
    coldImport: plain[index] as ColdImport,
    withNodeOptions: deployed[index] as ColdImport,
    firstReport: lazy[index] as ColdImport,
  }));
}

const megabytes = (bytes: number): string => `${roundTo(bytes / 1e6, 2)} MB`;
const spread = ({ medianMs, minMs, maxMs }: ColdImport): string => `${medianMs} ms (${minMs}-${maxMs})`;
const bytes = (count: number): string => count.toLocaleString('en');

/** One function's results, targets, table row and verdict lines. */
function functionReport(fn: BuiltFunction, imports: FunctionImports) {
  const { coldImport, withNodeOptions, firstReport } = imports;
  const { staticBytes, lazyBytes, lazyRoots } = fn.graph;
  const sizeMet = fn.bundleBytes <= BUNDLE_BYTES_TARGET;
  const importMet = coldImport.medianMs <= COLD_IMPORT_MS_TARGET;
  return {
    results: {
      entry: fn.entry,
      bundleBytes: fn.bundleBytes,
      chartAssetBytes: fn.chartAssetBytes,
      coldStartBytes: staticBytes,
      lazyBytes,
      lazyRoots,
      coldImport,
      coldImportWithNodeOptions: withNodeOptions,
      firstReportImportUpperBound: firstReport,
    },
    targets: { [`${fn.name}BundleAtMost3MB`]: sizeMet, [`${fn.name}ColdImportAtMost250Ms`]: importMet },
    row: [
      fn.name,
      megabytes(fn.bundleBytes),
      megabytes(fn.chartAssetBytes),
      `${megabytes(staticBytes)} / ${megabytes(lazyBytes)}`,
      spread(coldImport),
      `${coldImport.medianWallMs} ms / ${coldImport.medianPeakRssMb} MB`,
      spread(withNodeOptions),
      spread(firstReport),
    ],
    verdicts: [
      `${verdict(sizeMet)}  ${fn.name}: bundle ${bytes(fn.bundleBytes)} bytes <= ${bytes(BUNDLE_BYTES_TARGET)} ` +
        '(chart assets apart)',
      `${verdict(importMet)}  ${fn.name}: cold import ${coldImport.medianMs} ms <= ${COLD_IMPORT_MS_TARGET} ms`,
    ],
  };
}

const HEADERS = [
  'function',
  'bundle',
  'chart assets',
  'cold start / lazy',
  'cold import',
  'process wall / RSS',
  `with ${REPORT_NODE_OPTIONS}`,
  'first report adds <=',
];

/** Builds every report function, sizes it and times its cold import; targets: 3 MB and 250 ms for each. */
export async function benchmarkLambdaBundle(
  log: (line: string) => void,
): Promise<StepOutcome<Record<string, unknown>>> {
  const built: BuiltFunction[] = [];
  for (const name of Object.keys(REPORT_HANDLER_FILES) as FunctionName[]) {
    log(`bundling the ${name} function into ${fromRoot(join(LAMBDA_DIRECTORY, name))}/`);
    built.push(await buildFunction(name));
  }
  const imports = await measureImports(built, log);
  const reports = built.map((fn, index) => functionReport(fn, imports[index] as FunctionImports));
  return {
    results: {
      rounds: ROUNDS,
      nodeOptions: REPORT_NODE_OPTIONS,
      ...Object.fromEntries(built.map(({ name }, index) => [name, reports[index]?.results])),
    },
    targets: Object.assign({}, ...reports.map(({ targets }) => targets)) as Record<string, boolean>,
    thresholds: { bundleBytesTarget: BUNDLE_BYTES_TARGET, coldImportMsTarget: COLD_IMPORT_MS_TARGET },
    lines: [
      '',
      `Lambda bundles (${fromRoot(LAMBDA_DIRECTORY)}/<function>/; cold import: median of ${ROUNDS} fresh ` +
        'processes, min-max in brackets):',
      formatTable(
        HEADERS,
        reports.map(({ row }) => row),
      ),
      ...reports.flatMap(({ verdicts }) => verdicts),
    ],
  };
}
