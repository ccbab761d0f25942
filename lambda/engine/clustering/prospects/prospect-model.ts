/**
 * The prospect model (issue 18): what puts a person with no purchases yet into one of the full model's clusters
 * from the descriptive features alone (age, income, household...). A multinomial logistic regression on those
 * features, standardised as the segmentation prepares its own (optional log1p, then z-score), with how well it
 * agreed with the full model's clusters on a held-out fifth of the customers. Plain JSON: it is saved inside the
 * segmentation model file and read back by prospect-model-schema.ts.
 */
import type { PreparedFeature } from '../segmentation/clustering-types.ts';

/** The classifier the weights belong to: a reader refuses a model of any other. */
export const PROSPECT_MODEL_METHOD = 'multinomial-logistic-regression';

export interface ProspectModel {
  method: typeof PROSPECT_MODEL_METHOD;
  /** The descriptive features in the order a table to score must give them, and how each is standardised. */
  features: PreparedFeature[];
  /** The full model's cluster count: the classes are its cluster indices 0..clusterCount-1. */
  clusterCount: number;
  /** Per cluster index, one coefficient per feature (on the standardised features). */
  coefficients: number[][];
  /** Per cluster index, the intercept. */
  intercepts: number[];
  /** The L2 penalty the weights were fitted with. */
  l2Penalty: number;
  /** The seed of the held-out fifth (and of the row sample on very large tables). */
  seed: number;
  /** Rows the shipped weights were fitted on: every customer, or a seeded sample of maxTrainRows. */
  trainRows: number;
  /** Customers held out to measure the agreement (a seeded fifth); the evaluation fit used the others. */
  holdoutRows: number;
  /** Share of the held-out customers whose predicted cluster is the full model's cluster, 0..1. */
  holdoutAgreement: number;
  /**
   * The baseline: the agreement of always answering the cluster most common among the evaluation fit's rows, on
   * the same held-out customers, 0..1. holdoutAgreement says something only as far as it exceeds this.
   */
  majorityShare: number;
}

/** The prospects of a table scored against a prospect model, in the table's row order. */
export interface ScoredProspects {
  /** The expected cluster index per row (the most probable; the lowest index on a tie). */
  clusters: Int32Array;
  /** The model's probability of that cluster, in [1/clusterCount, 1]. */
  confidence: Float64Array;
  /**
   * How clearly the row belongs to that cluster: its probability minus the next most probable cluster's, in
   * [0, 1]; the prospects' counterpart of the full model's margin (below the ambiguous margin: ambiguous).
   */
  margins: Float64Array;
  /**
   * Per feature, how many rows had no usable value (missing, not a number, or out of the log transform's domain):
   * such a value is taken at the feature's training mean (0 in standardised space).
   */
  missing: Record<string, number>;
}
