/**
 * What the plausibility checks compare between a report and the previous one of the same kind and source: a few
 * numbers read from each analysis (the archive keeps the previous analysis whole), never a customer's data.
 */
import type { Analysis } from '../analysis/analysis-types.ts';

export interface PlausibilityFacts {
  rows: number;
  customers: number;
  orders: number;
  revenue: number;
  /** The first and last purchase days (YYYY-MM-DD); null for a customer table. */
  firstPurchase: string | null;
  lastPurchase: string | null;
  rowsRead: number;
  rowsRejected: number;
  /** The lines rejected for each reason that rejected at least one. */
  rejectionReasons: Readonly<Record<string, number>>;
  /** The header column of each role (transactions) or the clustered columns (customer tables). */
  columns: Readonly<Record<string, string>>;
  /**
   * Which SQL engine aggregated the lines (its columns are the table's, not the file's headers); absent when the
   * engine read the file itself.
   */
  aggregatedBy?: string | undefined;
  /** BG/NBD and Gamma-Gamma parameters by name; empty when the predictions are withheld. */
  valueParameters: Readonly<Record<string, number>>;
  /** Each RFM segment's share of customers (0..1). */
  segmentShares: Readonly<Record<string, number>>;
  /**
   * The file's content: its orders' fingerprint (Analysis.input.contentFingerprint) and its bytes', when known.
   */
  fingerprint?: { bytes?: string | undefined; rows?: string | undefined } | undefined;
}

/** The facts of an analysis; `bytes`, its file's bytes' fingerprint, from the run that read the file. */
export function plausibilityFacts(analysis: Analysis, bytes?: string): PlausibilityFacts {
  const { input, kpis } = analysis;
  const rowsRejected = Object.values(input.rowsRejected).reduce((sum, count) => sum + (count ?? 0), 0);
  return {
    rows: input.rowsUsed,
    customers: kpis.customers,
    orders: kpis.orders,
    revenue: kpis.revenue,
    firstPurchase: analysis.period.firstPurchase,
    lastPurchase: analysis.period.lastPurchase,
    rowsRead: input.rowsRead,
    rowsRejected,
    rejectionReasons: Object.fromEntries(
      Object.entries(input.rowsRejected).filter((entry): entry is [string, number] => (entry[1] ?? 0) > 0),
    ),
    columns: input.columns,
    aggregatedBy: input.aggregatedBy,
    valueParameters: {
      ...analysis.value?.purchaseModel?.parameters,
      ...analysis.value?.spendModel?.parameters,
    },
    segmentShares: Object.fromEntries(
      (analysis.rfm?.segments ?? []).map((segment) => [segment.key, segment.share]),
    ),
    fingerprint: { bytes, rows: input.contentFingerprint },
  };
}
