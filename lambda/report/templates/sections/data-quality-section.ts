/** The data quality section of the email, and the facts and notes it renders. */
import { dataTable } from '../markup/data-table.ts';
import { escapeHtml } from '../markup/escape-html.ts';
import { card, sectionTitle } from '../markup/section-title.ts';
import { THEME } from '../markup/theme.ts';

export interface DataQuality {
  facts: { label: string; value: string }[];
  notes: string[];
}

export interface DataQualityProps {
  dataQuality: DataQuality;
  labels: { dataQuality: string };
}

/** Rows read, used and rejected by reason, and notes such as ambiguous customers. */
export function dataQualitySection(view: DataQualityProps): string {
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
