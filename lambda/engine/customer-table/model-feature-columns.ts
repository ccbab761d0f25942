/**
 * The features of a customer table scored with a saved segmentation (issue 18): the model's own columns, found by
 * their header name, dates as days before the as-of day as when the model was fitted. A missing value stays
 * missing (the score takes it at the model's median and counts it), never the file's median: the file's other
 * customers must not change a customer's cluster. A column the file lacks is missing for every customer.
 */
import type { FeatureColumnSource, SegmentationModel } from '../clustering/saved/segmentation-model.ts';
import type { ColumnProfile } from './column-profile.ts';
import { type FeatureColumn, prepareValues } from './prepare-feature-columns.ts';

/** One column per model feature, in the model's order; `absent` names the features the file has no column for. */
export function modelFeatureColumns(
  profiles: readonly ColumnProfile[],
  model: Pick<SegmentationModel, 'features'> & { columns: Readonly<Record<string, FeatureColumnSource>> },
  asOfMs: number,
  rowCount: number,
): { features: FeatureColumn[]; absent: string[] } {
  const absent: string[] = [];
  const features = model.features.map(({ name }): FeatureColumn => {
    const source = model.columns[name] ?? { column: name, date: false };
    const profile = profiles.find((candidate) => candidate.name.trim() === source.column.trim());
    const values = new Float64Array(rowCount).fill(Number.NaN);
    if (profile) prepareValues(profile, asOfMs, values, false);
    else absent.push(name);
    return { name, source: source.column, values, imputed: 0 };
  });
  return { features, absent };
}

/** Where each feature is read from, for the model the analysis saves. */
export function featureSourcesOf(
  features: readonly FeatureColumn[],
  profiles: readonly ColumnProfile[],
): Record<string, FeatureColumnSource> {
  return Object.fromEntries(
    features.map((feature) => {
      const profile = profiles.find((candidate) => candidate.name === feature.source);
      return [feature.name, { column: feature.source, date: profile?.kind === 'date' }];
    }),
  );
}
