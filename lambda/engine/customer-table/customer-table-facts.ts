/**
 * What the customer-table pipeline keeps of a table once read: the ids, each customer's facts from the role
 * columns, the feature table K-means clusters, the as-of day, and the notes on the columns.
 */
import type { ResolvedAnalyzeOptions } from '../analysis/analyze-options.ts';
import type { FeatureTable } from '../clustering/segmentation/clustering-types.ts';
import { MS_PER_DAY } from '../input/date-parsing.ts';
import { listQuotedNames } from '../input/message-text.ts';
import { MAX_PLAUSIBLE_TABLE_VALUE } from '../input/number-parsing.ts';
import type { RecordBatch } from '../input/record-reader.ts';
import type { CustomerFacts } from '../kpis/group-kpis.ts';
import { parseAsOf, resolveAsOfDay } from '../shared-steps/as-of-day.ts';
import type { ColumnProfile } from './column-profile.ts';
import type { CustomerTableRoles } from './customer-table-columns.ts';
import { chooseFeatures } from './customer-table-features.ts';
import type { FeatureColumn } from './prepare-feature-columns.ts';
import { readCustomerTable } from './read-customer-table.ts';
import { featureSourcesOf, modelFeatureColumns } from './model-feature-columns.ts';

export interface CustomerTableInput {
  header: readonly string[];
  delimiter: string;
  batches: AsyncIterable<RecordBatch>;
}

/**
 * Reads the table and keeps what the analysis needs of it: the ids, each customer's facts, the feature table, the
 * as-of day and the notes on the columns. The per-column values die with this function.
 */
export async function readTableFacts(
  input: CustomerTableInput,
  roles: CustomerTableRoles,
  options: ResolvedAnalyzeOptions,
) {
  const { profiles, ...table } = await readCustomerTable(input.header, input.batches, roles, {
    sourceName: options.sourceName,
    delimiter: input.delimiter,
    decimalMark: options.decimalMark,
    dateOrder: options.dateOrder,
    onProgress: options.onProgress,
  });
  // Scored with a saved segmentation, the dates are days before the model's as-of day unless one is given: the
  // file's own latest date would make each customer's features depend on the other customers of the file.
  const asOf =
    options.asOf ?? (options.segmentation?.shape === 'customers' ? options.segmentation.asOf : undefined);
  const asOfDay = resolveAsOfDay(parseAsOf(asOf), latestDate(profiles), options.now.getTime());
  const asOfMs = asOfDay * MS_PER_DAY;
  const model = options.segmentation;
  const choice = model?.columns
    ? {
        ...modelFeatureColumns(profiles, { ...model, columns: model.columns }, asOfMs, table.ids.length),
        notes: [],
      }
    : chooseFeatures(profiles, roles, options.features, asOfMs, options.sourceName);
  return {
    ...table,
    asOfDay,
    facts: customerFacts(profiles, roles, table.ids.length),
    features: featureTable(choice.features, table.ids.length),
    featureSources: Object.fromEntries(choice.features.map((feature) => [feature.name, feature.source])),
    featureColumns: featureSourcesOf(choice.features, profiles),
    notes: [
      ...implausibleNotes(profiles),
      ...choice.notes,
      ...choice.features
        .filter((feature) => feature.imputed > 0)
        .map((feature) => `${feature.imputed} missing values of "${feature.name}" set to its median`),
    ],
  };
}

/** The note on the values read as missing for being beyond ±MAX_PLAUSIBLE_TABLE_VALUE, when there are any. */
function implausibleNotes(profiles: readonly ColumnProfile[]): string[] {
  const implausible = profiles.filter((profile) => profile.implausible > 0);
  if (implausible.length === 0) return [];
  const count = implausible.reduce((sum, profile) => sum + profile.implausible, 0);
  const bound = MAX_PLAUSIBLE_TABLE_VALUE.toExponential().replace('+', '');
  return [
    `${count} value${count === 1 ? '' : 's'} beyond ±${bound} read as missing, in ` +
      listQuotedNames(implausible.map((profile) => profile.name)),
  ];
}

/** The latest moment in the table's date columns (-Infinity when it has none). */
function latestDate(profiles: readonly ColumnProfile[]): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const profile of profiles) {
    if (profile.kind !== 'date') continue;
    for (const value of profile.values) if (value > latest) latest = value;
  }
  return latest;
}

/** Per customer: recency, purchases and spending from the role columns (0 where a table has none). */
function customerFacts(
  profiles: readonly ColumnProfile[],
  roles: CustomerTableRoles,
  rowCount: number,
): CustomerFacts[] {
  const sum = (columns: number[], row: number) =>
    columns.reduce((total, column) => total + finiteOrZero(profiles[column]?.values[row]), 0);
  return Array.from({ length: rowCount }, (_, row) => {
    const response = roles.response === undefined ? undefined : profiles[roles.response]?.values[row];
    return {
      recencyDays: roles.recency === undefined ? 0 : finiteOrZero(profiles[roles.recency]?.values[row]),
      frequency: sum(roles.frequency, row),
      monetary: sum(roles.monetary, row),
      ...(response !== undefined && Number.isFinite(response) ? { response: response > 0 ? 1 : 0 } : {}),
    };
  });
}

/** The features as K-means takes them, row by row; the customers' rows read their values from it too. */
function featureTable(features: readonly FeatureColumn[], rowCount: number): FeatureTable {
  const values = new Float64Array(rowCount * features.length);
  features.forEach((feature, column) => {
    for (let row = 0; row < rowCount; row++)
      values[row * features.length + column] = feature.values[row] ?? 0;
  });
  return { names: features.map((feature) => feature.name), values, rowCount };
}

function finiteOrZero(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? value : 0;
}
