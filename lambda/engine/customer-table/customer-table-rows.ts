/** The per-customer rows of a customer table: its RFM fields when the table allows RFM, cluster, feature values. */
import type { CustomerRow } from '../analysis/analysis-types.ts';
import type { ClusterColumns } from '../clustering/segmentation/clustering-step.ts';
import type { FeatureTable } from '../clustering/segmentation/clustering-types.ts';
import type { CustomerFactColumns } from '../kpis/group-kpis.ts';
import { RFM_SEGMENT_KEYS } from '../rfm/rfm-segments.ts';
import type { RfmScoreColumns } from '../rfm/score-rfm.ts';

/** One row per id, in table order; RFM fields null when there are no scores, cluster fields when none ran. */
export function customerTableRows(
  ids: readonly string[],
  facts: CustomerFactColumns,
  scores: RfmScoreColumns | undefined,
  clusters: ClusterColumns | null,
  features: FeatureTable,
): CustomerRow[] {
  const featureCount = features.names.length;
  const valueAt = (row: number, values: ArrayLike<number>) => (scores ? (values[row] as number) : null);
  return ids.map((id, row) => {
    const cluster = clusters?.assignments[row];
    return {
      id,
      recencyDays: valueAt(row, facts.recencyDays),
      frequency: valueAt(row, facts.frequency),
      monetary: valueAt(row, facts.monetary),
      recencyScore: scores ? (scores.recencyScores[row] as number) : null,
      frequencyScore: scores ? (scores.frequencyScores[row] as number) : null,
      monetaryScore: scores ? (scores.monetaryScores[row] as number) : null,
      segment: scores ? (RFM_SEGMENT_KEYS[scores.segments[row] as number] ?? null) : null,
      cluster: cluster === undefined ? null : (clusters?.names[cluster] ?? String(cluster)),
      clusterMargin: clusters?.margins[row] ?? null,
      features: Object.fromEntries(
        features.names.map((name, column) => [
          name,
          features.values[row * featureCount + column] ?? Number.NaN,
        ]),
      ),
    };
  });
}
