import { SegmentReportError } from './segment-report-error.ts';

/** The MJML did not validate: a bug of ours (templates), never of the input. */
export class TemplateError extends SegmentReportError {
  override name = 'TemplateError';
}
