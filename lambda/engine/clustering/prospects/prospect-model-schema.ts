/**
 * Reading a prospect model (prospect-model.ts) back from JSON: the method must be this program's, every number
 * finite, one row of coefficients and one intercept per cluster, one coefficient per feature, shares in 0..1; a
 * wrong model is refused with one line naming the field, never half read.
 */
import * as z from 'zod';
import { PROSPECT_MODEL_METHOD, type ProspectModel } from './prospect-model.ts';

const finite = z.number({ error: 'must be a number' }).finite('must be a finite number');
const share = finite.min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1');
const count = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0 or more');

const featureSchema = z
  .object({
    name: z.string({ error: 'must be a text' }).min(1, 'must not be empty'),
    logTransformed: z.boolean({ error: 'must be true or false' }),
    mean: finite,
    standardDeviation: finite.positive('must be above 0'),
  })
  .strict();

export const prospectModelSchema = z
  .object({
    method: z.literal(PROSPECT_MODEL_METHOD, { error: `must be "${PROSPECT_MODEL_METHOD}"` }),
    features: z.array(featureSchema).min(1, 'must list at least one feature'),
    clusterCount: count.min(2, 'must be at least 2'),
    coefficients: z.array(z.array(finite)),
    intercepts: z.array(finite),
    l2Penalty: finite.min(0, 'must be 0 or more'),
    seed: finite,
    trainRows: count.min(1, 'must be at least 1'),
    holdoutRows: count.min(1, 'must be at least 1'),
    holdoutAgreement: share,
    majorityShare: share,
  })
  .strict()
  .superRefine((model, context) => {
    const issue = (path: (string | number)[], message: string) =>
      context.addIssue({ code: 'custom', path, message });
    if (new Set(model.features.map((feature) => feature.name)).size !== model.features.length) {
      issue(['features'], 'must name each feature once');
    }
    if (model.coefficients.length !== model.clusterCount) {
      issue(['coefficients'], `must hold one row per cluster (${model.clusterCount})`);
    }
    if (model.intercepts.length !== model.clusterCount) {
      issue(['intercepts'], `must hold one value per cluster (${model.clusterCount})`);
    }
    model.coefficients.forEach((row, cluster) => {
      if (row.length !== model.features.length) {
        issue(['coefficients', cluster], `must hold one value per feature (${model.features.length})`);
      }
    });
  });

/** The prospect model in `json`, or one line naming what is wrong (the first problem, with its path). */
export function readProspectModel(json: unknown): ProspectModel | { problem: string } {
  const parsed = prospectModelSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const path = (issue?.path ?? []).map(String).join('.');
  return {
    problem: `${path === '' ? 'the prospect model' : path}: ${issue?.message ?? 'not a prospect model'}`,
  };
}
