// Segment membership recomputed at each month's end, by hand: customer X is New at the end of January, a Champion
// at the end of February, Can't lose them in March, then At risk; the four others move too. Every score below is
// the quintile rule (mid-rank position p, score 1 + floor(5p), recency reversed) on five customers, and the
// segment the grid of rfm-segments.ts gives for R and FM = round((F + M) / 2).
import { describe, expect, it } from 'vitest';
import { analysisSchema } from '../../../lambda/engine/analysis/analysis-schema.ts';
import { RFM_SEGMENT_KEYS, type RfmSegmentKey } from '../../../lambda/engine/rfm/rfm-segments.ts';
import type { Trends } from '../../../lambda/engine/trends/compute-trends.ts';
import { analyzeText } from '../../support/analyze-text.ts';

/** [customer, day, amount], one order each. */
const ORDERS: readonly [string, string, number][] = [
  // January: A, B, C, D two orders each (10+10, 20+20, 30+30, 40+40); X one order of 5 on the 30th.
  ['A', '2024-01-03', 10],
  ['A', '2024-01-05', 10],
  ['B', '2024-01-08', 20],
  ['B', '2024-01-10', 20],
  ['C', '2024-01-18', 30],
  ['C', '2024-01-20', 30],
  ['D', '2024-01-23', 40],
  ['D', '2024-01-25', 40],
  ['X', '2024-01-30', 5],
  // February: only X, three orders of 100; then X never buys again.
  ['X', '2024-02-10', 100],
  ['X', '2024-02-20', 100],
  ['X', '2024-02-28', 100],
  // March to June: A, B, C, D one order of 50 a month, on the 5th, 10th, 15th and 20th.
  ...['03', '04', '05', '06'].flatMap((month) =>
    (['A', 'B', 'C', 'D'] as const).map((customer, index): [string, string, number] => [
      customer,
      `2024-${month}-${String(5 * (index + 1)).padStart(2, '0')}`,
      50,
    ]),
  ),
];

const LOG = [
  'InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice',
  ...ORDERS.map(([customer, day, amount], index) => `${1000 + index},${customer},${day} 10:00,1,${amount}`),
].join('\n');

/** Members of each segment at each month's end, the segments with none left out. */
function membersByMonth(trends: Trends): Partial<Record<RfmSegmentKey, number>>[] {
  return trends.periods.map((_, period) =>
    Object.fromEntries(
      trends.segments
        .filter((segment) => (segment.members[period] as number) > 0)
        .map((segment) => [segment.key, segment.members[period]]),
    ),
  );
}

