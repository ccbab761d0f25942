/**
 * The value analysis completed once segments and clusters are known: the value at stake per RFM segment and per
 * cluster (value-groups.ts) and each customer's priority, segment × predicted value (value-priority.ts). Apart from
 * analyzeValue so that the models can run before clustering: their memory and K-means' are not held at once.
 */
import type { ValueOutcome } from './analyze-value.ts';
import { HIGH_VALUE_DEFAULTS } from './high-value-result.ts';
import { type GroupAssignment, valueByGroup } from './value-groups.ts';
import { assignPriorities, summarizePriorities } from './value-priority.ts';
import type { ValueAnalysis } from './value-result.ts';

/** The RFM segments of the rows, with which of them are engaged (recent buyers) for the priorities. */
export interface SegmentAssignment extends GroupAssignment {
  /** Per key, whether its customers are engaged (true) or slipping or lapsed (false). */
  readonly engaged: readonly boolean[];
}

/** The value analysis with its groups, and each row's priority (value-priority.ts; null when withheld). */
export interface GroupedValue {
  readonly analysis: ValueAnalysis;
  readonly priorityOfRow: Int8Array | null;
}

/**
 * The outcome's analysis with the value at stake per segment and per cluster (`clusters` null when clustering
 * was skipped) and the priorities (segment × predicted value).
 */
export function withValueGroups(
  outcome: ValueOutcome,
  segments: SegmentAssignment,
  clusters: GroupAssignment | null,
): GroupedValue {
  const withValue = outcome.analysis.spendModel !== null;
  const grouped = {
    ...outcome.analysis,
    segments: valueByGroup(segments, outcome.columns, withValue),
    clusters: clusters === null ? [] : valueByGroup(clusters, outcome.columns, withValue),
  };
  const { columns } = outcome;
  if (columns === null) return { analysis: grouped, priorityOfRow: null };
  const engaged = Uint8Array.from(segments.groupOfRow, (segment) => (segments.engaged[segment] ? 1 : 0));
  const priorities = assignPriorities({
    columns,
    engaged,
    classifierScored: outcome.analysis.highValue?.status === 'scored',
    valueShown: withValue,
    topShare: outcome.analysis.highValue?.figures?.labelShare ?? HIGH_VALUE_DEFAULTS.labelShare,
  });
  const priority = summarizePriorities(priorities, segments, columns.clv, withValue);
  return { analysis: { ...grouped, priority }, priorityOfRow: priorities.priorityOfRow };
}
