import { SegmentReportError } from '../../errors/segment-report-error.ts';

/** The RFM segments, in the order a report lists them (best first). */
export const RFM_SEGMENT_KEYS = [
  'champions',
  'loyal',
  'potentialLoyalists',
  'new',
  'promising',
  'needAttention',
  'aboutToSleep',
  'atRisk',
  'cantLoseThem',
  'hibernating',
  'lost',
] as const;

export type RfmSegmentKey = (typeof RFM_SEGMENT_KEYS)[number];

export const RFM_SEGMENT_NAMES: Record<RfmSegmentKey, { en: string; fr: string }> = {
  champions: { en: 'Champions', fr: 'Champions' },
  loyal: { en: 'Loyal', fr: 'Fidèles' },
  potentialLoyalists: { en: 'Potential loyalists', fr: 'Fidèles potentiels' },
  new: { en: 'New', fr: 'Nouveaux' },
  promising: { en: 'Promising', fr: 'Prometteurs' },
  needAttention: { en: 'Need attention', fr: 'À surveiller' },
  aboutToSleep: { en: 'About to sleep', fr: 'En train de s’endormir' },
  atRisk: { en: 'At risk', fr: 'À risque' },
  cantLoseThem: { en: "Can't lose them", fr: 'À ne pas perdre' },
  hibernating: { en: 'Hibernating', fr: 'En hibernation' },
  lost: { en: 'Lost', fr: 'Perdus' },
};

/** Segments whose customers and revenue count as "at risk" and as "lost" in the KPIs. */
export const AT_RISK_SEGMENTS: readonly RfmSegmentKey[] = ['atRisk', 'cantLoseThem', 'aboutToSleep'];
export const LOST_SEGMENTS: readonly RfmSegmentKey[] = ['hibernating', 'lost'];

/** Segments whose name says the customer buys now: they also need a purchase within the activity window. */
export const RECENT_ACTIVITY_SEGMENTS: readonly RfmSegmentKey[] = [
  'champions',
  'loyal',
  'potentialLoyalists',
  'new',
  'promising',
];

/**
 * The one table of segment rules, on the recency score R and the frequency-monetary score
 * FM = round((F + M) / 2), halves up. Every (R, FM) cell of 1..5 x 1..5 belongs to exactly one segment:
 *
 * | R \ FM | 1            | 2            | 3                 | 4                | 5                |
 * |--------|--------------|--------------|-------------------|------------------|------------------|
 * | 5      | New          | Pot. loyal.  | Pot. loyalists    | Champions        | Champions        |
 * | 4      | Promising    | Pot. loyal.  | Pot. loyalists    | Loyal            | Loyal            |
 * | 3      | About to sleep | About to sleep | Need attention | Loyal            | Loyal            |
 * | 2      | Hibernating  | Hibernating  | At risk           | At risk          | Can't lose them  |
 * | 1      | Lost         | Hibernating  | At risk           | At risk          | Can't lose them  |
 *
 * Recent activity. R is a rank, not an age: in a mostly lapsed base the top fifth by recency can be months old
 * (CDNOW: 4,333 Champions, 3,301 active customers). So RECENT_ACTIVITY_SEGMENTS also need a last purchase within
 * the activity window, `activeWindowDays` (default 90): the window the active-customer KPIs count, so that
 * "active" means one thing in the whole report (isActive, active-window.ts). A customer who scores into one of
 * them but bought before the window goes down its FM column to the first row that claims no recent activity:
 *
 * | inactive, R >= 3 | About to sleep | About to sleep | Need attention | At risk | Can't lose them |
 *
 * (rows 1 and 2 unchanged). Not a flat "R at most 2": an inactive R = 4 customer would be Hibernating while an
 * older R = 3 one is About to sleep; down the column, a more recent customer never gets a worse-ranked segment.
 * The R score itself stays the true quintile (r_score in the customers file); only the segment changes. The
 * CDNOW counts per segment before and after the rule are in the README (Analytics, RFM).
 */
