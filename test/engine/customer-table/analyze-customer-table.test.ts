import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../support/analyze-text.ts';

/** Twelve customers: id, recency, orders, spend, income (one missing), response. */
function customerTable(extraRows: string[] = []): string {
  const rows = Array.from({ length: 12 }, (_, index) => {
    const income = index === 3 ? '' : String(20_000 + index * 5_000);
    return [
      `K${index + 1}`,
      5 + index * 10,
      1 + (index % 4),
      100 * (index + 1),
      income,
      index < 3 ? 1 : 0,
    ].join('\t');
  });
  return ['Customer ID\tRecency\tOrders\tSpending\tIncome\tResponse', ...rows, ...extraRows, ''].join('\n');
}

describe('analyzeCsv on a customer table', () => {
  it('keeps the first row of each id and counts the rejected rows by reason', async () => {
    const result = await analyzeText(customerTable(['K1\t1\t1\t1\t1\t0', '\t1\t1\t1\t1\t0', 'K99\t1\t1']));
    const { input } = result.analysis;
    expect(input).toMatchObject({
      shape: 'customers',
      delimiter: 'tab',
      rowsRead: 15,
      rowsUsed: 12,
      rowsRejected: { duplicateCustomer: 1, missingCustomer: 1, wrongFieldCount: 1 },
      firstRejectedLine: { duplicateCustomer: 14, missingCustomer: 15, wrongFieldCount: 16 },
    });
    expect(result.customers.find((customer) => customer.id === 'K1')?.recencyDays).toBe(5);
  });

  it('reads its numbers with the decimal mark given rather than the one inferred', async () => {
    // `1,500` says nothing of the mark, and a `;` file is taken to use decimal commas: 1.5 unless told.
    const rows = Array.from(
      { length: 12 },
      (_, index) => `K${index + 1};${index * 3};${index + 1};${index + 1},500`,
    );
    const table = ['ID;Recency;Orders;Spending', ...rows, ''].join('\n');
    const spending = (result: Awaited<ReturnType<typeof analyzeText>>) =>
      result.customers.find((customer) => customer.id === 'K1')?.monetary;
    const inferred = await analyzeText(table);
    expect(inferred.analysis.input.decimalMark).toBe(',');
    expect(spending(inferred)).toBe(1.5);
    const given = await analyzeText(table, { decimalMark: '.' });
    expect(given.analysis.input.decimalMark).toBe('.');
    expect(spending(given)).toBe(1500);
  });

  it('takes the day of the analysis as the as-of day when the table has no date column', async () => {
    // TEST_NOW is 2024-06-01T12:00Z: a table without dates describes its customers as they are now, not in 1970.
    const { analysis } = await analyzeText(customerTable());
    expect(analysis.rfm?.asOf).toBe('2024-06-01');
  });

  it('scores RFM from the recency, purchase and spending columns and computes the KPIs', async () => {
    const { analysis, customers } = await analyzeText(customerTable());
    // spending 100 + 200 + ... + 1200 = 7800; orders 1+2+3+4 three times = 30; responses 3 of 12
    expect(analysis.kpis).toMatchObject({ customers: 12, revenue: 7800, orders: 30, responseRate: 0.25 });
    expect(analysis.rfm?.segments.reduce((sum, segment) => sum + segment.customers, 0)).toBe(12);
    expect(customers[0]).toMatchObject({ id: 'K1', recencyDays: 5, frequency: 1, monetary: 100 });
    expect(customers.every((customer) => customer.segment !== null && customer.cluster !== null)).toBe(true);
    // The id and the response are not clustered on; the missing income is set to the median and said so.
    expect(Object.keys(analysis.input.columns)).toEqual(['Recency', 'Orders', 'Spending', 'Income']);
    expect(analysis.notes).toContain('1 missing values of "Income" set to its median');
  });

  it('says when the table does not allow RFM, and still clusters', async () => {
    const table = customerTable().replace('Recency', 'Age');
    const { analysis, customers } = await analyzeText(table);
    expect(analysis.rfm).toBeNull();
    expect(analysis.notes).toContain(
      'no recency and purchase columns: RFM segments are not computed for this table',
    );
    expect(customers.every((customer) => customer.segment === null && customer.cluster !== null)).toBe(true);
  });
});

describe('analyzeCsv on a customer table, the activity window', () => {
  it('keeps customers past the window out of the segments that imply recent activity', async () => {
    // Recency 5, 15, ..., 115 days: with a 30-day window only K1 to K3 are active, yet K4 to K6 score R >= 4.
    const recent = ['champions', 'loyal', 'potentialLoyalists', 'new', 'promising'];
    const wide = await analyzeText(customerTable(), { activeWindowDays: 200 });
    const narrow = await analyzeText(customerTable(), { activeWindowDays: 30 });
    const lapsedButScoredRecent = wide.customers.filter(
      (customer) => (customer.recencyDays as number) > 30 && recent.includes(customer.segment as string),
    );
    expect(lapsedButScoredRecent.length).toBeGreaterThan(0);
    for (const customer of narrow.customers) {
      if ((customer.recencyDays as number) > 30) expect(recent).not.toContain(customer.segment);
    }
    // Scores are the same; only the segment of the lapsed customers changes, and everyone has one.
    const scores = (result: typeof wide) =>
      result.customers.map(({ id, recencyScore, frequencyScore, monetaryScore }) => [
        id,
        recencyScore,
        frequencyScore,
        monetaryScore,
      ]);
    expect(scores(narrow)).toEqual(scores(wide));
    expect(narrow.analysis.kpis.activeCustomers).toBe(3);
    const inRecent = narrow.analysis.rfm?.segments
      .filter((segment) => recent.includes(segment.key))
      .reduce((sum, segment) => sum + segment.customers, 0);
    expect(inRecent).toBeLessThanOrEqual(3);
    expect(narrow.analysis.rfm?.segments.reduce((sum, segment) => sum + segment.customers, 0)).toBe(12);
  });
});
