import { buildReportView } from '../view-model/build-report-view.ts';
import type { ReportInput } from '../view-model/report-context.ts';
import type { ReportView } from '../view-model/report-view.ts';
import { renderHtml } from './render-html.ts';
import { renderText } from './render-text.ts';

/** A rendered report: what an email needs. */
export interface RenderedReport {
  subject: string;
  html: string;
  text: string;
  view: ReportView;
}

/** Builds the view model and renders it to HTML and plain text. */
export async function renderReport(input: ReportInput): Promise<RenderedReport> {
  const view = buildReportView(input);
  return { subject: view.subject, html: await renderHtml(view), text: renderText(view), view };
}
