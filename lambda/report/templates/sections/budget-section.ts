/** The budget section of the email, and the budget table it renders. */
import { type Cell, dataTable } from '../markup/data-table.ts';
import { escapeHtml } from '../markup/escape-html.ts';
import { card, sectionTitle } from '../markup/section-title.ts';
import { THEME } from '../markup/theme.ts';

export interface BudgetRow {
  segment: string;
  customers: string;
  perCustomer: string;
  budget: string;
  expectedReturn: string;
  roi: string;
}

export interface BudgetTable {
  /** A heading for each column of a row. */
  columns: Record<keyof BudgetRow, string>;
  rows: BudgetRow[];
  total: BudgetRow;
  /** What was not recommended or not funded, and why: one line each. */
  decisions: string[];
  assumptions: string[];
}

export interface BudgetProps {
  budget: BudgetTable | null;
  labels: { budget: string };
}

/** Budget, expected return and ROI per segment and in total, with the assumptions under the table. */
export function budgetSection(view: BudgetProps): string {
  const budget = view.budget;
  if (!budget) return '';
  const { columns } = budget;
  // Four columns, the second facts under the first (customers x per customer = budget; return, then ROI), so
  // that the table fits a 375 px phone.
  const row = (r: BudgetRow): Cell[] => [
    r.segment,
    { lines: [r.customers, r.perCustomer] },
    r.budget,
    { lines: [r.expectedReturn, r.roi] },
  ];
  const assumptions = budget.assumptions.map((line) => escapeHtml(line)).join('<br>');
  const decisions = budget.decisions.length
    ? `<mj-text font-size="13px" line-height="18px" padding="4px 8px">${budget.decisions
        .map((line) => escapeHtml(line))
        .join('<br>')}</mj-text>`
    : '';
  // No funded plan: no table of zeros, the decision line says why.
  const table =
    budget.rows.length === 0
      ? ''
      : `<mj-table font-size="12px" line-height="16px" padding="4px 4px" cellpadding="4" table-layout="auto">${dataTable(
          [
            columns.segment,
            { lines: [columns.customers, columns.perCustomer] },
            columns.budget,
            { lines: [columns.expectedReturn, columns.roi] },
          ],
          budget.rows.map(row),
          row(budget.total),
        )}</mj-table>`;
  return card(
    'section-budget',
    `${sectionTitle(view.labels.budget)}
      ${table}
      ${decisions}
      <mj-text font-size="11px" line-height="16px" color="${THEME.muted}" padding="4px 8px">${assumptions}</mj-text>`,
  );
}
