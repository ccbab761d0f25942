/**
 * Names for clusters of RFM features, read from the standardised centroid (z-scores, after any log1p):
 * recency in days (low is good) gives recent / steady / lapsed, and value = mean of the frequency and
 * monetary z-scores gives high / mid / low. Thresholds are +-0.5 standard deviations. The 3 x 3 table:
 *
 * | recency \ value | high                       | mid                          | low                        |
 * |-----------------|----------------------------|------------------------------|----------------------------|
 * | recent          | high-value-loyal           | promising-regulars           | recent-newcomers           |
 * | steady          | high-value-steady          | regular-mid-value            | low-value-occasional       |
 * | lapsed          | lapsed-high-value          | at-risk-mid-value            | lapsed-low-value           |
 */
import type { ClusterName } from './cluster-name.ts';

/** Standardised centroid coordinates on the three RFM features. */
export interface RfmCentroid {
  recency: number;
  frequency: number;
  monetary: number;
}

/** A z-score beyond this (either side) counts as high or low. */
export const RFM_LEVEL_THRESHOLD = 0.5;

type RecencyLevel = 'recent' | 'steady' | 'lapsed';
type ValueLevel = 'high' | 'mid' | 'low';

/** The documented table of names, English and French. */
export const RFM_CLUSTER_NAMES: Record<RecencyLevel, Record<ValueLevel, ClusterName>> = {
  recent: {
    high: { key: 'high-value-loyal', name: { en: 'High-value loyal', fr: 'Clients fidèles à forte valeur' } },
    mid: { key: 'promising-regulars', name: { en: 'Promising regulars', fr: 'Réguliers prometteurs' } },
    low: { key: 'recent-newcomers', name: { en: 'Recent newcomers', fr: 'Nouveaux clients récents' } },
  },
  steady: {
    high: {
      key: 'high-value-steady',
      name: { en: 'High-value steady', fr: 'Clients stables à forte valeur' },
    },
    mid: {
      key: 'regular-mid-value',
      name: { en: 'Regular mid-value', fr: 'Clients réguliers à valeur moyenne' },
    },
    low: {
      key: 'low-value-occasional',
      name: { en: 'Low-value occasional', fr: 'Clients occasionnels à faible valeur' },
    },
  },
  lapsed: {
    high: {
      key: 'lapsed-high-value',
      name: { en: 'Lapsed high-value', fr: 'Clients à forte valeur à reconquérir' },
    },
    mid: {
      key: 'at-risk-mid-value',
      name: { en: 'At-risk mid-value', fr: 'Clients à valeur moyenne à risque' },
    },
    low: { key: 'lapsed-low-value', name: { en: 'Lapsed low-value', fr: 'Clients perdus à faible valeur' } },
  },
};

/**
 * How valuable a cluster is, for ordering: frequency + monetary - recency (z-scores), so spending weighs twice
 * as much as recency: lapsed big spenders rank above recent small ones.
 */
export function rfmValueScore(centroid: RfmCentroid): number {
  return centroid.frequency + centroid.monetary - centroid.recency;
}

/** Names one cluster from its RFM centroid through the table above (not yet made unique). */
export function nameRfmCluster(centroid: RfmCentroid): ClusterName {
  const recency: RecencyLevel =
    centroid.recency < -RFM_LEVEL_THRESHOLD
      ? 'recent'
      : centroid.recency > RFM_LEVEL_THRESHOLD
        ? 'lapsed'
        : 'steady';
  const valueZ = (centroid.frequency + centroid.monetary) / 2;
  const value: ValueLevel =
    valueZ > RFM_LEVEL_THRESHOLD ? 'high' : valueZ < -RFM_LEVEL_THRESHOLD ? 'low' : 'mid';
  return RFM_CLUSTER_NAMES[recency][value];
}
