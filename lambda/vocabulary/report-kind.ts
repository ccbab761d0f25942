/**
 * The kinds of report: the words the report (its labels, its next review) and delivery (its runs, its archive)
 * share. Declared here once, so that neither borrows them from the other.
 */

/** A report on an uploaded file, the Monday report on the week before, or the quarterly review. */
export const REPORT_KINDS = ['upload', 'weekly', 'quarterly'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The kinds sent on a schedule rather than on an upload. */
export type ScheduledReportKind = Exclude<ReportKind, 'upload'>;
