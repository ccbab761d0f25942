// End to end, one real process per run (started together): `analyze` on hand-made files whose figures are worked
// out by hand, the outputs it writes, determinism by seed, a French ERP export, `start` on the bundled sample,
// usage, and a large file with stderr not a terminal (no progress lines).
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import { TEN_CUSTOMERS_CSV, TEN_CUSTOMERS_RFM } from '../fixtures/ten-customers.ts';
import {
  FORMULA_IDS_CSV,
  frenchErpBytes,
  namesIn,
  threeGroupsCsv,
  writeFixture,
} from '../support/cli-fixtures.ts';
import { type CliRun, REPO_ROOT, makeTempDir, runCli } from '../support/run-cli.ts';
import { ONLINE_RETAIL } from '../../tools/real-data.ts';

const SAMPLE = join(REPO_ROOT, 'samples', 'online-retail-sample.csv.gz');
const TRANSACTION_HEADER =
  'customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment,cluster,cluster_margin,' +
  'ambiguous,p_alive,expected_purchases,expected_order_value,clv,p_high_value,priority';

let dir = '';
let startDir = '';
const inputs = new Map<string, string>();
const inputHashes = new Map<string, string>();
let ten: CliRun;
let formula: CliRun;
let seedA: CliRun;
let seedB: CliRun;
let french: CliRun;
let start: CliRun;
let help: CliRun;
let noArguments: CliRun;
let onlineRetail: CliRun;

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function readJson(name: string): Promise<Analysis> {
  return JSON.parse(await readFile(join(dir, name), 'utf8')) as Analysis;
}

async function readLines(name: string): Promise<string[]> {
  return (await readFile(join(dir, name), 'utf8')).split('\n');
}

function path(name: string): string {
  return join(dir, name);
}

