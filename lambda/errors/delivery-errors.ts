/**
 * Failures of the world around a run (storage, mail) and of the run's own bookkeeping (claims). All are the
 * system's fault: the run throws, Lambda retries, and the alarm fires when retrying does not help.
 */
import { type Fault, SegmentReportError } from './segment-report-error.ts';

export interface ObjectErrorOptions extends ErrorOptions {
  /** The key of the object (in the store's bucket). */
  key?: string | undefined;
}

/** The store has no object under the key (or not the version asked for). */
export class ObjectNotFoundError extends SegmentReportError {
  override name = 'ObjectNotFoundError';
  readonly key: string | undefined;

  constructor(message: string, { key, ...options }: ObjectErrorOptions = {}) {
    super(message, options);
    this.key = key;
  }
}

/** The mail service answered with a refusal (throttled, invalid): the message was certainly not sent. */
export class EmailNotSentError extends SegmentReportError {
  override name = 'EmailNotSentError';
}

/**
 * The mail service may or may not have accepted the message (no answer, connection reset, a server error):
 * sending again could deliver it twice, so nothing is sent again and the run raises the alarm instead.
 */
export class EmailOutcomeUnknownError extends SegmentReportError {
  override name = 'EmailOutcomeUnknownError';
}

/** Another run holds the claim and will outlive this one's useful time: Lambda should retry later. */
export class RunInProgressError extends SegmentReportError {
  override name = 'RunInProgressError';
}

/** The email of this run may or may not have been delivered: it is not sent again; the alarm must fire. */
export class DeliveryUncertainError extends SegmentReportError {
  override name = 'DeliveryUncertainError';
}

/** The claim record cannot be read or was changed by another run: nothing is sent on doubt. */
export class ClaimConflictError extends SegmentReportError {
  override name = 'ClaimConflictError';
}

/** Some records of an upload event failed: Lambda retries the event (done records stop at their claims). */
export class UploadRecordsFailedError extends SegmentReportError {
  override name = 'UploadRecordsFailedError';
}

/**
 * A release or discard that cannot be done as asked: no held report of that name, or one already discarded,
 * expired or sent. The person's request is at fault (the command line exits 2), and nothing is sent.
 */
export class HeldReportDecisionError extends SegmentReportError {
  override name = 'HeldReportDecisionError';
  override readonly fault: Fault = 'input';
}
