import type { ReportView } from '../../lambda/report/view-model/report-view.ts';
import { escapeHtml } from '../escape-html.ts';
import { THEME } from '../theme.ts';
import { type Cell, dataTable } from './data-table.ts';
import { card, sectionTitle } from './section-title.ts';

/** Budget, expected return and ROI per segment and in total, with the assumptions under the table. */
export function budgetSection(view: ReportView): string {
  const budget = view.budget;
  if (!budget) return '';
  const { columns } = budget;
  // Four columns, the second facts under the first (customers x per customer = budget; return, then ROI), so
  // that the table fits a 375 px phone.
  const row = (r: typeof budget.total): Cell[] => [
    r.segment,
    { lines: [r.customers, r.perCustomer] },
    r.budget,
    { lines: [r.expectedReturn, r.roi] },
  ];
  const assumptions = budget.assumptions.map((line) => escapeHtml(line)).join('<br>');
  return card(
    'section-budget',
    `${sectionTitle(view.labels.budget)}
      <mj-table font-size="12px" line-height="16px" padding="4px 4px" cellpadding="4" table-layout="auto">${dataTable(
        [
          columns.segment,
          { lines: [columns.customers, columns.perCustomer] },
          columns.budget,
          { lines: [columns.expectedReturn, columns.roi] },
        ],
        budget.rows.map(row),
        row(budget.total),
      )}</mj-table>
      <mj-text font-size="11px" line-height="16px" color="${THEME.muted}" padding="4px 8px">${assumptions}</mj-text>`,
  );
}
