/**
 * Customer value on a ledger's customers: the orders renamed from ledger indices to rows (the analysis's id
 * order), then the value analysis (value/analyze-value.ts) grouped by RFM segment and by cluster.
 */
import { RECENT_ACTIVITY_SEGMENTS, RFM_SEGMENT_KEYS } from '../rfm/rfm-segments.ts';
import type { CustomerColumns } from '../shared-steps/customer-columns.ts';
import { analyzeValue, type ValueOutcome } from '../value/analyze-value.ts';
import { withValueGroups } from '../value/with-value-groups.ts';
import type { LedgerCustomers } from './ledger-customers.ts';
import type { CustomerValueOptions } from '../value/customer-value.ts';
import type { OrderColumns } from '../value/purchase-summary.ts';
import type { ValueAnalysis, ValueColumns } from '../value/value-result.ts';

/** When the value models are turned off (`value: false`). */
export const VALUE_TURNED_OFF_NOTE = 'Customer value predictions were turned off for this analysis.';

/**
 * The value models on a ledger's customers, before clustering. `orders` name customers by ledger index and are
 * renamed in place to rows: the caller hands them over (the ledger let go of them in takeOrders()).
 */
export function valueOfLedger(
  orders: OrderColumns,
  ledger: LedgerCustomers,
  asOfDay: number,
  options: CustomerValueOptions | false | undefined,
): ValueOutcome | null {
  if (options === false) return null;
  return analyzeValue(
    { orders: renameToRows(orders, ledger), customerCount: ledger.count, asOfDay },
    options,
  );
}

/** The orders with their customers renamed, in place, from ledger indices to rows (the id order). */
export function renameToRows(orders: OrderColumns, ledger: LedgerCustomers): OrderColumns {
  const { ledgerIndices } = ledger;
  const rowOfLedgerIndex = new Int32Array(ledgerIndices.length);
  ledgerIndices.forEach((ledgerIndex, row) => {
    rowOfLedgerIndex[ledgerIndex] = row;
  });
  for (let order = 0; order < orders.count; order++) {
    orders.customers[order] = rowOfLedgerIndex[orders.customers[order] as number] as number;
  }
  return orders;
}

/**
 * Per RFM segment, whether its customers are engaged: the segments that imply recent buying (and require it: a
 * purchase within the active window). Need attention and the at-risk and lost segments are slipping or lapsed.
 */
const ENGAGED_SEGMENTS = RFM_SEGMENT_KEYS.map((key) => RECENT_ACTIVITY_SEGMENTS.includes(key));

/**
 * The value analysis with its groups (segments, clusters) and priorities, the value columns and each row's
 * priority, and notes; null when turned off.
 */
export function valueByLedgerGroups(
  outcome: ValueOutcome | null,
  columns: CustomerColumns,
): {
  value: ValueAnalysis | null;
  valueColumns: ValueColumns | null;
  priorities: Int8Array | null;
  notes: string[];
} {
  if (outcome === null) {
    return { value: null, valueColumns: null, priorities: null, notes: [VALUE_TURNED_OFF_NOTE] };
  }
  const { clusters } = columns;
  const grouped = withValueGroups(
    outcome,
    { keys: RFM_SEGMENT_KEYS, groupOfRow: columns.segments, engaged: ENGAGED_SEGMENTS },
    clusters === null ? null : { keys: clusters.names, groupOfRow: clusters.assignments },
  );
  return {
    value: grouped.analysis,
    valueColumns: outcome.columns,
    priorities: grouped.priorityOfRow,
    notes: [],
  };
}
