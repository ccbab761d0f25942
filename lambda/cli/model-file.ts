// The saved segmentation as `score --model` reads it (issue 18); `analyze --model` writes model-file-text.ts's text.
import { readSegmentationModel } from '../engine/clustering/saved/segmentation-model-schema.ts';
import type { SegmentationModel } from '../engine/clustering/saved/segmentation-model.ts';
import { InputError } from '../errors/input-errors.ts';
import { flagOf } from './flag-names.ts';
import { readJsonFile } from './json-file.ts';

/** The model in `path`, or an InputError naming the flag, the file and the field that is wrong. */
export async function readModelFile(path: string): Promise<SegmentationModel> {
  const option = flagOf('model');
  const model = readSegmentationModel(await readJsonFile(path, option));
  if ('problem' in model) {
    throw new InputError(`${option} ${path}: not a segmentation model: ${model.problem}`, {
      option: 'model',
    });
  }
  return model;
}
