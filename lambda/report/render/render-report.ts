/** A report from its input to what an email needs: view model, then HTML and plain text. */
import type { ReportView } from '../templates/report-view.ts';
import { buildReportView } from '../view-model/build-report-view.ts';
import type { ReportInput } from '../view-model/report-context.ts';
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
