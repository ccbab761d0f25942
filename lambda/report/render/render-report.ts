/** A report from its input to what an email needs: view model, then HTML, plain text and the inline images. */
import type { ReportView } from '../templates/report-view.ts';
import type { BudgetJson } from '../view-model/budget-json.ts';
import { buildReport } from '../view-model/build-report-view.ts';
import type { ReportInput } from '../view-model/report-context.ts';
import { renderHtml } from './render-html.ts';
import type { ChartAssetSource } from '../charts/chart-assets.ts';
import { type ReportImage, renderReportImages } from './report-images.ts';
import { renderText } from './render-text.ts';

export type { ReportImage } from './report-images.ts';

/** A rendered report: what an email needs. */
export interface RenderedReport {
  subject: string;
  html: string;
  text: string;
  view: ReportView;
  /** The budget in full, action by action: the archive writes it into `analysis.json` (budget-json.ts). */
  budget: BudgetJson;
  /**
   * The PNGs the HTML shows by `cid:` (the trend charts), to send inline in a multipart/related part; empty when
   * the report has no trends.
   */
  images: ReportImage[];
}

export interface RenderOptions {
  /** Where the charts' WebAssembly and font come from (read by the caller's adapter), asked only for charts. */
  chartAssets: ChartAssetSource;
}

/** Builds the view model and renders it to HTML, plain text and the charts' images. */
export async function renderReport(input: ReportInput, options: RenderOptions): Promise<RenderedReport> {
  const { view, charts, budget } = buildReport(input);
  const [html, images] = await Promise.all([
    renderHtml(view),
    renderReportImages(charts, options.chartAssets),
  ]);
  return { subject: view.subject, html, text: renderText(view), view, budget, images };
}
