import { isActive } from './active-window.ts';
import { scoreByQuintile } from './quintile-scores.ts';
import { RFM_SEGMENT_KEYS, type RfmSegmentKey, segmentIndexFor } from './rfm-segments.ts';

/** The three RFM measures of one customer. */
export interface RfmMeasures {
  id: string;
  /** Whole days from the customer's last purchase day to the as-of day (1 = bought the day before). */
  recencyDays: number;
  /** Distinct orders. */
  frequency: number;
  /** Sum of amounts. */
  monetary: number;
}

export interface CustomerRfm extends RfmMeasures {
  recencyScore: number;
  frequencyScore: number;
  monetaryScore: number;
  segment: RfmSegmentKey;
}

/** The RFM measures of every customer, column by column (row r of each array is one customer). */
export interface RfmMeasureColumns {
  recencyDays: ArrayLike<number>;
  frequency: ArrayLike<number>;
  monetary: ArrayLike<number>;
}

/** Scores 1..5 and segment (an index into RFM_SEGMENT_KEYS) of every customer, column by column. */
export interface RfmScoreColumns {
  recencyScores: Uint8Array;
  frequencyScores: Uint8Array;
  monetaryScores: Uint8Array;
  segments: Uint8Array;
}

/**
 * Scores every customer 1..5 on R, F and M by quintiles (ties kept together) and names its segment; a customer
 * with no purchase in the last `activeWindowDays` days gets no segment that implies recent activity (the rule
 * beside the segment table in rfm-segments.ts), its R score unchanged.
 */
export function scoreRfm(customers: readonly RfmMeasures[], activeWindowDays: number): CustomerRfm[] {
  const scores = scoreRfmColumns(
    {
      recencyDays: customers.map((customer) => customer.recencyDays),
      frequency: customers.map((customer) => customer.frequency),
      monetary: customers.map((customer) => customer.monetary),
    },
    activeWindowDays,
  );
  return customers.map((customer, index) => ({
    ...customer,
    recencyScore: scores.recencyScores[index] as number,
    frequencyScore: scores.frequencyScores[index] as number,
    monetaryScore: scores.monetaryScores[index] as number,
    segment: RFM_SEGMENT_KEYS[scores.segments[index] as number] as RfmSegmentKey,
  }));
}

/** scoreRfm on columns: typed arrays in, typed arrays out, nothing per customer. */
export function scoreRfmColumns(measures: RfmMeasureColumns, activeWindowDays: number): RfmScoreColumns {
  const recencyScores = scoreByQuintile(measures.recencyDays, true);
  const frequencyScores = scoreByQuintile(measures.frequency);
  const monetaryScores = scoreByQuintile(measures.monetary);
  const segments = new Uint8Array(recencyScores.length);
  for (let row = 0; row < segments.length; row++) {
    segments[row] = segmentIndexFor(
      recencyScores[row] as number,
      frequencyScores[row] as number,
      monetaryScores[row] as number,
      isActive(measures.recencyDays[row] as number, activeWindowDays),
    );
  }
  return { recencyScores, frequencyScores, monetaryScores, segments };
}
