/**
 * A week's plausibility facts for the checks' tests: 1,000 lines of 400 customers, 500 orders, 20,000 of revenue,
 * 7 days (21 to 27 November 2011), 2% rejected.
 */
import type { PlausibilityFacts } from '../../lambda/engine/plausibility/plausibility-facts.ts';

export const LAST_WEEK_FACTS: PlausibilityFacts = {
  rows: 1000,
  customers: 400,
  orders: 500,
  revenue: 20_000,
  firstPurchase: '2011-11-21',
  lastPurchase: '2011-11-27',
  rowsRead: 1000,
  rowsRejected: 20,
  rejectionReasons: { cancelled: 20 },
  columns: { customer: 'CustomerID', order: 'InvoiceNo', date: 'InvoiceDate', amount: 'Amount' },
  valueParameters: { r: 0.8, alpha: 10, a: 0.5, b: 5, p: 2, q: 3, v: 400 },
  segmentShares: { champions: 0.2, loyal: 0.3, lost: 0.5 },
  fingerprint: { bytes: 'bytes-1', rows: 'rows-1' },
};
