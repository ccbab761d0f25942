/**
 * The user's input cannot be used as it is: the file, the options given with it, or the configuration. Each
 * carries what a front end needs to point at the mistake, besides a message that already names it.
 */
import { type Fault, SegmentReportError } from './segment-report-error.ts';

export interface InputErrorOptions extends ErrorOptions {
  /**
   * The input option (its AnalyzeOptions name, such as `dateFormat`) that, set or corrected, lets the file be
   * read. The message never says how to set it, since each front end sets it its own way (`--date-format` on the
   * command line, `inputs[prefix].dateFormat` in the job's configuration) and adds that advice itself.
   */
  option?: string | undefined;
  /** The file (path, S3 key or source name) the error is about. */
  file?: string | undefined;
  /** The 1-based line of the file, when one line is at fault. */
  line?: number | undefined;
  /** The column (its header), when one column is at fault. */
  column?: string | undefined;
}

/** The input file or the options given with it cannot be analysed as they are. */
export class InputError extends SegmentReportError {
  override name = 'InputError';
  override readonly fault: Fault = 'input';
  readonly option: string | undefined;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: string | undefined;

  constructor(message: string, { option, file, line, column, ...options }: InputErrorOptions = {}) {
    super(message, options);
    this.option = option;
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

/** An option (flag, mapping, date format, configuration entry) is malformed or out of range. */
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

/** The file cannot be analysed within one function's time: the data team must split it (or run the CLI). */
export class FileTooLargeError extends InputError {
  override name = 'FileTooLargeError';
}

/**
 * A saved segmentation cannot score this input (issue 18): a model of a customer table given a transaction log, or
 * the reverse. The `score` command says so; a scheduled run refits instead.
 */
export class SavedModelMismatchError extends InvalidOptionError {
  override name = 'SavedModelMismatchError';
}