beforeAll(async () => {
  dir = await makeTempDir();
  startDir = await makeTempDir();
  inputs.set('ten.csv', await writeFixture(dir, 'ten.csv', TEN_CUSTOMERS_CSV));
  inputs.set('formula.csv', await writeFixture(dir, 'formula.csv', FORMULA_IDS_CSV));
  inputs.set('three-groups.csv', await writeFixture(dir, 'three-groups.csv', threeGroupsCsv()));
  inputs.set('french.csv', await writeFixture(dir, 'french.csv', frenchErpBytes()));
  inputs.set('sample', SAMPLE);
  for (const [name, file] of inputs) inputHashes.set(name, sha256(await readFile(file)));
  const seedRun = (json: string) =>
    runCli(['analyze', path('three-groups.csv'), '--seed', '7', '--k', '3', '--json', path(json), '--quiet']);
  [ten, formula, seedA, seedB, french, start, help, noArguments, onlineRetail] = await Promise.all([
    // --as-of puts the "future" line 31 of the fixture after the as-of day whatever today is.
    runCli([
      'analyze',
      path('ten.csv'),
      '--as-of',
      '2024-06-01',
      '--json',
      path('ten.json'),
      '--customers',
      path('ten-customers.csv'),
    ]),
    runCli([
      'analyze',
      path('formula.csv'),
      '--json',
      path('formula.json'),
      '--customers',
      path('formula-out.csv'),
    ]),
    seedRun('seed-a.json'),
    seedRun('seed-b.json'),
    runCli([
      'analyze',
      path('french.csv'),
      '--json',
      path('french.json'),
      '--customers',
      path('french-out.csv'),
    ]),
    runCli(['start'], startDir),
    runCli(['help']),
    runCli([]),
    runCli(['analyze', ONLINE_RETAIL]),
  ]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(startDir, { recursive: true, force: true });
});

describe('analyze on the ten-customer fixture', () => {
  it('exits 0 with nothing on stderr', () => {
    expect(ten.code, ten.stderr).toBe(0);
    expect(ten.stderr).toBe('');
  });

  it('writes the --json contract: rows read, used and rejected by reason, KPIs, RFM and clusters', async () => {
    const analysis = await readJson('ten.json');
    expect(analysis.schemaVersion).toBe(1);
    expect(analysis.input).toMatchObject({
      source: path('ten.csv'),
      shape: 'transactions',
      rowsRead: 33,
      rowsUsed: 25,
    });
    expect(analysis.input.rowsRejected).toEqual({
      wrongFieldCount: 1,
      missingCustomer: 1,
      cancelled: 1,
      unreadableDate: 1,
      otherCurrency: 0,
      unreadableNumber: 1,
      nonPositiveQuantity: 1,
      nonPositivePrice: 1,
      nonPositiveAmount: 0,
      implausibleAmount: 0,
      futureDate: 0,
      afterAsOf: 1,
    });
    expect(analysis.input.firstRejectedLine.afterAsOf).toBe(31);
    expect(analysis.kpis).toMatchObject({ customers: 10, orders: 23, revenue: 3710 });
    expect(analysis.kpis.averageOrderValue).toBeCloseTo(3710 / 23, 9);
    expect(analysis.rfm?.asOf).toBe('2024-06-01');
    const segments = analysis.rfm?.segments ?? [];
    expect(segments).toHaveLength(11);
    expect(segments.reduce((sum, segment) => sum + segment.customers, 0)).toBe(10);
    const { clusters } = analysis;
    expect(clusters.skipped).toBeNull();
    expect(clusters.k).toBeGreaterThanOrEqual(2);
    expect(clusters.clusters).toHaveLength(clusters.k);
    for (const cluster of clusters.clusters) {
      expect(cluster.name.en.length).toBeGreaterThan(0);
      expect(cluster.name.fr.length).toBeGreaterThan(0);
      expect(Object.keys(cluster.profile).sort()).toEqual(['frequency', 'monetary', 'recency_days']);
      expect(cluster.share).toBeCloseTo(cluster.size / 10, 12);
    }
    expect(clusters.clusters.reduce((sum, cluster) => sum + cluster.size, 0)).toBe(10);
  });

  it('writes --customers with the fixed header and one row per customer, clusters as in the JSON', async () => {
    const [header, ...rows] = await readLines('ten-customers.csv');
    expect(header).toBe(TRANSACTION_HEADER);
    expect(rows.pop()).toBe(''); // the file ends with a newline
    expect(rows).toHaveLength(10);
    const segments: Record<string, string> = {
      C01: 'Champions',
      C02: 'Champions',
      C03: 'Loyal',
      C04: 'Potential loyalists',
      C05: 'Loyal',
      C06: 'About to sleep',
      C07: 'At risk',
      C08: 'Hibernating',
      C09: 'Hibernating',
      C10: "Can't lose them",
    };
    const sizes = new Map<string, number>();
    for (const [id, [recency, frequency, monetary]] of Object.entries(TEN_CUSTOMERS_RFM)) {
      const row = rows.find((line) => line.startsWith(`${id},`));
      const fields = row?.split(',') ?? [];
      expect(fields.slice(0, 4), id).toEqual([id, String(recency), String(frequency), String(monetary)]);
      expect(fields[7], id).toBe(segments[id]);
      const cluster = fields[8] ?? '';
      sizes.set(cluster, (sizes.get(cluster) ?? 0) + 1);
    }
    const analysis = await readJson('ten.json');
    expect(Object.fromEntries(sizes)).toEqual(
      Object.fromEntries(analysis.clusters.clusters.map((cluster) => [cluster.name.en, cluster.size])),
    );
  });

  it('prints a readable summary with the key figures', () => {
    expect(ten.stdout).toContain(`${path('ten.csv')}: transaction log (ascii, delimiter ",", decimal ".")`);
    expect(ten.stdout).toContain('rows read 33, used 25, rejected: wrong number of fields 1,');
    expect(ten.stdout).toContain('Customers 10 (active 5), orders 23, revenue 3,710\n');
    expect(ten.stdout).toContain('average order value 161.30');
    expect(ten.stdout).toContain('RFM segments (as of 2024-06-01):');
    expect(ten.stdout).toMatch(/^ {2}Champions +2 +20\.0%/m);
    expect(ten.stdout).toMatch(
      /^Clusters: K = 2 \(smallest K tried: no K gave every cluster enough customers\)$/m,
    );
  });
});

describe('analyze with customer ids a spreadsheet would run as formulas', () => {
  it('neutralises them with a leading apostrophe and quotes commas and quotes in --customers', async () => {
    expect(formula.code, formula.stderr).toBe(0);
    const [header, ...rows] = await readLines('formula-out.csv');
    expect(header).toBe(TRANSACTION_HEADER);
    // customer id as written, then recency (as-of 2024-01-08), one order, the amount; no cluster (too few).
    const expected = [
      `"'=HYPERLINK(""http://evil.example"",""click"")",7,1,10,`,
      `'+1,6,1,20,`,
      `'-2,5,1,30,`,
      `'@SUM(A1:A9),4,1,40,`,
      `"Smith, John",3,1,50,`,
      `"Say ""hi""",2,1,60,`,
      `Plain,1,1,70,`,
    ];
    for (const prefix of expected) {
      const row = rows.find((line) => line.startsWith(prefix));
      expect(row, prefix).toBeDefined();
      expect(row?.endsWith(','), prefix).toBe(true);
    }
    expect(rows.filter((line) => line !== '')).toHaveLength(7);
  });
});

describe('analyze with too few customers to cluster', () => {
  it('exits 0 and the summary says clustering was skipped and why', () => {
    expect(formula.code, formula.stderr).toBe(0);
    expect(formula.stdout).toMatch(/^Clusters: skipped, too few customers to cluster \(7\)/m);
    expect(formula.stdout).toContain('Customers 7 (active 7), orders 7, revenue 280\n');
  });

  it('says so in the JSON, with RFM and KPIs still given', async () => {
    const analysis = await readJson('formula.json');
    expect(analysis.clusters.skipped).toMatch(/too few customers to cluster \(7\)/);
    expect(analysis.clusters.clusters).toEqual([]);
    expect(analysis.notes).toContain(analysis.clusters.skipped);
    expect(analysis.kpis.customers).toBe(7);
    expect(analysis.rfm?.segments.reduce((sum, segment) => sum + segment.customers, 0)).toBe(7);
  });
});

describe('analyze --seed --k', () => {
  it('gives byte-identical --json for the same seed, apart from the generation time', async () => {
    expect([seedA.code, seedB.code]).toEqual([0, 0]);
    expect(seedA.stdout).toBe(''); // --quiet
    const withoutTime = (text: string) => text.replace(/^ {2}"generatedAt": "[^"]+",\n/m, '');
    const first = await readFile(path('seed-a.json'), 'utf8');
    const second = await readFile(path('seed-b.json'), 'utf8');
    expect(withoutTime(first)).not.toBe(first);
    expect(withoutTime(first)).toBe(withoutTime(second));
  });

  it('fits the K asked for', async () => {
    const { clusters } = await readJson('seed-a.json');
    expect(clusters.k).toBe(3);
    expect(clusters.clusters).toHaveLength(3);
    expect(clusters.selection?.method).toBe('fixed');
    expect(clusters.clusters.map((cluster) => cluster.size)).toEqual([15, 15, 15]);
  });
});

describe('analyze on a French ERP export (Windows-1252, `;`, decimal comma, CRLF, dd/mm/yyyy)', () => {
  it('exits 0 and reads every line, with the right revenue', async () => {
    expect(french.code, french.stderr).toBe(0);
    const analysis = await readJson('french.json');
    expect(analysis.input).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      decimalMark: ',',
      dateOrder: 'dmy',
      columns: { customer: 'Client', order: 'N° facture', date: 'Date', amount: 'Montant' },
      rowsRead: 4,
      rowsUsed: 4,
    });
    expect(analysis.kpis).toMatchObject({ customers: 3, orders: 4 });
    expect(analysis.kpis.revenue).toBeCloseTo(1844.4, 9);
    expect(analysis.period).toEqual({ firstPurchase: '2024-01-15', lastPurchase: '2024-03-05' });
    // The summary shows totals in whole units (lambda/report/locale/formatters.ts): 1,844.40.
    expect(french.stdout).toContain('revenue 1,844\n');
  });

  it('writes the accented customer ids as UTF-8 in --customers', async () => {
    const rows = await readLines('french-out.csv');
    expect(rows.find((line) => line.startsWith('Société Générale,'))).toMatch(
      /^Société Générale,15,2,1244\.5,/,
    );
    expect(rows.some((line) => line.startsWith('Hôtel Dupont,1,1,500,'))).toBe(true);
  });
});

