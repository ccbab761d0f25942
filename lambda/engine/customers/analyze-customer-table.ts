import type { CustomerRow, ShapeAnalysis } from '../analysis-types.ts';
import type { ResolvedAnalyzeOptions } from '../analyze-options.ts';
import type { FeatureTable } from '../clustering/clustering-types.ts';
import { formatIsoDay, MS_PER_DAY, parseIsoDay } from '../input/date-parsing.ts';
import { listQuotedNames } from '../input/message-text.ts';
import { MAX_PLAUSIBLE_TABLE_VALUE } from '../input/number-parsing.ts';
import type { RecordBatch } from '../input/record-reader.ts';
import { computeBaseKpis } from '../kpis/base-kpis.ts';
import type { CustomerFacts } from '../kpis/group-kpis.ts';
import { scoreRfm } from '../rfm/score-rfm.ts';
import { clusterAndSummarize, summarizeSegments } from '../summarize-groups.ts';
import type { ColumnProfile } from './column-profile.ts';
import { allowsRfm, type CustomerTableRoles, findCustomerTableRoles } from './customer-table-columns.ts';
import { chooseFeatures, type FeatureColumn } from './customer-table-features.ts';
import { readCustomerTable } from './read-customer-table.ts';
import { InputError } from '../../errors/input-errors.ts';

export interface CustomerTableInput {
  header: readonly string[];
  delimiter: string;
  batches: AsyncIterable<RecordBatch>;
}

/** Analyses a customer table: one row per customer, K-means on its informative columns, RFM when they allow. */
export async function analyzeCustomerTable(
  input: CustomerTableInput,
  options: ResolvedAnalyzeOptions,
): Promise<ShapeAnalysis> {
  const roles = findCustomerTableRoles(input.header);
  const table = await readCustomers(input, roles, options);
  const { ids, facts, features } = table;
  const featureCount = features.names.length;
  const hasRfm = allowsRfm(roles);
  const rfm = hasRfm ? scoreRfm(facts.map((fact, row) => ({ id: ids[row] ?? '', ...fact }))) : undefined;
  const kpis = computeBaseKpis(rfm ?? facts, { activeWindowDays: options.activeWindowDays });
  const context = {
    totalCustomers: kpis.customers,
    totalRevenue: kpis.revenue,
    activeWindowDays: options.activeWindowDays,
  };
  const clustering = clusterAndSummarize(features, facts, context, {
    seed: options.seed,
    k: options.k,
    naming: 'generic',
    ambiguousMargin: options.ambiguousMargin,
  });
  const customers: CustomerRow[] = ids.map((id, row) => {
    const scored = rfm?.[row];
    return {
      id,
      recencyDays: scored?.recencyDays ?? null,
      frequency: scored?.frequency ?? null,
      monetary: scored?.monetary ?? null,
      recencyScore: scored?.recencyScore ?? null,
      frequencyScore: scored?.frequencyScore ?? null,
      monetaryScore: scored?.monetaryScore ?? null,
      segment: scored?.segment ?? null,
      cluster: clustering.assignments?.[row]?.cluster ?? null,
      clusterMargin: clustering.assignments?.[row]?.margin ?? null,
      features: Object.fromEntries(
        features.names.map((name, column) => [
          name,
          features.values[row * featureCount + column] ?? Number.NaN,
        ]),
      ),
    };
  });
  const notes = [
    ...(clustering.summary.skipped ? [clustering.summary.skipped] : []),
    ...(hasRfm ? [] : ['no recency and purchase columns: RFM segments are not computed for this table']),
    ...table.notes,
  ];
  return {
    input: {
      decimalMark: table.decimalMark,
      dateOrder: options.dateOrder ?? null,
      columns: table.featureSources,
      rowsRead: table.rowsRead,
      rowsUsed: ids.length,
      rowsRejected: table.rejected,
      firstRejectedLine: table.firstRejectedLine,
    },
    body: {
      period: { firstPurchase: null, lastPurchase: null },
      kpis,
      rfm: rfm
        ? {
            asOf: formatIsoDay(table.asOfMs),
            method:
              'Recency from the table; frequency and monetary summed from its purchase and spending columns; quintiles as for transactions',
            segments: summarizeSegments(rfm, context),
          }
        : null,
      clusters: clustering.summary,
      notes,
    },
    customers,
  };
}

/**
 * Reads the table and keeps what the analysis needs of it: the ids, each customer's facts, the feature table, the
 * as-of day and the notes on the columns. The per-column values die with this function.
 */
async function readCustomers(
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
  const asOfMs = resolveAsOf(options.asOf, profiles, options.now);
  const choice = chooseFeatures(profiles, roles, options.features, asOfMs, options.sourceName);
  const implausible = profiles.filter((profile) => profile.implausible > 0);
  const implausibleCount = implausible.reduce((sum, profile) => sum + profile.implausible, 0);
  const bound = MAX_PLAUSIBLE_TABLE_VALUE.toExponential().replace('+', '');
  const implausibleNote =
    `${implausibleCount} value${implausibleCount === 1 ? '' : 's'} beyond ±${bound} read as missing, in ` +
    listQuotedNames(implausible.map((profile) => profile.name));
  return {
    ...table,
    asOfMs,
    facts: customerFacts(profiles, roles, table.ids.length),
    features: featureTable(choice.features, table.ids.length),
    featureSources: Object.fromEntries(choice.features.map((feature) => [feature.name, feature.source])),
    notes: [
      ...(implausible.length > 0 ? [implausibleNote] : []),
      ...choice.notes,
      ...choice.features
        .filter((feature) => feature.imputed > 0)
        .map((feature) => `${feature.imputed} missing values of "${feature.name}" set to its median`),
    ],
  };
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

/**
 * The as-of day: given, else the day after the latest date in the table, else the day of the analysis (a table
 * without dates describes its customers as they are now).
 */
function resolveAsOf(asOf: string | undefined, profiles: readonly ColumnProfile[], now: Date): number {
  if (asOf !== undefined) {
    const ms = parseIsoDay(asOf);
    if (Number.isNaN(ms)) throw new InputError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
    return ms;
  }
  let latest = Number.NEGATIVE_INFINITY;
  for (const profile of profiles) {
    if (profile.kind !== 'date') continue;
    for (const value of profile.values) if (value > latest) latest = value;
  }
  return Number.isFinite(latest)
    ? (Math.floor(latest / MS_PER_DAY) + 1) * MS_PER_DAY
    : Math.floor(now.getTime() / MS_PER_DAY) * MS_PER_DAY;
}

function finiteOrZero(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? value : 0;
}
