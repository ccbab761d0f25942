// The three real data sets vendored in test/data against the facts in its SOURCES.md, each analysed once.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../lambda/engine/analysis/analysis-types.ts';
import { analyzeFile } from '../support/analyze-file.ts';
import {
  CDNOW,
  CUSTOMER_PERSONALITY,
  ONLINE_RETAIL,
  readRealDataText,
  ONLINE_RETAIL_ROLES,
} from '../../tools/real-data.ts';

const roundToCents = (amount: number) => Math.round(amount * 100) / 100;

/** Every rejection count added up. */
function rejectedTotal(result: AnalysisResult): number {
  return Object.values(result.analysis.input.rowsRejected).reduce((sum, count) => sum + (count ?? 0), 0);
}

/** Segment sizes and cluster sizes each add up to the customers. */
function expectEveryCustomerPlacedOnce(result: AnalysisResult): void {
  const { kpis, rfm, clusters } = result.analysis;
  expect(rfm?.segments.reduce((sum, segment) => sum + segment.customers, 0)).toBe(kpis.customers);
  expect(clusters.clusters.reduce((sum, cluster) => sum + cluster.size, 0)).toBe(kpis.customers);
  expect(result.customers).toHaveLength(kpis.customers);
  expect(new Set(result.customers.map((customer) => customer.id)).size).toBe(kpis.customers);
}

let onlineRetail: AnalysisResult;
let cdnow: AnalysisResult;
let customerPersonality: AnalysisResult;

beforeAll(async () => {
  onlineRetail = await analyzeFile(ONLINE_RETAIL);
  cdnow = await analyzeFile(CDNOW);
  customerPersonality = await analyzeFile(CUSTOMER_PERSONALITY);
});

describe('Online Retail (541,909 lines)', () => {
  it('gives the figures of SOURCES.md: 4,338 customers, 18,532 invoices, revenue 8,911,407.90, AOV 480.87', () => {
    const { kpis, rfm, period } = onlineRetail.analysis;
    expect(kpis.customers).toBe(4_338);
    expect(kpis.orders).toBe(18_532);
    expect(roundToCents(kpis.revenue)).toBe(8_911_407.9);
    expect(roundToCents(kpis.averageOrderValue)).toBe(480.87);
    expect(period).toEqual({ firstPurchase: '2010-12-01', lastPurchase: '2011-12-09' });
    expect(rfm?.asOf).toBe('2011-12-10');
  });

  it('reads 541,909 lines, uses 397,884 and says why each other line was rejected', () => {
    const { input } = onlineRetail.analysis;
    expect(input).toMatchObject({
      shape: 'transactions',
      encoding: 'utf-8',
      delimiter: ',',
      decimalMark: '.',
      dateOrder: null,
      columns: { ...ONLINE_RETAIL_ROLES },
      rowsRead: 541_909,
      rowsUsed: 397_884,
      undecodableCharacters: 0,
    });
    // Each line counts once, under the first rule it breaks: the 135,080 lines without CustomerID first, then
    // the cancellations that have one, then prices <= 0. Negative quantities are all in cancellations.
    expect(input.rowsRejected).toEqual({
      wrongFieldCount: 0,
      missingCustomer: 135_080,
      cancelled: 8_905,
      unreadableDate: 0,
      otherCurrency: 0,
      unreadableNumber: 0,
      implausibleAmount: 0,
      nonPositiveQuantity: 0,
      nonPositivePrice: 40,
      nonPositiveAmount: 0,
      futureDate: 0,
      afterAsOf: 0,
    });
    expect(input.rowsUsed + rejectedTotal(onlineRetail)).toBe(input.rowsRead);
  });

  it('counts the cancellations and free lines as an independent count of the file does', () => {
    // SOURCES.md: 9,288 InvoiceNo start with C; those without a CustomerID count as missingCustomer.
    // Only the Description field can hold commas, so the other fields are read from each end of the line.
    const lines = readRealDataText(ONLINE_RETAIL).split('\n').slice(1);
    let cancellations = 0;
    let cancellationsWithoutCustomer = 0;
    let freeLinesOfKnownCustomers = 0;
    for (const line of lines) {
      if (line === '') continue;
      const fields = line.split(',');
      const invoice = fields[0] ?? '';
      const customer = fields.at(-2) ?? '';
      const price = Number(fields.at(-3));
      if (/^C\d/.test(invoice)) {
        cancellations++;
        if (customer === '') cancellationsWithoutCustomer++;
      } else if (customer !== '' && price <= 0) freeLinesOfKnownCustomers++;
    }
    expect(cancellations).toBe(9_288);
    expect(onlineRetail.analysis.input.rowsRejected.cancelled).toBe(
      cancellations - cancellationsWithoutCustomer,
    );
    expect(onlineRetail.analysis.input.rowsRejected.nonPositivePrice).toBe(freeLinesOfKnownCustomers);
  });

  it('places every customer in exactly one segment and one cluster, the two clusters of the README', () => {
    expectEveryCustomerPlacedOnce(onlineRetail);
    const { clusters } = onlineRetail.analysis;
    expect(clusters.k).toBe(2);
    expect(clusters.clusters.map((cluster) => cluster.name.en)).toEqual([
      'High-value loyal',
      'Lapsed low-value',
    ]);
  });
});

