import { scoreByQuintile } from './quintile-scores.ts';
import { type RfmSegmentKey, segmentFor } from './rfm-segments.ts';

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

/** Scores every customer 1..5 on R, F and M by quintiles (ties kept together) and names its segment. */
export function scoreRfm(customers: readonly RfmMeasures[]): CustomerRfm[] {
  const recencyScores = scoreByQuintile(
    customers.map((customer) => customer.recencyDays),
    true,
  );
  const frequencyScores = scoreByQuintile(customers.map((customer) => customer.frequency));
  const monetaryScores = scoreByQuintile(customers.map((customer) => customer.monetary));
  return customers.map((customer, index) => {
    const recencyScore = recencyScores[index] as number;
    const frequencyScore = frequencyScores[index] as number;
    const monetaryScore = monetaryScores[index] as number;
    return {
      ...customer,
      recencyScore,
      frequencyScore,
      monetaryScore,
      segment: segmentFor(recencyScore, frequencyScore, monetaryScore),
    };
  });
}
