import type { ReportView } from '../../lambda/report/view-model/report-view.ts';
import { escapeHtml } from '../escape-html.ts';
import { THEME } from '../theme.ts';
import { dataTable } from './data-table.ts';
import { card, sectionTitle } from './section-title.ts';

/** Rows read, used and rejected by reason, and notes such as ambiguous customers. */
export function dataQualitySection(view: ReportView): string {
  const { facts, notes } = view.dataQuality;
  const noteText = notes.length
    ? `
      <mj-text font-size="12px" line-height="17px" color="${THEME.muted}" padding="4px 8px">${notes.map(escapeHtml).join('<br>')}</mj-text>`
    : '';
  return card(
    'section-data-quality',
    `${sectionTitle(view.labels.dataQuality)}
      <mj-table font-size="12px" line-height="16px" padding="4px 4px" cellpadding="4">${dataTable(
        ['', ''],
        facts.map((fact) => [fact.label, fact.value]),
      )}</mj-table>${noteText}`,
  );
}
