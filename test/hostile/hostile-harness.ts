/**
 * What every hostile case of issue 10 asserts, whatever its input: the CLI, run as its own process under GNU time,
 * either exits 0 with finite, sensible results or exits 2 with one readable stderr line naming the file or the
 * option; in both cases within the product's budgets (60 s wall, 1 GB peak RSS: limits of a promise, not timing
 * benchmarks), and the input files are left byte for byte as they were.
 *
 * Each case collects its problems as sentences and asserts that there are none, so that a failing case says
 * everything that is wrong with it at once (exit, message, time, memory); each file prints a table of its cases.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import { type BigInputName, BIG_INPUTS, GENERATOR_VERSION } from '../../scripts/generate-hostile-inputs.ts';
import { describeRun, type MeasuredRun, runMeasuredCli, sha256File } from '../support/measured-cli.ts';
import { REPO_ROOT } from '../support/run-cli.ts';

/** The product's promise for any input: these are asserted, with a wide margin below the watchdog's kill. */
export const BUDGET = { wallSeconds: 60, peakRssMb: 1024 } as const;
/** Where the watchdog ends a run (twice the budgets): far enough to show by how much a case misses them. */
export const KILL_AT = { seconds: 120, mb: 3072 } as const;
/** One readable line: a message longer than this is a dump (of a header, of a field), not a message. */
export const MAX_MESSAGE_CHARS = 1000;

// ---------------------------------------------------------------------------------------------------------
// Inputs: a temp folder per case, a cache for the big ones

let caseDirCount = 0;
const caseDirs: string[] = [];

/**
 * A fresh folder for one case under the system temp dir. Named with digits only (pid and a counter), so that no
 * path the CLI echoes into its outputs can hold the letters "NaN" by chance.
 */
