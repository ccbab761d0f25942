/**
 * Reading a saved segmentation model (segmentation-model.ts) back from JSON: the format and version must be this
 * program's, every number finite, every centroid as long as the features, at least two clusters; a wrong file is
 * refused with one line naming the field, never half read.
 */
import * as z from 'zod';
import {
  SEGMENTATION_MODEL_FORMAT,
  SEGMENTATION_MODEL_VERSION,
  type SegmentationModel,
} from './segmentation-model.ts';

const finite = z.number({ error: 'must be a number' }).finite('must be a finite number');
const text = z.string({ error: 'must be a text' }).min(1, 'must not be empty');

const featureSchema = z
  .object({
    name: text,
    logTransformed: z.boolean({ error: 'must be true or false' }),
    mean: finite,
    standardDeviation: finite.positive('must be above 0'),
  })
  .strict();

const clusterSchema = z
  .object({
    index: z.number().int().min(0, 'must be a cluster index from 0'),
    key: text,
    name: z.object({ en: text, fr: text }).strict(),
    centroid: z.array(finite),
  })
  .strict();

export const segmentationModelSchema = z
  .object({
    format: z.literal(SEGMENTATION_MODEL_FORMAT, { error: `must be "${SEGMENTATION_MODEL_FORMAT}"` }),
    version: z.literal(SEGMENTATION_MODEL_VERSION, {
      error: `must be ${SEGMENTATION_MODEL_VERSION} (a model saved by another version: analyse again to save one)`,
    }),
    naming: z.enum(['rfm', 'generic'], { error: 'must be rfm or generic' }),
    features: z.array(featureSchema).min(1, 'must list at least one feature'),
    clusters: z.array(clusterSchema).min(2, 'must hold at least two clusters'),
    ambiguousMargin: finite.min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1'),
  })
  .strict()
  .superRefine((model, context) => {
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
