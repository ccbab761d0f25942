import type { CustomerRow, CustomerTableRejection, ShapeAnalysis } from '../analysis-types.ts';
import type { ResolvedAnalyzeOptions } from '../analyze-options.ts';
import { ColumnError, InputError } from '../errors.ts';
import { formatIsoDay, MS_PER_DAY, parseIsoDay } from '../input/date-parsing.ts';
import { inferDecimalMark } from '../input/number-parsing.ts';
import { isBlankRecord, type RecordBatch } from '../input/record-reader.ts';
import { computeBaseKpis } from '../kpis/base-kpis.ts';
import type { CustomerFacts } from '../kpis/group-kpis.ts';
import { scoreRfm } from '../rfm/score-rfm.ts';
import { clusterAndSummarize, summarizeSegments } from '../summarize-groups.ts';
import { type ColumnProfile, profileColumn } from './column-profile.ts';
import { allowsRfm, findCustomerTableRoles } from './customer-table-columns.ts';
import { chooseFeatures, type FeatureColumn } from './customer-table-features.ts';

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
  const { header } = input;
  const roles = findCustomerTableRoles(header);
  const rejected: Partial<Record<CustomerTableRejection, number>> = {};
  const firstRejectedLine: Partial<Record<CustomerTableRejection, number>> = {};
  const reject = (reason: CustomerTableRejection, line: number) => {
    rejected[reason] = (rejected[reason] ?? 0) + 1;
    firstRejectedLine[reason] ??= line;
  };
  const rows: string[][] = [];
  const seen = new Set<string>();
  let rowsRead = 0;
  for await (const batch of input.batches) {
    for (const [index, record] of batch.records.entries()) {
      if (isBlankRecord(record)) continue;
      rowsRead++;
      const line = batch.firstLine + index;
      const id = (record[roles.id] ?? '').trim();
      if (record.length !== header.length) reject('wrongFieldCount', line);
      else if (id === '') reject('missingCustomer', line);
      else if (seen.has(id)) reject('duplicateCustomer', line);
      else {
        seen.add(id);
        rows.push(record);
      }
    }
    options.onProgress?.(rowsRead);
  }
  if (rows.length === 0) throw new ColumnError(`${options.sourceName}: the customer table has no usable row`);
  const decimalMark = options.decimalMark ?? inferDecimalMark(rows.slice(0, 2_000).flat(), input.delimiter);
  const { dateOrder } = options;
  const profiles: ColumnProfile[] = header.map((name, column) =>
    profileColumn(
      name,
      rows.map((row) => row[column] ?? ''),
      decimalMark,
      dateOrder,
      options.sourceName,
    ),
  );
  const asOfMs = resolveAsOf(options.asOf, profiles, options.now);
  const features = chooseFeatures(profiles, roles, options.features, asOfMs, options.sourceName);
  const facts = customerFacts(profiles, roles, rows.length);
  const hasRfm = allowsRfm(roles);
  const ids = rows.map((row) => (row[roles.id] ?? '').trim());
  const rfm = hasRfm ? scoreRfm(facts.map((fact, row) => ({ id: ids[row] ?? '', ...fact }))) : undefined;
  const kpis = computeBaseKpis(rfm ?? facts, { activeWindowDays: options.activeWindowDays });
  const context = {
    totalCustomers: kpis.customers,
    totalRevenue: kpis.revenue,
    activeWindowDays: options.activeWindowDays,
  };
  const clustering = clusterAndSummarize(featureTable(features, rows.length), facts, context, {
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
        features.map((feature) => [feature.name, feature.values[row] ?? Number.NaN]),
      ),
    };
  });
  const notes = [
    ...(clustering.summary.skipped ? [clustering.summary.skipped] : []),
    ...(hasRfm ? [] : ['no recency and purchase columns: RFM segments are not computed for this table']),
    ...features
      .filter((feature) => feature.imputed > 0)
      .map((feature) => `${feature.imputed} missing values of "${feature.name}" set to its median`),
  ];
  return {
    input: {
      decimalMark,
      dateOrder: dateOrder ?? null,
      columns: Object.fromEntries(features.map((feature) => [feature.name, feature.source])),
      rowsRead,
      rowsUsed: rows.length,
      rowsRejected: rejected,
      firstRejectedLine,
    },
    body: {
      period: { firstPurchase: null, lastPurchase: null },
      kpis,
      rfm: rfm
        ? {
            asOf: formatIsoDay(asOfMs),
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

/** Per customer: recency, purchases and spending from the role columns (0 where a table has none). */
function customerFacts(
  profiles: readonly ColumnProfile[],
  roles: ReturnType<typeof findCustomerTableRoles>,
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

function featureTable(features: readonly FeatureColumn[], rowCount: number) {
  const values = new Float64Array(rowCount * features.length);
  features.forEach((feature, column) => {
    for (let row = 0; row < rowCount; row++)
      values[row * features.length + column] = feature.values[row] ?? 0;
  });
  return { names: features.map((feature) => feature.name), values, rowCount };
}

/** The as-of day: given, or the day after the latest date in any date column, or today's date is unknown: none. */
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