describe('CDNOW (69,659 whitespace-aligned lines)', () => {
  it('reads the aligned columns and the YYYYMMDD dates, without an order column', () => {
    expect(cdnow.analysis.input).toMatchObject({
      shape: 'transactions',
      encoding: 'ascii',
      delimiter: 'whitespace',
      dateOrder: null,
      columns: { customer: 'customer_id', date: 'date', amount: 'dollar_value', quantity: 'number_of_cds' },
    });
    expect(cdnow.analysis.period).toEqual({ firstPurchase: '1997-01-01', lastPurchase: '1998-06-30' });
    expect(cdnow.analysis.rfm?.asOf).toBe('1998-07-01');
  });

  it('rejects exactly the 80 zero-value lines and sums the 2,500,315.63 of the others', () => {
    const { input, kpis } = cdnow.analysis;
    expect(input.rowsRead).toBe(69_659);
    expect(input.rowsUsed).toBe(69_659 - 80);
    expect(input.rowsRejected).toMatchObject({ nonPositiveAmount: 80 });
    expect(rejectedTotal(cdnow)).toBe(80);
    expect(roundToCents(kpis.revenue)).toBe(2_500_315.63);
  });

  it('has 23,502 customers: the 23,570 of SOURCES.md less the 68 whose only lines are the zero-value ones', () => {
    const perCustomer = new Map<string, number[]>();
    for (const line of readRealDataText(CDNOW, 'ascii').split('\r\n').slice(1)) {
      const [id, , , value] = line.trim().split(/\s+/);
      if (id === undefined || id === '' || value === undefined) continue;
      perCustomer.set(id, [...(perCustomer.get(id) ?? []), Number(value)]);
    }
    const onlyZeroValue = [...perCustomer.values()].filter((values) => values.every((value) => value === 0));
    expect(perCustomer.size).toBe(23_570);
    expect(onlyZeroValue).toHaveLength(68);
    expect(cdnow.analysis.kpis.customers).toBe(23_570 - 68);
    expectEveryCustomerPlacedOnce(cdnow);
  });
});

describe('Customer Personality (2,240 customers, one row each)', () => {
  it('is read as a customer table of 2,240 customers', () => {
    const { input, kpis } = customerPersonality.analysis;
    expect(input).toMatchObject({
      shape: 'customers',
      delimiter: 'tab',
      rowsRead: 2_240,
      rowsUsed: 2_240,
      rowsRejected: {},
    });
    expect(kpis.customers).toBe(2_240);
    expectEveryCustomerPlacedOnce(customerPersonality);
  });

  it('takes the spending from the six Mnt columns and the response rate from Response: 334 / 2,240', () => {
    const { kpis } = customerPersonality.analysis;
    expect(kpis.revenue).toBe(1_356_988);
    expect(kpis.responseRate).toBe(334 / 2_240);
    expect(roundToCents(100 * (kpis.responseRate ?? 0))).toBe(14.91);
  });

  it('clusters on the informative columns, with the 24 missing incomes set to the median, and says so', () => {
    const { input, notes, rfm } = customerPersonality.analysis;
    const clustered = Object.keys(input.columns);
    expect(clustered).toContain('Income');
    expect(clustered).toContain('Dt_Customer_days_since');
    for (const leftOut of ['ID', 'Response', 'Z_CostContact', 'Z_Revenue', 'Education', 'Marital_Status']) {
      expect(clustered).not.toContain(leftOut);
    }
    expect(notes).toContain('24 missing values of "Income" set to its median');
    // Dt_Customer is dd-mm-yyyy; the last sign-up is 29-06-2014.
    expect(rfm?.asOf).toBe('2014-06-30');
    expect(
      customerPersonality.customers.every((customer) => customer.features?.['Income'] !== undefined),
    ).toBe(true);
  });
});
