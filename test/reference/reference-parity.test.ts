// End-to-end parity with the pandas reference on the real Online Retail export: the same customers with the
// same recency, frequency and monetary values, and the KPIs stated in test/data/SOURCES.md.
// R/F/M scores are not compared: the reference breaks ties by row order, which is arbitrary.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type CustomerTable,
  type CustomerValues,
  readOurCustomers,
  readReferenceCustomers,
} from './customer-tables.ts';
import { assertReferenceRuntime } from '../../tools/reference-python.ts';
import { decompressOnlineRetail, runOurCli, runReference } from './run-programs.ts';

// Facts from test/data/SOURCES.md (usual cleaning, duplicates kept).
const SOURCE_FACTS = {
  rowsRead: 541_909,
  customers: 4_338,
  orders: 18_532,
  revenue: 8_911_407.9,
  averageOrderValue: 480.87,
};
// Ours may round money to the cent; float summation order may differ by far less than 1e-6 relative.
const HALF_CENT = 0.005 + 1e-9;
const MONETARY_RELATIVE_TOLERANCE = 1e-6;
const PROGRAMS_TIMEOUT_MS = 300_000;

/** The part of `analyze --json` this test relies on (the CLI contract); extra fields are allowed. */
const analysisSchema = z.object({
  input: z.object({
    rowsRead: z.number().int(),
    rowsUsed: z.number().int(),
    rowsRejected: z.record(z.string(), z.number().int()),
  }),
  kpis: z.object({
    customers: z.number().int(),
    orders: z.number().int(),
    revenue: z.number(),
    averageOrderValue: z.number(),
  }),
  rfm: z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), segments: z.array(z.unknown()) }),
  clusters: z.object({ k: z.number().int(), clusters: z.array(z.unknown()) }),
});
type Analysis = z.infer<typeof analysisSchema>;

const referenceSummarySchema = z.object({
  customers: z.number().int(),
  orders: z.number().int(),
  revenue: z.number(),
  avg_order_value: z.number(),
  asof: z.string(),
});
type ReferenceSummary = z.infer<typeof referenceSummarySchema>;

function roundToCents(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** Describes how one customer's values differ from the reference's, or returns undefined when they agree. */
function describeDifference(ours: CustomerValues, reference: CustomerValues): string | undefined {
  const problems: string[] = [];
  if (ours.recencyDays !== reference.recencyDays) {
    problems.push(`recency ${ours.recencyDays} vs ${reference.recencyDays}`);
  }
  if (ours.frequency !== reference.frequency) {
    problems.push(`frequency ${ours.frequency} vs ${reference.frequency}`);
  }
  const allowed = Math.max(HALF_CENT, MONETARY_RELATIVE_TOLERANCE * Math.abs(reference.monetary));
  if (!(Math.abs(ours.monetary - reference.monetary) <= allowed)) {
    problems.push(`monetary ${ours.monetary} vs ${reference.monetary}`);
  }
  return problems.length === 0 ? undefined : problems.join(', ');
}

describe('analyze on Online Retail, against the pandas reference', () => {
  let workDirectory = '';
  let analysis: Analysis;
  let referenceSummary: ReferenceSummary;
  let ourCustomers: CustomerTable;
  let referenceCustomers: CustomerTable;

  beforeAll(async () => {
    assertReferenceRuntime();
    workDirectory = await mkdtemp(join(tmpdir(), 'reference-parity-'));
    const csvPath = await decompressOnlineRetail(workDirectory);
    const ourJson = join(workDirectory, 'ours.json');
    const ourCsv = join(workDirectory, 'ours-customers.csv');
    const referenceCsv = join(workDirectory, 'reference-customers.csv');

    // Both at once (2 cores); settle both before failing so neither still writes into a removed directory.
    const [ourRun, referenceRun] = await Promise.allSettled([
      runOurCli(csvPath, ourJson, ourCsv),
      runReference(csvPath, referenceCsv),
    ]);
    if (ourRun.status === 'rejected') throw ourRun.reason;
    if (referenceRun.status === 'rejected') throw referenceRun.reason;
    analysis = analysisSchema.parse(JSON.parse(await readFile(ourJson, 'utf8')));
    referenceSummary = referenceSummarySchema.parse(referenceRun.value);
    [ourCustomers, referenceCustomers] = await Promise.all([
      readOurCustomers(ourCsv),
      readReferenceCustomers(referenceCsv),
    ]);
  }, PROGRAMS_TIMEOUT_MS);

  afterAll(async () => {
    if (workDirectory !== '') await rm(workDirectory, { recursive: true, force: true });
  });

  it('the reference itself reproduces the facts of SOURCES.md', () => {
    expect(referenceSummary).toMatchObject({
      customers: SOURCE_FACTS.customers,
      orders: SOURCE_FACTS.orders,
      revenue: SOURCE_FACTS.revenue,
      avg_order_value: SOURCE_FACTS.averageOrderValue,
    });
  });

  it('reads every line and accounts for each one as used or rejected', () => {
    const rejected = Object.values(analysis.input.rowsRejected).reduce((sum, count) => sum + count, 0);
    expect(analysis.input.rowsRead).toBe(SOURCE_FACTS.rowsRead);
    expect(analysis.input.rowsUsed + rejected).toBe(analysis.input.rowsRead);
  });

  it('reports the KPIs of SOURCES.md', () => {
    expect(analysis.kpis.customers).toBe(SOURCE_FACTS.customers);
    expect(analysis.kpis.orders).toBe(SOURCE_FACTS.orders);
    // SOURCES.md states money to the cent; the exact sum has sub-cent digits (some unit prices have three).
    expect(roundToCents(analysis.kpis.revenue)).toBe(SOURCE_FACTS.revenue);
    expect(roundToCents(analysis.kpis.averageOrderValue)).toBe(SOURCE_FACTS.averageOrderValue);
  });

  it('takes the same as-of date as the reference (the day after the last invoice)', () => {
    expect(analysis.rfm.asOf).toBe(referenceSummary.asof);
  });

  it('scores the same set of customers as the reference', () => {
    const ourIds = [...ourCustomers.keys()];
    const referenceIds = [...referenceCustomers.keys()];
    expect(ourIds.filter((id) => !referenceCustomers.has(id))).toEqual([]);
    expect(referenceIds.filter((id) => !ourCustomers.has(id))).toEqual([]);
    expect(ourCustomers.size).toBe(SOURCE_FACTS.customers);
  });

  it('gives every customer the reference recency, frequency and monetary values', () => {
    const differences: string[] = [];
    for (const [customerId, reference] of referenceCustomers) {
      const ours = ourCustomers.get(customerId);
      const difference = ours === undefined ? 'missing' : describeDifference(ours, reference);
      if (difference !== undefined) differences.push(`customer ${customerId}: ${difference}`);
    }
    expect(differences.slice(0, 20), `${differences.length} customers differ`).toEqual([]);
  });
});