describe('segment membership at each month end', () => {
  it('follows X from New to Champions to At risk, and counts every segment as scored by hand', async () => {
    const { analysis } = await analyzeText(LOG, { now: new Date('2025-01-01T00:00:00Z') });
    const trends = analysis.trends as Trends;
    expect(trends.periods.map((period) => period.start.slice(0, 7))).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
    ]);
    // The as-of day is the day after the last order (D, June 20): June is counted to June 21 and partial.
    expect(trends.periods.at(-1)).toEqual({ start: '2024-06-01', end: '2024-06-21', partial: true });
    expect(membersByMonth(trends)).toEqual([
      // Feb 1. Recency A 27, B 22, C 12, D 7, X 2: R = 1, 2, 3, 4, 5. F: X 1 order (1), the others 2 (4).
      // M: X 5 (1), A 20 (2), B 40 (3), C 60 (4), D 80 (5). A: R1 FM3 At risk; B: R2 FM4 At risk;
      // C: R3 FM4 Loyal; D: R4 FM5 Loyal; X: R5 FM1 New.
      { loyal: 2, new: 1, atRisk: 2 },
      // Mar 1. Recency A 56, B 51, C 41, D 36, X 2: R as before. F: X 4 orders (5), the others 2 (3).
      // M: A 20 (1), B 40 (2), C 60 (3), D 80 (4), X 305 (5). A: R1 FM2 Hibernating; B: R2 FM3 At risk;
      // C: R3 FM3 Need attention; D: R4 FM4 Loyal; X: R5 FM5 Champions.
      { champions: 1, loyal: 1, needAttention: 1, atRisk: 1, hibernating: 1 },
      // Apr 1. Recency D 12, C 17, B 22, A 27, X 33: R = D5 C4 B3 A2 X1. F: X 4 (5), others 3 (3).
      // M: A 70 (1), B 90 (2), C 110 (3), D 130 (4), X 305 (5). A: R2 FM2 Hibernating; B: R3 FM3 Need
      // attention; C: R4 FM3 Potential loyalists; D: R5 FM4 Champions; X: R1 FM5 Can't lose them.
      { champions: 1, potentialLoyalists: 1, needAttention: 1, cantLoseThem: 1, hibernating: 1 },
      // May 1. R as in April (X 63 days). F: everyone 4 orders (3). M: A 120 (1) ... X 305 (5).
      // A: R2 FM2 Hibernating; B: R3 FM3 Need attention; C: R4 FM3 Potential loyalists; D: R5 FM4
      // Champions; X: R1 FM4 At risk.
      { champions: 1, potentialLoyalists: 1, needAttention: 1, atRisk: 1, hibernating: 1 },
      // Jun 1. R as before (X 94 days). F: X 4 (1), others 5 (4). M: A 170 (1) ... X 305 (5).
      // A: R2 FM3 At risk; B: R3 FM3 Need attention; C: R4 FM4 Loyal; D: R5 FM4 Champions; X: R1 FM3 At risk.
      { champions: 1, loyal: 1, needAttention: 1, atRisk: 2 },
      // Jun 21 (the as-of day). F: X 4 (1), others 6 (4); M and R as in May: the same segments.
      { champions: 1, loyal: 1, needAttention: 1, atRisk: 2 },
    ]);
    // The last period ends on the as-of day: its members are the analysis' own segments.
    const ownCounts = Object.fromEntries(
      (analysis.rfm?.segments ?? [])
        .filter((segment) => segment.customers > 0)
        .map((s) => [s.key, s.customers]),
    );
    expect(membersByMonth(trends).at(-1)).toEqual(ownCounts);
  });

  it('counts the members who bought in the month, their revenue and orders', async () => {
    const { analysis } = await analyzeText(LOG, { now: new Date('2025-01-01T00:00:00Z') });
    const trends = analysis.trends as Trends;
    const series = (key: RfmSegmentKey) => trends.segments.find((segment) => segment.key === key);
    // February: only X bought (3 orders, 300), and X is a Champion at February's end.
    expect(series('champions')).toMatchObject({
      members: [0, 1, 1, 1, 1, 1],
      buyers: [0, 1, 1, 1, 1, 1],
      // Then D, the Champion from March, buys one order of 50 a month.
      revenue: [0, 300, 50, 50, 50, 50],
      orders: [0, 3, 1, 1, 1, 1],
    });
    // X is At risk at the end of April, May and June without buying; A joins in May and June, buying 50.
    expect(series('atRisk')).toMatchObject({
      members: [2, 1, 0, 1, 2, 2],
      buyers: [2, 0, 0, 0, 1, 1],
      revenue: [60, 0, 0, 0, 50, 50],
      orders: [4, 0, 0, 0, 1, 1],
    });
    expect(trends.segments.map((segment) => segment.key)).toEqual([...RFM_SEGMENT_KEYS]);
  });

  it('writes trends the analysis schema reads back, and null for a customer table', async () => {
    const { analysis } = await analyzeText(LOG, { now: new Date('2025-01-01T00:00:00Z') });
    const parsed = analysisSchema.parse(JSON.parse(JSON.stringify(analysis)));
    expect(parsed.trends).toEqual(analysis.trends);
    const table = await analyzeText('customer_id,income,visits\n1,100,3\n2,200,4\n3,150,5\n');
    expect(table.analysis.trends).toBe(null);
  });
});
