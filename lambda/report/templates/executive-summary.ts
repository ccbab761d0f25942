/**
 * The executive summary email as MJML: a pure function of the view model (no formatting, no decisions here).
 * Section order follows what an executive reads first: a scheduled report's own period, the base's figures, key points, alerts, segments, actions, money.
 */
import { escapeHtml } from './markup/escape-html.ts';
import { THEME } from './markup/theme.ts';
import type { ReportView } from './report-view.ts';
import { alertsSection } from './sections/alerts-section.ts';
import { budgetSection } from './sections/budget-section.ts';
import { chartSection } from './sections/chart-section.ts';
import { customerFileSection } from './sections/customer-file-section.ts';
import { dataQualitySection } from './sections/data-quality-section.ts';
import { footerSection } from './sections/footer-section.ts';
import { headerSection } from './sections/header-section.ts';
import { headlineSection } from './sections/headline-section.ts';
import { keyPointsSection } from './sections/key-points-section.ts';
import { migrationSection } from './sections/migration-section.ts';
import { overviewSections } from './sections/overview-section.ts';
import { periodActivitySection } from './sections/period-activity-section.ts';
import { strategiesSection } from './sections/strategies-section.ts';
import { trendsSection } from './sections/trends-section.ts';
import { valueOutlookSection } from './sections/value-outlook-section.ts';
import { watchSection } from './sections/watch-section.ts';

/** The MJML document of the report. */
export function executiveSummaryMjml(view: ReportView): string {
  return `<mjml lang="${view.locale}">
  <mj-head>
    <mj-title>${escapeHtml(view.subject)}</mj-title>
    <mj-preview>${escapeHtml(view.preheader)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="${THEME.font}" />
      <mj-text color="${THEME.text}" />
      <mj-table color="${THEME.text}" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="${THEME.page}" width="640px">${[
    headerSection(view),
    periodActivitySection(view),
    headlineSection(view),
    trendsSection(view),
    keyPointsSection(view),
    alertsSection(view),
    chartSection(view),
    overviewSections(view),
    migrationSection(view),
    valueOutlookSection(view),
    strategiesSection(view),
    budgetSection(view),
    watchSection(view),
    dataQualitySection(view),
    customerFileSection(view),
    footerSection(view),
  ].join('')}
  </mj-body>
</mjml>`;
}