const SEGMENT_GRID: readonly (readonly RfmSegmentKey[])[] = [
  /* R=1 */ ['lost', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'],
  /* R=2 */ ['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'],
  /* R=3 */ ['aboutToSleep', 'aboutToSleep', 'needAttention', 'loyal', 'loyal'],
  /* R=4 */ ['promising', 'potentialLoyalists', 'potentialLoyalists', 'loyal', 'loyal'],
  /* R=5 */ ['new', 'potentialLoyalists', 'potentialLoyalists', 'champions', 'champions'],
];

/** The recent-activity rule in words, for the method line of an analysis. */
export function recentActivityMethod(activeWindowDays: number): string {
  const names = RECENT_ACTIVITY_SEGMENTS.map((key) => RFM_SEGMENT_NAMES[key].en);
  return (
    `${names.slice(0, -1).join(', ')} and ${names.at(-1)} also need a purchase within ${activeWindowDays} days ` +
    'of the as-of day; without one, a customer goes down its FM column to the first segment that does not'
  );
}

/** The combined frequency-monetary score: round((F + M) / 2), halves up. */
export function frequencyMonetaryScore(frequencyScore: number, monetaryScore: number): number {
  return Math.floor((frequencyScore + monetaryScore + 1) / 2);
}

/**
 * The segment of a customer with scores R, F, M (each 1..5); `active`: whether the last purchase is within the
 * activity window (when not, no recent-activity segment: see the table above).
 */
export function segmentFor(
  recencyScore: number,
  frequencyScore: number,
  monetaryScore: number,
  active: boolean,
): RfmSegmentKey {
  const column = frequencyMonetaryScore(frequencyScore, monetaryScore) - 1;
  let row = recencyScore - 1;
  let segment = SEGMENT_GRID[row]?.[column];
  if (segment === undefined) {
    throw new SegmentReportError(
      `RFM scores must be 1..5, got R=${recencyScore} F=${frequencyScore} M=${monetaryScore}`,
    );
  }
  // Rows R = 1 and 2 hold no recent-activity segment, so the walk down the column stops there at the latest.
  while (!active && RECENT_ACTIVITY_SEGMENTS.includes(segment)) {
    row -= 1;
    segment = SEGMENT_GRID[row]?.[column] as RfmSegmentKey;
  }
  return segment;
}

/**
 * segmentFor as an index into RFM_SEGMENT_KEYS, one per (active, R, F, M) with R, F, M in 1..5: entry
 * (active ? 0 : 125) + (R-1)*25 + (F-1)*5 + M-1.
 */
const SEGMENT_INDEX_BY_SCORES = Uint8Array.from({ length: 250 }, (_, entry) => {
  const cell = entry % 125;
  return RFM_SEGMENT_KEYS.indexOf(
    segmentFor(Math.floor(cell / 25) + 1, (Math.floor(cell / 5) % 5) + 1, (cell % 5) + 1, entry < 125),
  );
});

/** The index in RFM_SEGMENT_KEYS of segmentFor(R, F, M, active), scores checked as segmentFor checks them. */
export function segmentIndexFor(
  recencyScore: number,
  frequencyScore: number,
  monetaryScore: number,
  active: boolean,
): number {
  if (isScore(recencyScore) && isScore(frequencyScore) && isScore(monetaryScore)) {
    return SEGMENT_INDEX_BY_SCORES[
      (active ? 0 : 125) + (recencyScore - 1) * 25 + (frequencyScore - 1) * 5 + monetaryScore - 1
    ] as number;
  }
  return RFM_SEGMENT_KEYS.indexOf(segmentFor(recencyScore, frequencyScore, monetaryScore, active));
}

function isScore(score: number): boolean {
  return Number.isInteger(score) && score >= 1 && score <= 5;
}
