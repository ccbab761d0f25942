/**
 * The root of every error this product throws on purpose, after ky's `source/errors/`: one class per failure,
 * each with the typed facts a caller acts on, and one question answered for every front end: whose fault?
 * - `input`: the user's file, options or configuration are wrong. The command line exits with code 2 and one
 *   line naming the file and the line, column or option; a run sends the data team a notice and succeeds.
 * - `system`: we (or a service we use) failed. The command line exits with code 1; a run throws, so that Lambda
 *   retries and, in the end, the dead-letter queue and the alarm tell the operators.
 */
export type Fault = 'input' | 'system';

/** The command line's exit code for each fault. */
export const EXIT_CODES = { input: 2, system: 1 } as const satisfies Record<Fault, number>;

export class SegmentReportError extends Error {
  override name = 'SegmentReportError';
  /** Whose fault; see the module comment. A subclass for bad input says `input`. */
  readonly fault: Fault = 'system';
}

/** The fault of anything thrown: only our input errors are the user's; any other error is the system's. */
export function faultOf(error: unknown): Fault {
  return error instanceof SegmentReportError ? error.fault : 'system';
}

/** The message of anything thrown (an Error's message, or the value as text). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** For the end of exhaustive switches: the compiler proves this is never reached. */
export function assertUnreachable(value: never): never {
  throw new SegmentReportError(`Unexpected value: ${String(value)}`);
}