describe('start', () => {
  it('analyses the bundled sample, prints its summary and writes the email preview to ./out', async () => {
    expect(start.code, start.stderr).toBe(0);
    expect(start.stderr).toBe('');
    expect(start.stdout).toContain('online-retail-sample.csv.gz: transaction log');
    // 442 customers and 833,273.87 counted independently (Python csv module) on the sample; the summary shows
    // totals in whole units.
    expect(start.stdout).toContain('Customers 442 ');
    expect(start.stdout).toContain('revenue 833,274\n');
    expect(start.stdout).toMatch(/^Clusters: K = \d/m);
    expect(start.stdout).toContain('Email preview written to out/report.html and out/report.txt');
    expect(await namesIn(join(startDir, 'out'))).toEqual(['report.html', 'report.txt']);
    expect(await readFile(join(startDir, 'out', 'report.html'), 'utf8')).toMatch(/^<!doctype html>/i);
  });
});

describe('usage', () => {
  it('help prints the usage on stdout and exits 0', () => {
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: segment-report <command>/);
    expect(help.stdout).toContain('--k N');
    expect(help.stderr).toBe('');
  });

  it('no command exits 2 with one line on stderr that ends with the usage', () => {
    expect(noArguments.code).toBe(2);
    expect(noArguments.stderr).toBe(
      'segment-report: expected a command; usage: segment-report analyze FILE [options] (see --help)\n',
    );
    expect(noArguments.stdout).toBe('');
  });
});

describe('progress', () => {
  it('writes no progress on a large file when stderr is not a terminal', () => {
    expect(onlineRetail.code, onlineRetail.stderr).toBe(0);
    expect(onlineRetail.stderr).toBe('');
    expect(onlineRetail.stdout).toContain('Customers 4,338 ');
    expect(onlineRetail.stdout).toContain('revenue 8,911,408\n');
  });
});

describe('the input files', () => {
  it('are byte for byte what they were after every run', async () => {
    expect(inputHashes.size).toBe(5);
    for (const [name, file] of inputs) {
      expect(sha256(await readFile(file)), name).toBe(inputHashes.get(name));
    }
  });
});
