// The activity window on a transaction log, end to end: the ten hand-made customers (test/fixtures/ten-customers.ts)
// with C05's last purchase exactly 90 days before the as-of day, analysed with a window of 90 days and of 89.
import { describe, expect, it } from 'vitest';
import { formatCustomersCsv } from '../../../lambda/engine/export/customers-csv.ts';
import { TEN_CUSTOMERS_CSV } from '../../fixtures/ten-customers.ts';
import { analyzeText, customersById } from '../../support/analyze-text.ts';

describe('the activity window on the ten customers', () => {
  it('keeps C05 Loyal when its last purchase is exactly the window old (90 days, the default)', async () => {
    const result = await analyzeText(TEN_CUSTOMERS_CSV);
    expect(result.analysis.activeWindowDays).toBe(90);
    expect(result.analysis.rfm?.method).toContain(
      '; Champions, Loyal, Potential loyalists, New and Promising also need a purchase within 90 days of the ' +
        'as-of day; without one, a customer goes down its FM column to the first segment that does not',
    );
    expect(customersById(result).get('C05')).toMatchObject({
      recencyDays: 90,
      recencyScore: 3,
      segment: 'loyal',
    });
  });

  it('moves C05 to At risk one day past the window, its R score and the other customers unchanged', async () => {
    const wide = await analyzeText(TEN_CUSTOMERS_CSV);
    const narrow = await analyzeText(TEN_CUSTOMERS_CSV, { activeWindowDays: 89 });
    // R 3, FM 4: the R = 3 row's FM 4 cell is Loyal, so down the column to the R = 2 row: At risk.
    expect(customersById(narrow).get('C05')).toMatchObject({
      recencyDays: 90,
      recencyScore: 3,
      frequencyScore: 3,
      monetaryScore: 4,
      segment: 'atRisk',
    });
    const others = (result: typeof wide) => result.customers.filter((customer) => customer.id !== 'C05');
    expect(others(narrow)).toEqual(others(wide));
    const segment = (result: typeof wide, key: string) =>
      result.analysis.rfm?.segments.find((entry) => entry.key === key);
    expect(segment(narrow, 'loyal')?.customers).toBe((segment(wide, 'loyal')?.customers ?? 0) - 1);
    expect(segment(narrow, 'atRisk')?.customers).toBe((segment(wide, 'atRisk')?.customers ?? 0) + 1);
    // C07 was the one at-risk customer; C05 joins it, and the at-risk share follows the segment.
    expect(narrow.analysis.kpis.atRiskCustomerShare).toBeCloseTo(
      wide.analysis.kpis.atRiskCustomerShare + 0.1,
    );
    const c05 = formatCustomersCsv(narrow.customers, 'transactions')
      .split('\n')
      .find((line) => line.startsWith('C05,'));
    expect(c05?.split(',').slice(0, 8)).toEqual(['C05', '90', '2', '400', '3', '3', '4', 'At risk']);
  });
});
