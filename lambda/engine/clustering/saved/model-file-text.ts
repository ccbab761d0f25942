/**
 * The text of a saved segmentation's file (issue 18): what `analyze --model` writes and the archive keeps as each
 * run's `model.json`, indented as the other JSON files people open; segmentation-model-schema.ts reads it back.
 */
import type { SegmentationModel } from './segmentation-model.ts';

/** The model file's text: indented JSON, ending with a line break. */
export function modelFileText(model: SegmentationModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
