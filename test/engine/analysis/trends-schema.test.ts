// The trends as read back from an archived analysis: what the engine writes passes, and the assumptions a chart or
// a forecast makes (one entry a period, a null average order value only for a period without orders) are checked.
import { describe, expect, it } from 'vitest';
import { trendsSchema } from '../../../lambda/engine/analysis/trends-schema.ts';
import { computeTrends, type Trends } from '../../../lambda/engine/trends/compute-trends.ts';

const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Two customers over four months, March without orders. */
function written(): Trends {
  const trends = computeTrends({
    orders: {
      count: 3,
      customers: Int32Array.from([0, 1, 0]),
      days: Int32Array.from([dayOf('2024-01-01'), dayOf('2024-02-10'), dayOf('2024-04-10')]),
      amounts: Float64Array.from([10, 20, 30]),
    },
    customerCount: 2,
    asOfDay: dayOf('2024-05-01'),
    activeWindowDays: 90,
  });
  if (trends === null) throw new Error('expected trends');
  return JSON.parse(JSON.stringify(trends)) as Trends;
}

const problems = (value: unknown): string[] => {
  const result = trendsSchema.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('trendsSchema', () => {
  it('reads what the engine writes as it was, a null average order value for March included', () => {
    const trends = written();
    expect(trends.base.averageOrderValue).toEqual([10, 20, null, 30]);
    expect(trendsSchema.parse(trends)).toStrictEqual(trends);
  });

  it('refuses a null average order value for a month with orders, and a number for one without', () => {
    const trends = written();
    trends.base.averageOrderValue = [null, 20, 0, 30];
    expect(problems(trends)).toEqual([
      'base.averageOrderValue.0: expected a number for a period with orders, and null for one without',
      // A number beside no orders: which is wrong cannot be told, and the orders are named.
      'base.orders.2: expected orders in a period with an average order value',
    ]);
  });

  it('refuses a series or a cohort without one entry a period', () => {
    const trends = written();
    trends.base.revenue.pop();
    (trends.segments[3] as Trends['segments'][number]).members.push(1);
    (trends.cohorts[0] as Trends['cohorts'][number]).buyingShare.pop();
    expect(problems(trends)).toEqual([
      'base.revenue: expected 4 entries, one a period',
      `segments.3.members: expected 4 entries, one a period`,
      "cohorts.0.buyingShare: expected 4 entries, one a period from the cohort's",
    ]);
  });
});

describe('a cohort whose period does not fit its lists', () => {
  it('is refused naming the period', () => {
    const trends = written();
    (trends.cohorts[0] as Trends['cohorts'][number]).period += 1;
    expect(problems(trends)).toEqual([
      `cohorts.0.period: expected ${(trends.cohorts[0]?.period ?? 0) - 1}, the period whose cohort has ${trends.cohorts[0]?.buyingShare.length} entries, one a period from it`,
    ]);
  });
});
