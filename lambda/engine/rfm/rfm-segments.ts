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
 */
const SEGMENT_GRID: readonly (readonly RfmSegmentKey[])[] = [
  /* R=1 */ ['lost', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'],
  /* R=2 */ ['hibernating', 'hibernating', 'atRisk', 'atRisk', 'cantLoseThem'],
  /* R=3 */ ['aboutToSleep', 'aboutToSleep', 'needAttention', 'loyal', 'loyal'],
  /* R=4 */ ['promising', 'potentialLoyalists', 'potentialLoyalists', 'loyal', 'loyal'],
  /* R=5 */ ['new', 'potentialLoyalists', 'potentialLoyalists', 'champions', 'champions'],
];

/** The combined frequency-monetary score: round((F + M) / 2), halves up. */
export function frequencyMonetaryScore(frequencyScore: number, monetaryScore: number): number {
  return Math.floor((frequencyScore + monetaryScore + 1) / 2);
}

/** The segment of a customer with scores R, F, M (each 1..5). */
export function segmentFor(
  recencyScore: number,
  frequencyScore: number,
  monetaryScore: number,
): RfmSegmentKey {
  const segment = SEGMENT_GRID[recencyScore - 1]?.[frequencyMonetaryScore(frequencyScore, monetaryScore) - 1];
  if (segment === undefined) {
    throw new SegmentReportError(
      `RFM scores must be 1..5, got R=${recencyScore} F=${frequencyScore} M=${monetaryScore}`,
    );
  }
  return segment;
}

/** segmentFor as an index into RFM_SEGMENT_KEYS, one per (R, F, M) in 1..5 (entry (R-1)*25 + (F-1)*5 + M-1). */
const SEGMENT_INDEX_BY_SCORES = Uint8Array.from({ length: 125 }, (_, cell) =>
  RFM_SEGMENT_KEYS.indexOf(
    segmentFor(Math.floor(cell / 25) + 1, (Math.floor(cell / 5) % 5) + 1, (cell % 5) + 1),
  ),
);

/** The index in RFM_SEGMENT_KEYS of the segment of scores R, F, M (each 1..5), as segmentFor checks them. */
export function segmentIndexFor(recencyScore: number, frequencyScore: number, monetaryScore: number): number {
  if (isScore(recencyScore) && isScore(frequencyScore) && isScore(monetaryScore)) {
    return SEGMENT_INDEX_BY_SCORES[
      (recencyScore - 1) * 25 + (frequencyScore - 1) * 5 + monetaryScore - 1
    ] as number;
  }
  return RFM_SEGMENT_KEYS.indexOf(segmentFor(recencyScore, frequencyScore, monetaryScore));
}

function isScore(score: number): boolean {
  return Number.isInteger(score) && score >= 1 && score <= 5;
}
