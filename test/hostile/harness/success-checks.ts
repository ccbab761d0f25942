// The first acceptable outcome of a hostile case: exit 0 with finite, sensible results in every output (no
// NaN or Infinity anywhere, every KPI of every group a finite number, shares in 0..1, one customers row each).
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import type { MeasuredRun } from '../../support/measured-cli.ts';
import type { Outputs } from './run-case.ts';

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
  // The preview carries its charts as data: URLs, whose base64 can spell "NaN" by chance: they are images, not text.
  const scrub = (text: string) =>
    echoedPaths
      .reduce((result, path) => result.split(path).join('<path>'), text)
      .replace(/data:image\/png;base64,[A-Za-z0-9+/=]+/g, 'data:image/png;base64,<png>');
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
