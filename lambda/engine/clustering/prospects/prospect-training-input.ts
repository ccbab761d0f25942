/** The preconditions of trainProspectModel, in plain English: what a table and its clusters must be to learn from. */
import type { FeatureTable } from '../segmentation/clustering-types.ts';
import type { ProspectTrainingOptions } from './train-prospect-model.ts';
import { InputError, InvalidOptionError } from '../../../errors/input-errors.ts';

/** Fewer customers than this leave a held-out fifth too small to state an agreement. */
export const MIN_PROSPECT_TRAINING_ROWS = 10;

/** Throws, saying what is wrong, unless the table and its clusters can train a prospect model. */
export function checkTrainingInput(
  table: FeatureTable,
  clusterOfRow: Int32Array,
  clusterCount: number,
  seed: number,
  settings: ProspectTrainingOptions,
): void {
  const dimension = table.names.length;
  if (dimension === 0) throw new InputError('A prospect model needs at least one descriptive feature');
  if (new Set(table.names).size !== dimension) {
    throw new InputError(`The descriptive feature names must be unique, got ${table.names.join(', ')}`);
  }
  if (table.values.length !== table.rowCount * dimension) {
    throw new InputError(
      `The feature table must hold rowCount x features values (${table.rowCount * dimension}), got ${table.values.length}`,
    );
  }
  if (table.rowCount < MIN_PROSPECT_TRAINING_ROWS) {
    throw new InputError(
      `A prospect model needs at least ${MIN_PROSPECT_TRAINING_ROWS} customers to hold a fifth out, got ${table.rowCount}`,
    );
  }
  if (clusterOfRow.length !== table.rowCount) {
    throw new InputError(
      `clusterOfRow must give one cluster per row (${table.rowCount}), got ${clusterOfRow.length}`,
    );
  }
  if (!Number.isInteger(clusterCount) || clusterCount < 2) {
    throw new InvalidOptionError(`clusterCount must be a whole number of at least 2, got ${clusterCount}`);
  }
  if (clusterOfRow.some((cluster) => cluster < 0 || cluster >= clusterCount)) {
    throw new InputError(`Every cluster index must be between 0 and ${clusterCount - 1}`);
  }
  const column = table.values.findIndex((value) => !Number.isFinite(value));
  if (column >= 0) {
    throw new InputError(
      `The descriptive features must be finite (missing values set before training): "${table.names[column % dimension]}" is not`,
    );
  }
  if (!Number.isFinite(seed)) throw new InvalidOptionError('seed must be a finite number');
  const { maxTrainRows, maxIterations, l2Penalty, tolerance } = settings;
  if (!Number.isInteger(maxTrainRows) || maxTrainRows < MIN_PROSPECT_TRAINING_ROWS) {
    throw new InvalidOptionError(
      `maxTrainRows must be a whole number of at least ${MIN_PROSPECT_TRAINING_ROWS}, got ${maxTrainRows}`,
    );
  }
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new InvalidOptionError(`maxIterations must be a whole number of at least 1, got ${maxIterations}`);
  }
  if (!(l2Penalty >= 0 && Number.isFinite(l2Penalty))) {
    throw new InvalidOptionError(`l2Penalty must be a finite number of at least 0, got ${l2Penalty}`);
  }
  if (!(tolerance > 0 && Number.isFinite(tolerance))) {
    throw new InvalidOptionError(`tolerance must be a finite number above 0, got ${tolerance}`);
  }
}
