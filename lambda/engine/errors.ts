/**
 * Typed errors. `InputError` means "your input is wrong": the CLI exits with code 2 and the data team gets a
 * notice. Anything else is "we failed": retry, alarm. Messages name the input (file, line, column).
 */
import type { InputOption } from './input/input-options.ts';

export class SegmentReportError extends Error {
  override name = 'SegmentReportError';
}

export interface InputErrorOptions extends ErrorOptions {
  /** The input option that, set or corrected, lets the file be read. */
  option?: InputOption | undefined;
}

/** The input file or the options given with it cannot be analysed as they are. */
export class InputError extends SegmentReportError {
  override name = 'InputError';
  /**
   * The input option (its AnalyzeOptions name) that, set or corrected, lets the file be read, when one can: the
   * message never says how to set it, since each front end sets it its own way (`--date-format` on the command
   * line, `inputs[prefix].dateFormat` in the job's configuration) and adds that advice itself.
   */
  readonly option: InputOption | undefined;

  constructor(message: string, { option, ...options }: InputErrorOptions = {}) {
    super(message, options);
    this.option = option;
  }
}

/** An option (flag, mapping, date format) is malformed or out of range. */
export class InvalidOptionError extends InputError {
  override name = 'InvalidOptionError';
}

/** The file is not a readable CSV: empty, binary, truncated, unterminated quote, inconsistent columns. */
export class MalformedFileError extends InputError {
  override name = 'MalformedFileError';
}

/** A column the analysis needs cannot be found, or its values cannot be read. */
export class ColumnError extends InputError {
  override name = 'ColumnError';
}

/** For the end of exhaustive switches: the compiler proves this is never reached. */
export function assertUnreachable(value: never): never {
  throw new SegmentReportError(`Unexpected value: ${String(value)}`);
}
