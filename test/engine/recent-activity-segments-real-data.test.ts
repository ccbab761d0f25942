// Segments that say "recent buyer" (Champions, Loyal, Potential loyalists, New, Promising) hold only customers who
// bought within the activity window, on the three real data sets; every customer still in exactly one segment.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../lambda/engine/analysis/analysis-types.ts';
import {
  AT_RISK_SEGMENTS,
  LOST_SEGMENTS,
  RECENT_ACTIVITY_SEGMENTS,
  type RfmSegmentKey,
} from '../../lambda/engine/rfm/rfm-segments.ts';
import { analyzeFile } from '../support/analyze-file.ts';
import { CDNOW, CUSTOMER_PERSONALITY, ONLINE_RETAIL } from '../../tools/real-data.ts';

const results = new Map<string, AnalysisResult>();

beforeAll(async () => {
  for (const path of [CDNOW, ONLINE_RETAIL, CUSTOMER_PERSONALITY]) results.set(path, await analyzeFile(path));
}, 120_000);

const resultOf = (path: string): AnalysisResult => results.get(path) as AnalysisResult;

/** The customers of each segment, as the segment table of the analysis counts them. */
function segmentCounts(result: AnalysisResult): Map<RfmSegmentKey, number> {
  return new Map((result.analysis.rfm?.segments ?? []).map((segment) => [segment.key, segment.customers]));
}

describe('CDNOW, a mostly lapsed base (3,301 of 23,502 customers active)', () => {
  it('has no more Champions, nor customers in any recent-activity segment, than active customers', () => {
    const { kpis, activeWindowDays } = resultOf(CDNOW).analysis;
    expect(activeWindowDays).toBe(90);
    expect(kpis.activeCustomers).toBe(3_301);
    const counts = segmentCounts(resultOf(CDNOW));
    expect(counts.get('champions')).toBeLessThanOrEqual(kpis.activeCustomers);
    const recent = RECENT_ACTIVITY_SEGMENTS.map((key) => counts.get(key) ?? 0);
    for (const customers of recent) expect(customers).toBeLessThanOrEqual(kpis.activeCustomers);
    expect(recent.reduce((sum, customers) => sum + customers, 0)).toBeLessThanOrEqual(kpis.activeCustomers);
  });

  it('keeps r_score the true recency quintile: top-scored customers who lapsed sit in other segments', () => {
    const lapsedTopScored = resultOf(CDNOW).customers.filter(
      (customer) => customer.recencyScore === 5 && (customer.recencyDays as number) > 90,
    );
    expect(lapsedTopScored.length).toBeGreaterThan(0);
    for (const customer of lapsedTopScored) {
      expect(RECENT_ACTIVITY_SEGMENTS).not.toContain(customer.segment);
    }
  });
});

describe.each([
  ['CDNOW', CDNOW],
  ['Online Retail', ONLINE_RETAIL],
  ['Customer Personality', CUSTOMER_PERSONALITY],
])('%s', (_name, path) => {
  it('puts only active customers in recent-activity segments, each customer in exactly one segment', () => {
    const { analysis, customers } = resultOf(path);
    const window = analysis.activeWindowDays;
    for (const segment of analysis.rfm?.segments ?? []) {
      if (RECENT_ACTIVITY_SEGMENTS.includes(segment.key)) {
        expect(segment.activeCustomers, segment.key).toBe(segment.customers);
      }
    }
    const fromRows = new Map<RfmSegmentKey, number>();
    for (const customer of customers) {
      const segment = customer.segment as RfmSegmentKey;
      fromRows.set(segment, (fromRows.get(segment) ?? 0) + 1);
      if (RECENT_ACTIVITY_SEGMENTS.includes(segment)) {
        expect(customer.recencyDays, customer.id).toBeLessThanOrEqual(window);
      }
    }
    const counts = segmentCounts(resultOf(path));
    expect(new Map([...counts].filter(([, customers]) => customers > 0))).toEqual(fromRows);
    expect([...counts.values()].reduce((sum, customers) => sum + customers, 0)).toBe(analysis.kpis.customers);
  });

  it('measures the at-risk and lost shares on the same segments as the segment table', () => {
    const { kpis } = resultOf(path).analysis;
    const counts = segmentCounts(resultOf(path));
    const share = (keys: readonly RfmSegmentKey[]) =>
      keys.reduce((sum, key) => sum + (counts.get(key) ?? 0), 0) / kpis.customers;
    expect(kpis.atRiskCustomerShare).toBeCloseTo(share(AT_RISK_SEGMENTS), 12);
    expect(kpis.lostCustomerShare).toBeCloseTo(share(LOST_SEGMENTS), 12);
  });
});
