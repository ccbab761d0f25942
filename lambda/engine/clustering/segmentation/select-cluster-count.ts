/**
 * Choosing K: either the caller's fixed K, or every K in kMin..kMax fitted and scored by mean silhouette on one
 * seeded sample of rows; the best eligible K wins (the smaller K on a tie), where eligible means its smallest
 * cluster holds at least minClusterShare of the rows and at least 5 customers. When no K is eligible, kMin is
 * used and every candidate says eligible: false.
 * Cost stays bounded as customers grow: candidates are fitted with `selectionRestarts` restarts on a seeded
 * sample of at most `selectionSampleSize` rows, then the chosen K alone is fitted with the full `restarts`
 * (Online Retail: 31 fits instead of 70; 1M customers: the 7 candidates cost what 20k rows cost), on every row
 * up to `restartSampleSize` rows and, above, as fit-chosen-k.ts says.
 */

import { MIN_CLUSTER_CUSTOMERS } from './clustering-options.ts';
import type { KSelection } from './clustering-types.ts';
import { fitChosenK, restartRowCount } from './fit-chosen-k.ts';
import {
  fitBestOfRestarts,
  type KMeansEngine,
  type KMeansFit,
  type PointSet,
  pointSubset,
} from '../kmeans/kmeans-engine.ts';
import { createRandomSource, deriveSeed, sampleRowIndices } from '../kmeans/seeded-random.ts';
import { meanSilhouettes } from '../kmeans/silhouette.ts';

/** What selectClusterCount needs from the resolved options. */
export interface SelectionSettings {
  seed: number;
  k: number | undefined;
  kMin: number;
  kMax: number;
  restarts: number;
  maxIterations: number;
  silhouetteSampleSize: number;
  minClusterShare: number;
  /** Restarts per candidate K while choosing K. */
  selectionRestarts: number;
  /** Candidates are fitted on a seeded sample of at most this many rows. */
  selectionSampleSize: number;
  /** Above this many rows, the chosen K's restarts run on a seeded sample of this size (fit-chosen-k.ts). */
  restartSampleSize: number;
}

/** The chosen K, its fit and how it was chosen. */
export interface SelectedClustering {
  k: number;
  fit: KMeansFit;
  selection: KSelection;
  /** The rows the chosen K's restarts ran on: every row, or the sample of fit-chosen-k.ts. */
  restartRows: number;
}

/** A label for deriveSeed so the silhouette sample does not reuse the numbers of any K-means restart. */
const SILHOUETTE_SAMPLE_LABEL = 0x5111;
/** Likewise for the sample the candidates are fitted on. */
const SELECTION_SAMPLE_LABEL = 0x5e1e;

/** Fits the fixed K, or picks K by silhouette among the eligible candidates (kMin as the fallback). */
export function selectClusterCount(
  engine: KMeansEngine,
  pointSet: PointSet,
  settings: SelectionSettings,
): SelectedClustering {
  const fitK = (points: PointSet, k: number, restarts: number): KMeansFit =>
    fitBestOfRestarts(engine, points, {
      k,
      seed: settings.seed,
      maxIterations: settings.maxIterations,
      restarts,
    });
  const fitChosen = (k: number): KMeansFit =>
    fitChosenK(engine, pointSet, {
      k,
      seed: settings.seed,
      maxIterations: settings.maxIterations,
      restarts: settings.restarts,
      restartSampleSize: settings.restartSampleSize,
    });
  const restartRows = (k: number): number =>
    restartRowCount(pointSet.rowCount, k, settings.restartSampleSize);
  if (settings.k !== undefined) {
    const selection: KSelection = { method: 'fixed', candidates: [] };
    return { k: settings.k, fit: fitChosen(settings.k), selection, restartRows: restartRows(settings.k) };
  }

  const selectionRandom = createRandomSource(deriveSeed(settings.seed, SELECTION_SAMPLE_LABEL));
  const selectionSet = pointSubset(
    pointSet,
    sampleRowIndices(pointSet.rowCount, settings.selectionSampleSize, selectionRandom),
  );
  const sampleRandom = createRandomSource(deriveSeed(settings.seed, SILHOUETTE_SAMPLE_LABEL));
  const sample = sampleRowIndices(selectionSet.rowCount, settings.silhouetteSampleSize, sampleRandom);
  const minimumSize = Math.max(MIN_CLUSTER_CUSTOMERS, settings.minClusterShare * selectionSet.rowCount);
  const kMax = Math.min(settings.kMax, pointSet.rowCount - 1);
  const fits: { k: number; assignments: Int32Array }[] = [];
  for (let k = settings.kMin; k <= kMax; k++) {
    fits.push({ k, assignments: fitK(selectionSet, k, settings.selectionRestarts).assignments });
  }
  // Every K's silhouette in one pass over the sample's pairs (the same values as one K at a time).
  const silhouettes = meanSilhouettes(selectionSet, fits, sample);
  const candidates: KSelection['candidates'] = [];
  let best: { k: number; silhouette: number } | undefined;
  fits.forEach(({ k, assignments }, index) => {
    const smallestClusterSize = Math.min(...clusterSizes(assignments, k));
    const eligible = smallestClusterSize >= minimumSize;
    const silhouette = silhouettes[index] as number;
    candidates.push({ k, silhouette, smallestClusterSize, eligible });
    if (eligible && (best === undefined || silhouette > best.silhouette)) best = { k, silhouette };
  });
  const k = best?.k ?? settings.kMin;
  const selection: KSelection = { method: 'silhouette', candidates };
  return { k, fit: fitChosen(k), selection, restartRows: restartRows(k) };
}

/** Number of rows per cluster index. */
export function clusterSizes(assignments: Int32Array, k: number): number[] {
  const sizes = new Array<number>(k).fill(0);
  for (const cluster of assignments) sizes[cluster] = (sizes[cluster] as number) + 1;
  return sizes;
}
