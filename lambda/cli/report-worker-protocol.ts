/** What the CLI's main thread and its report thread (report-worker.ts) send each other: plain, cloneable data. */
import type { ReportImage } from '../report/render/render-report.ts';
import type { ReportInput } from '../report/view-model/report-context.ts';

/** The report to render: its whole input (the analysis, settings, previous, kind, period, moment). */
export type ReportRequest = ReportInput;

export type ReportResponse =
  | { kind: 'rendered'; subject: string; html: string; text: string; images: ReportImage[] }
  /** `input`: the error was the input's (exit 2), not ours. */
  | { kind: 'failed'; input: boolean; message: string };
