// Invariants of the trends on generated transaction logs (fast-check): each series summed over the periods is the
// whole file's figure, and the segment members at the last period's end (the as-of day) are the analysis' own
// segment counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../lambda/engine/analysis/analysis-types.ts';
import { analyzeText } from '../../support/analyze-text.ts';

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2023, 0, 1);

/** An order of one customer on one day, with one or two lines; spans from a few weeks to 16 months. */
const order = (lastDay: number) =>
  fc.record({
    customer: fc.integer({ min: 1, max: 25 }),
    day: fc.integer({ min: 0, max: lastDay }),
    lines: fc.array(fc.integer({ min: 1, max: 90_000 }), { minLength: 1, maxLength: 2 }),
  });

const transactionLog = fc
  .constantFrom(20, 100, 480)
  .chain((lastDay) => fc.array(order(lastDay), { minLength: 1, maxLength: 60 }))
  .map((orders) => [
    'InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice',
    ...orders.flatMap((entry, index) => {
      const date = new Date(FIRST_DAY + entry.day * DAY_MS).toISOString().slice(0, 10);
      return entry.lines.map(
        (cents) => `${100_000 + index},${entry.customer},${date} 09:00,1,${cents / 100}`,
      );
    }),
  ]);

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

function trendsOf(analysis: Analysis) {
  if (!analysis.trends) throw new Error('a transaction log must have trends');
  return analysis.trends;
}

describe('trends on generated logs', () => {
  it('sum to the whole file over the periods, and end on the analysis own segments', async () => {
    await fc.assert(
      fc.asyncProperty(transactionLog, async (lines) => {
        const { analysis } = await analyzeText(lines.join('\n'), { value: false });
        const trends = trendsOf(analysis);
        const { base } = trends;
        expect(sum(base.revenue)).toBeCloseTo(analysis.kpis.revenue, 6);
        expect(sum(base.orders)).toBe(analysis.kpis.orders);
        expect(sum(base.newCustomers)).toBe(analysis.kpis.customers);
        expect(sum(trends.cohorts.map((cohort) => cohort.customers))).toBe(analysis.kpis.customers);
        for (const [period, active] of base.activeCustomers.entries()) {
          expect(active).toBe(
            (base.newCustomers[period] as number) + (base.returningCustomers[period] as number),
          );
          const members = sum(trends.segments.map((segment) => segment.members[period] as number));
          const buyers = sum(trends.segments.map((segment) => segment.buyers[period] as number));
          const orders = sum(trends.segments.map((segment) => segment.orders[period] as number));
          expect(buyers).toBe(active);
          expect(orders).toBe(base.orders[period]);
          expect(members).toBeGreaterThanOrEqual(active);
        }
        expect(trends.periods.at(-1)?.end).toBe(analysis.rfm?.asOf);
        const ownCounts = (analysis.rfm?.segments ?? []).map((segment) => [segment.key, segment.customers]);
        const lastMembers = trends.segments
          .map((segment) => [segment.key, segment.members.at(-1)])
          .filter(([, members]) => (members as number) > 0);
        expect(lastMembers.sort()).toEqual(ownCounts.filter(([, count]) => (count as number) > 0).sort());
      }),
      { numRuns: 60, seed: 14 },
    );
  });
});
