/**
 * Reading a saved segmentation model (segmentation-model.ts) back from JSON: the format and version must be this
 * program's, every number finite, every centroid as long as the features, at least two clusters; a wrong file is
 * refused with one line naming the field, never half read.
 */
import * as z from 'zod';
import {
  SEGMENTATION_MODEL_FORMAT,
  SEGMENTATION_MODEL_VERSION,
  SEGMENTATION_RULES_VERSION,
  type SegmentationModel,
} from './segmentation-model.ts';
import { prospectModelSchema } from '../prospects/prospect-model-schema.ts';

/** More than any analysis saves (50 table columns, or R, F, M and the diversity features; K up to 50). */
const MAX_MODEL_FEATURES = 64;
const MAX_MODEL_CLUSTERS = 50;

const finite = z.number({ error: 'must be a number' }).finite('must be a finite number');
const text = z.string({ error: 'must be a text' }).min(1, 'must not be empty');

const featureSchema = z
  .object({
    name: text,
    logTransformed: z.boolean({ error: 'must be true or false' }),
    mean: finite,
    standardDeviation: finite.positive('must be above 0'),
    missingValue: finite,
  })
  .strict();

const scoreRangesSchema = z
  .array(
    z
      .object({
        score: z.number().int().min(1).max(5, 'must be a score from 1 to 5'),
        lowest: finite,
        highest: finite,
      })
      .strict(),
  )
  .max(5, 'must hold at most five scores');

const rfmSchema = z
  .object({
    activeWindowDays: z.number().int().positive('must be a whole number of days above 0'),
    edges: z
      .object({ recency: scoreRangesSchema, frequency: scoreRangesSchema, monetary: scoreRangesSchema })
      .strict(),
  })
  .strict();

const columnSchema = z.object({ column: z.string(), date: z.boolean() }).strict();

const clusterSchema = z
  .object({
    index: z.number().int().min(0, 'must be a cluster index from 0'),
    key: text,
    name: z.object({ en: text, fr: text }).strict(),
    centroid: z.array(finite).max(MAX_MODEL_FEATURES, `must hold at most ${MAX_MODEL_FEATURES} values`),
  })
  .strict();

export const segmentationModelSchema = z
  .object({
    format: z.literal(SEGMENTATION_MODEL_FORMAT, { error: `must be "${SEGMENTATION_MODEL_FORMAT}"` }),
    version: z.literal(SEGMENTATION_MODEL_VERSION, {
      error: `must be ${SEGMENTATION_MODEL_VERSION} (a model saved by another version: analyse again to save one)`,
    }),
    rules: z.literal(SEGMENTATION_RULES_VERSION, {
      error: `must be ${SEGMENTATION_RULES_VERSION} (a model made by other segmentation rules: analyse again to save one)`,
    }),
    shape: z.enum(['transactions', 'customers'], { error: 'must be transactions or customers' }),
    source: z.string({ error: 'must be a text' }),
    asOf: z.iso.date({ error: 'must be a day, YYYY-MM-DD' }),
    customers: z.number().int().min(0, 'must be a whole number'),
    rfm: rfmSchema.nullable(),
    columns: z.record(z.string(), columnSchema).nullable(),
    naming: z.enum(['rfm', 'generic'], { error: 'must be rfm or generic' }),
    features: z
      .array(featureSchema)
      .min(1, 'must list at least one feature')
      .max(MAX_MODEL_FEATURES, `must list at most ${MAX_MODEL_FEATURES} features`),
    clusters: z
      .array(clusterSchema)
      .min(2, 'must hold at least two clusters')
      .max(MAX_MODEL_CLUSTERS, `must hold at most ${MAX_MODEL_CLUSTERS} clusters`),
    ambiguousMargin: finite.min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1'),
    prospects: prospectModelSchema.nullable(),
  })
  .strict()
  .superRefine((model, context) => {
    const names = model.features.map((feature) => feature.name);
    const prospects = model.prospects;
    if (prospects && prospects.clusterCount !== model.clusters.length) {
      context.addIssue({
        code: 'custom',
        path: ['prospects', 'clusterCount'],
        message: 'must be the number of clusters',
      });
    }
    const unknown = prospects?.features.findIndex((feature) => !names.includes(feature.name)) ?? -1;
    if (unknown >= 0) {
      context.addIssue({
        code: 'custom',
        path: ['prospects', 'features', unknown, 'name'],
        message: 'must be one of the features',
      });
    }
    if (
      model.columns !== null &&
      Object.keys(model.columns).sort().join('\n') !== [...names].sort().join('\n')
    ) {
      context.addIssue({ code: 'custom', path: ['columns'], message: 'must name one column per feature' });
    }
    model.clusters.forEach((cluster, position) => {
      if (cluster.centroid.length !== model.features.length) {
        context.addIssue({
          code: 'custom',
          path: ['clusters', position, 'centroid'],
          message: `must hold one value per feature (${model.features.length})`,
        });
      }
    });
  });

/** The model in `json`, or one line naming what is wrong (the first problem, with its path). */
export function readSegmentationModel(json: unknown): SegmentationModel | { problem: string } {
  const parsed = segmentationModelSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const path = (issue?.path ?? []).map(String).join('.');
  return { problem: `${path === '' ? 'the model' : path}: ${issue?.message ?? 'not a segmentation model'}` };
}
