/**
 * How a file's customers are put into a saved segmentation: by the full model (segmentation-model.ts), or as
 * prospects (clustering/prospects/) when the model has a prospect model and the file has no value of any feature
 * only customers have (spending, purchases, visits...) but has some of the descriptive ones: people with no
 * purchases yet, whose expected cluster comes from what they are (age, income, household). A customer file that
 * lacks only some of those columns is scored by the full model, the missing ones at their missingValue. Either way a missing value is taken
 * at the feature's missingValue (its median over the customers the model was fitted on) and counted.
 */
import type { FeatureTable, PreparedFeature } from '../segmentation/clustering-types.ts';
import { standardisedValue } from '../segmentation/standardise-row.ts';
import type { ScoredWithModel } from '../segmentation/clustering-step.ts';
import { scoreTable, type SegmentationModel } from './segmentation-model.ts';
import { scoreProspects } from '../prospects/score-prospects.ts';
import type { ProspectModel } from '../prospects/prospect-model.ts';

/** Prospects scored: on which features, and how well the prospect model agreed with the full one when trained. */
export type ProspectScoring = NonNullable<ScoredWithModel['prospects']>;

export interface FileScore {
  assignments: Int32Array;
  /** The full model's margin (1 - d1/d2), or a prospect's probability of its cluster minus the next one's. */
  margins: Float64Array;
  /** Per feature used, the rows without a usable value. */
  missing: Record<string, number>;
  /** Set when the rows were scored as prospects. */
  prospects: ProspectScoring | null;
}

/** Scores `table`, whose columns are the model's features in order (NaN where a value is missing). */
export function scoreFile(model: SegmentationModel, table: FeatureTable): FileScore {
  const prospects = model.prospects;
  if (prospects && scoresAsProspects(model, prospects, table))
    return scoreAsProspects(model, prospects, table);
  const scored = scoreTable(model, table);
  return {
    assignments: scored.assignments,
    margins: scored.margins,
    missing: scored.missing,
    prospects: null,
  };
}

/**
 * True when the model has customer-only features, none of which has a value in the table, and some descriptive
 * feature has one (a model of descriptive features only scores everyone as a customer).
 */
function scoresAsProspects(model: SegmentationModel, prospects: ProspectModel, table: FeatureTable): boolean {
  const descriptive = new Set(prospects.features.map((feature) => feature.name));
  const hasValues = (column: number): boolean => {
    for (let row = 0; row < table.rowCount; row++) {
      if (Number.isFinite(table.values[row * table.names.length + column])) return true;
    }
    return false;
  };
  const columns = model.features.map((feature, column) => ({
    descriptive: descriptive.has(feature.name),
    column,
  }));
  return (
    columns.some(({ descriptive: isDescriptive }) => !isDescriptive) &&
    columns.every(({ descriptive: isDescriptive, column }) => isDescriptive || !hasValues(column)) &&
    columns.some(({ descriptive: isDescriptive, column }) => isDescriptive && hasValues(column))
  );
}

/** The rows scored by the prospect model, a missing value at the full model's missingValue (counted). */
function scoreAsProspects(
  model: SegmentationModel,
  prospects: ProspectModel,
  table: FeatureTable,
): FileScore {
  const names = prospects.features.map((feature) => feature.name);
  const sources = names.map((name) => table.names.indexOf(name));
  const fills = names.map(
    (name) => model.features.find((feature) => feature.name === name)?.missingValue ?? 0,
  );
  const dimension = names.length;
  const values = new Float64Array(table.rowCount * dimension);
  const missing = new Array<number>(dimension).fill(0);
  for (let row = 0; row < table.rowCount; row++) {
    for (let column = 0; column < dimension; column++) {
      const source = sources[column] as number;
      const value = source < 0 ? Number.NaN : (table.values[row * table.names.length + source] as number);
      const feature = prospects.features[column] as PreparedFeature;
      const usable = Number.isFinite(standardisedValue(feature, value));
      if (!usable) missing[column] = (missing[column] as number) + 1;
      values[row * dimension + column] = usable ? value : (fills[column] as number);
    }
  }
  const scored = scoreProspects(prospects, { names, values, rowCount: table.rowCount });
  return {
    assignments: scored.clusters,
    margins: scored.margins,
    missing: Object.fromEntries(names.map((name, column) => [name, missing[column] as number])),
    prospects: {
      features: names,
      holdoutAgreement: prospects.holdoutAgreement,
      majorityShare: prospects.majorityShare,
    },
  };
}
