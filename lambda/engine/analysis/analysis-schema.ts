/**
 * The analysis as data read back: the `--previous` file of the CLI and the `analysis.json` the scheduled runs
 * archive are whatever is on disk or in S3, so they are checked against this schema, whole (parse-analysis.ts),
 * before a report compares with them.
 * A number the report divides by or prints must be finite (JSON has no NaN or Infinity, but `null`, a string or
 * `1e400`, which JSON.parse turns into Infinity, would otherwise reach the email as "NaN%" or "+∞%").
 *
 * Types: the interfaces of analysis-types.ts (and the KPI and clustering types it is built from) stay the source of
 * the engine's types, and this schema is checked against them at compile time (`AnalysisSchemaMatchesAnalysis`,
 * below): each type is assignable to the other, and both have the same field paths, so an optional field added on
 * one side only fails the type check too. Deriving the types from the schema instead would move `BaseKpis`,
 * `GroupKpis`, `ClusterSummary`, `KSelection` and the encodings, decimal marks, date orders and rejection reasons
 * out of the modules that compute them (kpis/, clustering/, input/), a dozen importers would follow,
 * and the engine's computing code would depend on its validation; the compile-time check costs one block here and
 * still stops either side from drifting.
 *
 * What each number may be was read from the code that computes it: counts are whole numbers of 0 or more, shares of
 * customers are within [0, 1]; revenue and orders, and every share of revenue, are only finite, because a customer
 * table's spending and purchase columns may hold negative or fractional values (kpis/, customers/). Unknown fields
 * are dropped, so that an older or newer writer of schema version 1 stays readable.
 */
import * as z from 'zod';
import type { Analysis } from './analysis-types.ts';
import { periodActivitySchema } from './activity-schema.ts';
import { inputSummary } from './input-schema.ts';
import { trendsSchema } from './trends-schema.ts';
import { valueAnalysisSchema } from './value-schema.ts';
import { count, finite, flag, isoDay, isoMoment, list, object, oneOf, share, text } from './schema-words.ts';
import { RFM_SEGMENT_KEYS } from '../rfm/rfm-segments.ts';

const names = object({ en: text, fr: text });

/** GroupKpis (kpis/group-kpis.ts). */
const groupKpisShape = {
  customers: count,
  share,
  revenue: finite,
  /** Outside [0, 1] when a customer table holds negative spending. */
  revenueShare: finite,
  /** A customer table's purchase columns are summed as they are: not always whole or positive. */
  orders: finite,
  averageOrderValue: finite,
  ordersPerCustomer: finite,
  meanRecencyDays: finite,
  repeatRate: share,
  activeCustomers: count,
  historicalClv: finite,
  responseRate: share.optional(),
};
const groupKpis = object(groupKpisShape);

/** BaseKpis (kpis/base-kpis.ts). */
const baseKpis = object({
  ...groupKpisShape,
  atRiskCustomerShare: share,
  atRiskRevenueShare: finite,
  lostCustomerShare: share,
  lostRevenueShare: finite,
  topFifthRevenueShare: finite,
  retentionRate: share.optional(),
});

const rfmSummary = object({
  asOf: isoDay,
  method: text,
  savedRangesOf: isoDay.exactOptional(),
  segments: list(object({ ...groupKpisShape, key: oneOf(RFM_SEGMENT_KEYS), name: names })),
});

/** ClusterSummary (clustering/clustering-types.ts) with the cluster's KPIs. */
const clusterSummary = object({
  index: count,
  key: text,
  name: names,
  /** Absent for RFM names and in analyses archived before the traits were kept. */
  traits: list(object({ feature: text, high: flag })).exactOptional(),
  size: count,
  share,
  profile: z.record(text, finite, { error: 'expected an object' }),
  ambiguousCount: count,
  kpis: groupKpis,
});

const clustersSummary = object({
  skipped: text.nullable(),
  k: count,
  method: text,
  selection: object({
    method: oneOf(['fixed', 'silhouette', 'model']),
    candidates: list(
      object({
        k: count,
        silhouette: finite
          .min(-1, 'expected a silhouette between -1 and 1')
          .max(1, 'expected a silhouette between -1 and 1'),
        smallestClusterSize: count,
        eligible: flag,
      }),
    ),
  }).nullable(),
  features: list(
    object({
      name: text,
      logTransformed: flag,
      mean: finite,
      /** The z-score divides by it: 1 for a constant feature, never 0. */
      standardDeviation: finite.positive('expected a positive number'),
    }),
  ),
  clusters: list(clusterSummary),
  ambiguousCustomers: count,
  ambiguousMargin: share,
  scoredWith: object({
    source: z.string(),
    asOf: isoDay,
    missing: z.record(text, count),
    prospects: object({
      features: list(text),
      holdoutAgreement: share,
      majorityShare: share,
    }).exactOptional(),
  }).exactOptional(),
});

export const analysisSchema = z.object(
  {
    schemaVersion: z.literal(1, { error: 'expected 1 (the only schema version this release reads)' }),
    generatedAt: isoMoment,
    /** Days; the monthly churn raises the retention to the power 30 / days. */
    activeWindowDays: z
      .int({ error: 'expected a whole number of days above 0' })
      .min(1, 'expected a whole number of days above 0'),
    input: inputSummary,
    period: object({ firstPurchase: isoDay.nullable(), lastPurchase: isoDay.nullable() }),
    kpis: baseKpis,
    rfm: rfmSummary.nullable(),
    clusters: clustersSummary,
    /** Absent in analyses archived before customer value existed. */
    value: valueAnalysisSchema.nullable().exactOptional(),
    /** Only in a scheduled report's analysis. */
    activity: periodActivitySchema.exactOptional(),
    /** Absent in analyses archived before trends existed; null for a customer table. */
    trends: trendsSchema.nullable().exactOptional(),
    notes: list(text),
  },
  { error: 'expected an analysis (a JSON object written by --json)' },
);

/** The schema's output and `Analysis` say the same: each assignable to the other, with the same field paths. */
export type AnalysisSchemaMatchesAnalysis = [
  Assert<MutuallyAssignable<z.output<typeof analysisSchema>, Analysis>>,
  Assert<MutuallyAssignable<FieldPaths<z.output<typeof analysisSchema>>, FieldPaths<Analysis>>>,
];
type Assert<Condition extends true> = Condition;
type MutuallyAssignable<Left, Right> = [Left] extends [Right]
  ? [Right] extends [Left]
    ? true
    : false
  : false;
/**
 * Every field path of a type, `.kpis.responseRate`, `.clusters.clusters[].kpis.revenue`: mutual assignability
 * alone lets an optional field exist on one side only.
 */
type FieldPaths<Type, Prefix extends string = ''> = Type extends readonly (infer Item)[]
  ? FieldPaths<Item, `${Prefix}[]`>
  : Type extends object
    ? {
        [Key in keyof Type & string]-?:
          `${Prefix}.${Key}` | FieldPaths<Exclude<Type[Key], undefined>, `${Prefix}.${Key}`>;
      }[keyof Type & string]
    : never;