export async function makeCaseDir(): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const dir = join(tmpdir(), `segment-report-hostile-${process.pid}-${++caseDirCount}`);
    try {
      await mkdir(dir);
      caseDirs.push(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error('no free case folder name after 100 attempts');
}

/** Removes every case folder this process made (kept, to look at the outputs, when HOSTILE_KEEP_OUTPUTS=1). */
export async function removeCaseDirs(): Promise<void> {
  if (process.env.HOSTILE_KEEP_OUTPUTS === '1') {
    if (caseDirs.length > 0) console.log(`HOSTILE_KEEP_OUTPUTS=1: kept ${caseDirs.splice(0).join(', ')}`);
    return;
  }
  await Promise.all(caseDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/**
 * The git-ignored cache of the big inputs: node_modules/.cache/segment-report-hostile/v<generator version>
 * (HOSTILE_INPUTS_CACHE overrides). A folder per generator version (and zlib version, which the bombs' bytes
 * depend on), so a changed generator never reuses a stale file; older versions' folders are removed.
 */
export function hostileCacheDir(): string {
  const root =
    process.env.HOSTILE_INPUTS_CACHE ?? join(REPO_ROOT, 'node_modules', '.cache', 'segment-report-hostile');
  return join(root, `v${GENERATOR_VERSION}-zlib-${process.versions.zlib}`);
}

/** The path of a big input in the cache, generating it first when it is not there (written whole, then renamed). */
export async function cachedBigInput(name: BigInputName): Promise<string> {
  const dir = hostileCacheDir();
  const path = join(dir, name);
  if ((await stat(path).catch(() => undefined))?.isFile()) return path;
  await mkdir(dir, { recursive: true });
  await removeOtherVersions(dir);
  await BIG_INPUTS[name](path);
  return path;
}

async function removeOtherVersions(current: string): Promise<void> {
  const root = join(current, '..');
  const versions = await readdir(root).catch(() => [] as string[]);
  await Promise.all(
    versions
      .filter((name) => /^v\d+-zlib-/.test(name) && join(root, name) !== current)
      .map((name) => rm(join(root, name), { recursive: true, force: true })),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Running a case

/** The output files a case asks for (absolute, or relative to the run's cwd). */
export interface Outputs {
  json?: string;
  customers?: string;
  html?: string;
  text?: string;
}

/** `--json DIR/out.json --customers DIR/customers.csv --html DIR/report.html --text DIR/report.txt`. */
export function allOutputs(dir: string): Required<Outputs> {
  return {
    json: join(dir, 'out.json'),
    customers: join(dir, 'customers.csv'),
    html: join(dir, 'report.html'),
    text: join(dir, 'report.txt'),
  };
}

/** The flags that ask for `outputs`. */
export function outputFlags(outputs: Outputs): string[] {
  return Object.entries(outputs).flatMap(([kind, path]) => (path === undefined ? [] : [`--${kind}`, path]));
}

export interface CaseRun {
  run: MeasuredRun;
  /** Budget and input problems, found whatever the exit. */
  problems: string[];
}

/**
 * Runs `analyze ...args` measured, with the sha256 of every file in `inputs` taken before and after: a budget
 * overrun, a kill or a changed input is a problem.
 */
export async function runCase(
  args: readonly string[],
  { inputs, cwd }: { inputs: readonly string[]; cwd?: string },
): Promise<CaseRun> {
  const resolved = inputs.map((path) => (isAbsolute(path) || cwd === undefined ? path : join(cwd, path)));
  const before = await Promise.all(resolved.map(sha256File));
  const run = await runMeasuredCli(['analyze', ...args], {
    ...(cwd === undefined ? {} : { cwd }),
    killAfterSeconds: KILL_AT.seconds,
    killAboveMb: KILL_AT.mb,
  });
  const after = await Promise.all(resolved.map((path) => sha256File(path).catch(() => 'gone')));
  const problems: string[] = [];
  if (run.killedFor !== undefined) problems.push(`killed by the watchdog for ${run.killedFor}`);
  if (run.wallSeconds > BUDGET.wallSeconds) {
    problems.push(`took ${run.wallSeconds.toFixed(1)} s, over the ${BUDGET.wallSeconds} s budget`);
  }
  const peak = run.peakRssMb ?? run.sampledPeakRssMb;
  if (run.peakRssMb === undefined) problems.push('GNU time wrote no peak RSS report');
  if (peak > BUDGET.peakRssMb) {
    problems.push(`peak RSS ${Math.round(peak)} MB, over the ${BUDGET.peakRssMb} MB budget`);
  }
  resolved.forEach((path, index) => {
    if (after[index] !== before[index]) problems.push(`input ${basename(path)} changed (sha256 differs)`);
  });
  return { run, problems };
}

// ---------------------------------------------------------------------------------------------------------
// The two acceptable outcomes

/** The part of a `--json` analysis the checks read (the contract is lambda/engine/analysis-types.ts). */
export interface AnalysisJson {
  generatedAt: string;
  input: {
    source: string;
    encoding: string;
    delimiter: string;
    rowsRead: number;
    rowsUsed: number;
    rowsRejected: Record<string, number>;
  } & Record<string, unknown>;
  period: { firstPurchase: string | null; lastPurchase: string | null };
  kpis: Record<string, unknown>;
  rfm: { segments: Record<string, unknown>[] } | null;
  clusters: { clusters: { kpis: Record<string, unknown> }[] } & Record<string, unknown>;
  notes: unknown[];
}

/** The numeric KPIs of every group (lambda/engine/kpis/group-kpis.ts): each must be a finite number. */
const GROUP_KPIS = [
  'customers',
  'share',
  'revenue',
  'revenueShare',
  'orders',
  'averageOrderValue',
  'ordersPerCustomer',
  'meanRecencyDays',
  'repeatRate',
  'activeCustomers',
  'historicalClv',
] as const;
/** KPIs that are shares, 0..1, wherever they appear. */
const SHARE_KPIS = new Set([
  'share',
  'revenueShare',
  'repeatRate',
  'responseRate',
  'atRiskCustomerShare',
  'atRiskRevenueShare',
  'lostCustomerShare',
  'lostRevenueShare',
  'topFifthRevenueShare',
  'retentionRate',
]);
const NON_FINITE_TEXT = /NaN|Infinity|∞/;

export interface SuccessCheck {
  outputs: Outputs;
  /** Paths echoed in the outputs, removed before looking for "NaN" (the case folders hold digits only anyway). */
  echoedPaths?: readonly string[];
  /** What else this case's results must say. */
  check?: (analysis: AnalysisJson) => string[];
}

/**
 * Exit 0 with finite, sensible results: every number in the JSON finite, every KPI of every group a finite number
 * (shares in 0..1, more than 0 customers), the customers file one row per customer, and no "NaN", "Infinity" or
 * "∞" in stdout, the JSON, the HTML or the text.
 */
export async function successProblems(
  run: MeasuredRun,
  { outputs, echoedPaths = [], check }: SuccessCheck,
): Promise<{ problems: string[]; analysis: AnalysisJson | undefined }> {
  const problems: string[] = [];
  const at = (path: string) => (isAbsolute(path) ? path : join(run.cwd, path));
  const read = async (kind: keyof Outputs): Promise<string | undefined> => {
    const path = outputs[kind];
    if (path === undefined) return undefined;
    return readFile(at(path), 'utf8').catch(() => {
      problems.push(`exit 0 but no --${kind} file`);
      return undefined;
    });
  };
  const scrub = (text: string) =>
    echoedPaths.reduce((result, path) => result.split(path).join('<path>'), text);
  const scanned: [string, string | undefined][] = [
    ['stdout', run.stdout.text],
    ['the JSON', await read('json')],
    ['the HTML', await read('html')],
    ['the text', await read('text')],
  ];
  for (const [where, text] of scanned) {
    const found = text === undefined ? null : NON_FINITE_TEXT.exec(scrub(text));
    if (found) problems.push(`"${found[0]}" in ${where}: ${excerpt(scrub(text ?? ''), found.index)}`);
  }
  const jsonText = scanned[1]?.[1];
  let analysis: AnalysisJson | undefined;
  if (jsonText !== undefined) {
    try {
      analysis = JSON.parse(jsonText) as AnalysisJson;
    } catch (error) {
      problems.push(`the JSON does not parse: ${(error as Error).message}`);
    }
  }
  if (analysis !== undefined) {
    problems.push(...nonFiniteNumbers(analysis), ...kpiProblems(analysis));
    if (outputs.customers !== undefined) {
      const rows = await dataRows(at(outputs.customers)).catch(() => undefined);
      const customers = analysis.kpis.customers;
      if (rows !== undefined && rows !== customers) {
        problems.push(`the customers file has ${rows} rows, the JSON says ${String(customers)} customers`);
      }
    }
    if (check) problems.push(...check(analysis));
  }
  return { problems, analysis };
}

export interface RefusalCheck {
  /** The line must contain at least one of these (the file's path or basename, an option). */
  anyOf: readonly string[];
  /** ...and every one of these. */
  allOf?: readonly string[];
}

/** Exit 2 with exactly one readable stderr line (no stack trace) naming the file or the option. */
export function refusalProblems(run: MeasuredRun, { anyOf, allOf = [] }: RefusalCheck): string[] {
  const problems: string[] = [];
  const lines = run.stderr.text.split('\n').filter((line) => line.trim() !== '');
  const truncated = run.stderr.totalChars > run.stderr.text.length;
  if (lines.length !== 1 || truncated || run.stderr.lineFeeds > 1) {
    problems.push(
      `stderr has ${run.stderr.lineFeeds} line feeds (${run.stderr.totalChars} chars), not one line`,
    );
  }
  const line = lines[0] ?? '';
  if (/^\s+at .+[:(]/m.test(run.stderr.text) || /\n\s+at /.test(run.stderr.text)) {
    problems.push('stderr holds a stack trace');
  }
  if (/internal error/i.test(line)) problems.push('the message is an internal error');
  if (line.length > MAX_MESSAGE_CHARS) {
    problems.push(
      `the message is ${line.length} chars long (more than ${MAX_MESSAGE_CHARS}: not a readable line)`,
    );
  }
  if (!anyOf.some((name) => line.includes(name)))
    problems.push(`the message names none of ${anyOf.join(', ')}`);
  for (const name of allOf) if (!line.includes(name)) problems.push(`the message does not name ${name}`);
  return problems;
}

/** What a case accepts: exit 0 (with its checks), exit 2 (with its naming), or either. */
export interface Acceptance {
  success?: SuccessCheck;
  refusal?: RefusalCheck;
}

/** Every problem of a run against what its case accepts (budget and input problems included). */
export async function outcomeProblems(
  { run, problems }: CaseRun,
  { success, refusal }: Acceptance,
): Promise<string[]> {
  const all = [...problems];
  const accepted = [success ? 'exit 0' : '', refusal ? 'exit 2' : ''].filter(Boolean).join(' or ');
  if (run.code === 0 && success) all.push(...(await successProblems(run, success)).problems);
  else if (run.code === 2 && refusal) all.push(...refusalProblems(run, refusal));
  else
    all.push(
      `expected ${accepted}, got ${run.code === null ? `no exit (${run.signal ?? 'killed'})` : `exit ${run.code}`}`,
    );
  return all;
}

// ---------------------------------------------------------------------------------------------------------
// Reading outputs

/** Every number in a JSON value is finite (JSON.parse reads 1e999 as Infinity). */
function nonFiniteNumbers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} is ${value} in the JSON`];
  if (Array.isArray(value))
    return value.flatMap((item, index) => nonFiniteNumbers(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => nonFiniteNumbers(item, `${path}.${key}`));
  }
  return [];
}

/** The KPIs of the base, of every RFM segment and of every cluster: finite numbers, shares in 0..1. */
function kpiProblems(analysis: AnalysisJson): string[] {
  const groups: [string, Record<string, unknown> | undefined][] = [
    ['kpis', analysis.kpis],
    ...(analysis.rfm?.segments ?? []).map((segment, index): [string, Record<string, unknown>] => [
      `rfm.segments[${index}]`,
      segment,
    ]),
    ...(analysis.clusters?.clusters ?? []).map(
      (cluster, index): [string, Record<string, unknown> | undefined] => [
        `clusters.clusters[${index}].kpis`,
        cluster.kpis,
      ],
    ),
  ];
  const problems: string[] = [];
  for (const [where, kpis] of groups) {
    if (kpis === undefined || kpis === null) {
      problems.push(`${where} is missing`);
      continue;
    }
    for (const key of GROUP_KPIS) {
      const value = kpis[key];
      if (typeof value !== 'number' || !Number.isFinite(value))
        problems.push(`${where}.${key} is ${String(value)}`);
    }
    for (const [key, value] of Object.entries(kpis)) {
      if (SHARE_KPIS.has(key) && value !== undefined) {
        if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
          problems.push(`${where}.${key} is ${String(value)}, not a share in 0..1`);
        }
      }
    }
    const revenue = kpis.revenue;
    if (typeof revenue === 'number' && revenue < 0)
      problems.push(`${where}.revenue is negative (${revenue})`);
  }
  const customers = analysis.kpis?.customers;
  if (!(typeof customers === 'number' && customers > 0))
    problems.push(`kpis.customers is ${String(customers)}`);
  return problems;
}

/** Line feeds of a file minus its header's: the data rows of a CSV without quoted line breaks. */
async function dataRows(path: string): Promise<number> {
  let lineFeeds = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    for (let at = bytes.indexOf(10); at >= 0; at = bytes.indexOf(10, at + 1)) lineFeeds++;
  }
  return lineFeeds - 1;
}

function excerpt(text: string, index: number): string {
  return JSON.stringify(text.slice(Math.max(0, index - 60), index + 40));
}

// ---------------------------------------------------------------------------------------------------------
// The table each file prints

interface CaseResult {
  name: string;
  run: MeasuredRun | undefined;
  problems: string[];
}

const results: CaseResult[] = [];

/** Notes a case's outcome for the table printed after the file. */
export function recordResult(name: string, run: MeasuredRun | undefined, problems: readonly string[]): void {
  results.push({ name, run, problems: [...problems] });
}

/** The table of this file's cases: verdict, exit, wall time, peak RSS, and the first problem or message. */
export function resultsTable(title: string): string {
  const rows = results.map(({ name, run, problems }) => {
    const verdict = problems.length === 0 ? 'PASS' : 'FAIL';
    const exit =
      run === undefined ? '-' : run.killedFor ? `killed (${run.killedFor})` : String(run.code ?? run.signal);
    const wall = run === undefined ? '-' : `${run.wallSeconds.toFixed(1)} s`;
    const peak = run === undefined ? '-' : `${Math.round(run.peakRssMb ?? run.sampledPeakRssMb)} MB`;
    const message = run && run.code !== 0 ? firstStderrLine(run) : '';
    const detail = [problems.join('; ').slice(0, 400), message && `stderr: ${message}`]
      .filter(Boolean)
      .join(' / ');
    return `| ${name} | ${verdict} | ${exit} | ${wall} | ${peak} | ${detail.replace(/\|/g, '\\|')} |`;
  });
  return [
    `${title}`,
    '| case | verdict | exit | wall | peak RSS | problems / stderr |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function firstStderrLine(run: MeasuredRun): string {
  const line = run.stderr.text.split('\n').find((text) => text.trim() !== '') ?? '';
  return line.length > 200 ? `${line.slice(0, 200)}...` : line;
}

/** A failure message: the run in one line, then each problem. */
export function failureMessage(run: MeasuredRun, problems: readonly string[]): string {
  return [`analyze ${run.args.slice(1).join(' ').slice(0, 300)}`, describeRun(run), ...problems].join('\n  ');
}
