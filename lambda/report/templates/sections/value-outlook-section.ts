/** The value outlook section of the email, and the outlook it renders. */
import { dataTable } from '../markup/data-table.ts';
import { escapeHtml } from '../markup/escape-html.ts';
import { card, sectionTitle } from '../markup/section-title.ts';
import { THEME } from '../markup/theme.ts';

export interface ValueOutlookRow {
  segment: string;
  predictedValue: string;
  likelyLost: string;
  valueIfRetained: string;
}

export interface ValueOutlook {
  title: string;
  /** What is expected in total, the high-value customers to protect; or why there is no outlook. */
  summary: string[];
  /** A heading for each column of a row; null when the predictions are withheld (no table). */
  columns: Record<keyof ValueOutlookRow, string> | null;
  rows: ValueOutlookRow[];
  /** How far the model missed on the check period, against the naive guess; or the verdict's reason. */
  accuracy: string;
}

export interface ValueOutlookProps {
  valueOutlook: ValueOutlook | null;
}

/** Value ahead per segment, the customers likely lost and what they carry, and the model's accuracy. */
export function valueOutlookSection(view: ValueOutlookProps): string {
  const outlook = view.valueOutlook;
  if (!outlook) return '';
  const summary = outlook.summary.map((line) => escapeHtml(line)).join('<br>');
  const { columns } = outlook;
  const table =
    columns === null || outlook.rows.length === 0
      ? ''
      : `<mj-table font-size="12px" line-height="16px" padding="4px 4px" cellpadding="4" table-layout="auto">${dataTable(
          [columns.segment, columns.predictedValue, { lines: [columns.likelyLost, columns.valueIfRetained] }],
          outlook.rows.map((row) => [
            row.segment,
            row.predictedValue,
            { lines: [row.likelyLost, row.valueIfRetained] },
          ]),
        )}</mj-table>`;
  return card(
    'section-value-outlook',
    `${sectionTitle(outlook.title)}
      <mj-text font-size="14px" line-height="20px" padding="4px 8px">${summary}</mj-text>
      ${table}
      <mj-text font-size="11px" line-height="16px" color="${THEME.muted}" padding="4px 8px">${escapeHtml(outlook.accuracy)}</mj-text>`,
  );
}
