/**
 * The saved segmentation's flags of `analyze` and `score` (issue 18; entries of ANALYZE_FLAGS, kept here to keep that
 * table readable): the model file `analyze` writes and `score` reads, and the columns its prospect model is trained
 * on.
 */
import * as z from 'zod';
import type { FlagSpec } from './analyze-flags.ts';
import { columnNames } from './flag-schemas.ts';

export const SAVED_MODEL_FLAGS = {
  prospectFeatures: {
    value: 'A,B,..',
    wanted: 'A,B,...',
    help: 'customer tables: the clustered columns a prospect has (default: the descriptive ones)',
    schema: columnNames,
    goesTo: 'analysis',
  },
  model: {
    value: 'PATH',
    help: 'write the saved segmentation, to score later files with (score: the model to score with)',
    schema: z.string().min(1, 'needs a path').optional(),
    goesTo: 'output',
  },
} as const satisfies Record<string, FlagSpec>;
