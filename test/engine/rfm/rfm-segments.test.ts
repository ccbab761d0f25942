import { describe, expect, it } from 'vitest';
import {
  AT_RISK_SEGMENTS,
  frequencyMonetaryScore,
  LOST_SEGMENTS,
  RECENT_ACTIVITY_SEGMENTS,
  RFM_SEGMENT_KEYS,
  RFM_SEGMENT_NAMES,
  segmentFor,
  segmentIndexFor,
} from '../../../lambda/engine/rfm/rfm-segments.ts';
import { SegmentReportError } from '../../../lambda/errors/segment-report-error.ts';

/** The README's table, R from 5 down to 1, FM from 1 to 5, as written there. */
const README_TABLE = `
5 | New | Potential loyalists | Potential loyalists | Champions | Champions
4 | Promising | Potential loyalists | Potential loyalists | Loyal | Loyal
3 | About to sleep | About to sleep | Need attention | Loyal | Loyal
2 | Hibernating | Hibernating | At risk | At risk | Can't lose them
1 | Lost | Hibernating | At risk | At risk | Can't lose them
`;

const readmeCells = README_TABLE.trim()
  .split('\n')
  .flatMap((row) => {
    const [recency, ...names] = row.split('|').map((cell) => cell.trim());
    return names.map((name, index) => ({ recency: Number(recency), fm: index + 1, name }));
  });

describe('frequencyMonetaryScore', () => {
  it.each([
    [1, 1, 1],
    [1, 2, 2],
    [2, 1, 2],
    [2, 3, 3],
    [3, 4, 4],
    [4, 5, 5],
    [1, 5, 3],
    [5, 5, 5],
  ])('F=%d M=%d gives FM=%d (round((F + M) / 2), halves up)', (frequency, monetary, fm) => {
    expect(frequencyMonetaryScore(frequency, monetary)).toBe(fm);
  });
});

describe('segmentFor', () => {
  it('follows every cell of the README table', () => {
    expect(readmeCells).toHaveLength(25);
    for (const { recency, fm, name } of readmeCells) {
      // With F = M = FM, the combined score is FM itself.
      expect(RFM_SEGMENT_NAMES[segmentFor(recency, fm, fm, true)].en, `R=${recency} FM=${fm}`).toBe(name);
    }
  });

  it('puts every (R, F, M) in exactly one of the 11 segments, each used at least once', () => {
    const used = new Set<string>();
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) {
          const segment = segmentFor(r, f, m, true);
          expect(RFM_SEGMENT_KEYS).toContain(segment);
          used.add(segment);
        }
    expect([...used].sort()).toEqual([...RFM_SEGMENT_KEYS].sort());
    expect(RFM_SEGMENT_KEYS).toHaveLength(11);
  });

  it('combines F and M before looking up the table', () => {
    // R=5, F=5, M=2: FM = round(3.5) = 4 -> Champions; R=3, F=1, M=2: FM = 2 -> About to sleep.
    expect(segmentFor(5, 5, 2, true)).toBe('champions');
    expect(segmentFor(3, 1, 2, true)).toBe('aboutToSleep');
    expect(segmentFor(1, 4, 5, true)).toBe('cantLoseThem');
  });

  it.each([
    [0, 3, 3],
    [6, 3, 3],
    [3, 0, 0],
    [3, 6, 6],
  ])('refuses scores outside 1..5 (R=%d F=%d M=%d)', (r, f, m) => {
    for (const active of [true, false]) {
      expect(() => segmentFor(r, f, m, active)).toThrow(SegmentReportError);
      expect(() => segmentFor(r, f, m, active)).toThrow(`RFM scores must be 1..5, got R=${r} F=${f} M=${m}`);
    }
  });
});

/** The README's table for a customer with no purchase in the activity window, in the same layout. */
const README_INACTIVE_TABLE = `
5 | About to sleep | About to sleep | Need attention | At risk | Can't lose them
4 | About to sleep | About to sleep | Need attention | At risk | Can't lose them
3 | About to sleep | About to sleep | Need attention | At risk | Can't lose them
2 | Hibernating | Hibernating | At risk | At risk | Can't lose them
1 | Lost | Hibernating | At risk | At risk | Can't lose them
`;

describe('segmentFor, a customer with no purchase in the activity window', () => {
  it('follows every cell of the README table for inactive customers', () => {
    const cells = README_INACTIVE_TABLE.trim()
      .split('\n')
      .flatMap((row) => {
        const [recency, ...names] = row.split('|').map((cell) => cell.trim());
        return names.map((name, index) => ({ recency: Number(recency), fm: index + 1, name }));
      });
    expect(cells).toHaveLength(25);
    for (const { recency, fm, name } of cells) {
      expect(RFM_SEGMENT_NAMES[segmentFor(recency, fm, fm, false)].en, `R=${recency} FM=${fm}`).toBe(name);
    }
  });

  it('never lands in a recent-activity segment, and keeps every segment that claims no recent activity', () => {
    expect([...RECENT_ACTIVITY_SEGMENTS].sort()).toEqual(
      ['champions', 'loyal', 'new', 'potentialLoyalists', 'promising'].sort(),
    );
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) {
          const scored = segmentFor(r, f, m, true);
          const inactive = segmentFor(r, f, m, false);
          expect(RECENT_ACTIVITY_SEGMENTS).not.toContain(inactive);
          if (!RECENT_ACTIVITY_SEGMENTS.includes(scored)) expect(inactive).toBe(scored);
          // Never a worse-named row than a less recent inactive customer of the same F and M.
          if (r > 1)
            expect(RFM_SEGMENT_KEYS.indexOf(inactive)).toBeLessThanOrEqual(
              RFM_SEGMENT_KEYS.indexOf(segmentFor(r - 1, f, m, false)),
            );
        }
  });
});

describe('segmentIndexFor', () => {
  it('is the index of segmentFor in RFM_SEGMENT_KEYS for every (R, F, M)', () => {
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++)
          for (const active of [true, false]) {
            expect(RFM_SEGMENT_KEYS[segmentIndexFor(r, f, m, active)]).toBe(segmentFor(r, f, m, active));
          }
    // Outside 1..5 it does what segmentFor does: (1, 0, 6) has FM 3, a cell of the table, where a flat lookup of
    // the three scores would read some other cell; R = 0 or 2.5 is refused.
    expect(RFM_SEGMENT_KEYS[segmentIndexFor(1, 0, 6, true)]).toBe(segmentFor(1, 0, 6, true));
    expect(RFM_SEGMENT_KEYS[segmentIndexFor(5, 0, 6, false)]).toBe(segmentFor(5, 0, 6, false));
    expect(() => segmentIndexFor(0, 5, 5, true)).toThrow(SegmentReportError);
    expect(() => segmentIndexFor(2.5, 3, 3, false)).toThrow(SegmentReportError);
  });
});

describe('segment names', () => {
  it('group At risk, Can’t lose them and About to sleep as at risk, Hibernating and Lost as lost', () => {
    expect([...AT_RISK_SEGMENTS].sort()).toEqual(['aboutToSleep', 'atRisk', 'cantLoseThem']);
    expect([...LOST_SEGMENTS].sort()).toEqual(['hibernating', 'lost']);
  });
});
