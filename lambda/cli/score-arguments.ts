/**
 * What `score` asks of `analyze`'s flags: the model to score with (--model, read, not written), and none of the
 * flags that choose clusters (the model's are kept: that is the point of scoring).
 */
import { InvalidOptionError } from '../errors/input-errors.ts';
import type { AnalyzeArguments } from './analyze-flags.ts';
import { flagOf } from './flag-names.ts';
import { isSameFile } from './output-files.ts';

/** The flags that fit clusters, which a saved segmentation's clusters leave nothing to do. */
const FITTING_FLAGS = ['k', 'seed', 'features', 'prospectFeatures', 'noDiversity'] as const;

/** `score` reads the --model file: no output may be written over it (nor over the FILE, checked with the others). */
export function refuseOutputsOverModel(
  outputs: readonly [flag: string, path: string][],
  model: string,
): void {
  const over = outputs.find(([, path]) => isSameFile(path, model));
  if (over) {
    throw new InvalidOptionError(`${over[0]} ${over[1]}: refusing to overwrite the ${flagOf('model')} file`, {
      option: 'model',
    });
  }
}

/** Throws an InvalidOptionError naming the flag when `score`'s arguments cannot work. */
export function checkScoreArguments(args: AnalyzeArguments): void {
  if (args.model === undefined) {
    throw new InvalidOptionError(
      `score: ${flagOf('model')}: needs the model to score with (${flagOf('model')} PATH, written by segment-report analyze FILE ${flagOf('model')} PATH)`,
      { option: 'model' },
    );
  }
  const fitting = FITTING_FLAGS.find((key) => args[key] !== undefined);
  if (fitting !== undefined) {
    throw new InvalidOptionError(
      `score: ${flagOf(fitting)}: the clusters are the model's, so ${flagOf(fitting)} has nothing to choose; it is for analyze`,
      { option: fitting },
    );
  }
}
