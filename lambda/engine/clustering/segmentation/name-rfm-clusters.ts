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

/** One entry of the table: its key, English and French names. */
function named(key: string, en: string, fr: string): ClusterName {
  return { key, name: { en, fr } };
}

/** The documented table of names, English and French. */
export const RFM_CLUSTER_NAMES: Record<RecencyLevel, Record<ValueLevel, ClusterName>> = {
  recent: {
    high: named('high-value-loyal', 'High-value loyal', 'Clients fidèles à forte valeur'),
    mid: named('promising-regulars', 'Promising regulars', 'Réguliers prometteurs'),
    low: named('recent-newcomers', 'Recent newcomers', 'Nouveaux clients récents'),
  },
  steady: {
    high: named('high-value-steady', 'High-value steady', 'Clients stables à forte valeur'),
    mid: named('regular-mid-value', 'Regular mid-value', 'Clients réguliers à valeur moyenne'),
    low: named('low-value-occasional', 'Low-value occasional', 'Clients occasionnels à faible valeur'),
  },
  lapsed: {
    high: named('lapsed-high-value', 'Lapsed high-value', 'Clients à forte valeur à reconquérir'),
    mid: named('at-risk-mid-value', 'At-risk mid-value', 'Clients à valeur moyenne à risque'),
    low: named('lapsed-low-value', 'Lapsed low-value', 'Clients perdus à faible valeur'),
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
