/** The budget section of the email, and the budget table it renders. */
import { type Cell, dataTable } from '../markup/data-table.ts';
import { escapeHtml } from '../markup/escape-html.ts';
import { card, sectionTitle } from '../markup/section-title.ts';
import { THEME } from '../markup/theme.ts';

export interface BudgetRow {
  segment: string;
  /** The plan's largest actions with their budgets, under its name; none on the total. */
  topActions: string[];
  customers: string;
  perCustomer: string;
  budget: string;
  expectedReturn: string;
  roi: string;
}

export interface BudgetTable {
  /** A heading for each column of a row. */
  columns: Record<Exclude<keyof BudgetRow, 'topActions'>, string>;
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

/**
 * Budget, expected return and ROI per segment and in total, each segment's largest actions under its name, with the
 * assumptions under the table.
 */
export function budgetSection(view: BudgetProps): string {
  const budget = view.budget;
  if (!budget) return '';
  const { columns } = budget;
  // Four narrow columns, second facts under the first (the customers under the segment's heading; return, then
  // ROI), so that the table fits a 375 px phone. The name and its largest actions have a row of their own across
  // the table, above its figures: in the first column the actions' longer words pushed the table past 375 px.
  const figures = (r: BudgetRow, first: Cell): Cell[] => [
    first,
    r.perCustomer,
    r.budget,
    { lines: [r.expectedReturn, r.roi] },
  ];
  const headers: Cell[] = [
    { lines: [columns.segment, columns.customers] },
    columns.perCustomer,
    columns.budget,
    { lines: [columns.expectedReturn, columns.roi] },
  ];
  const rows = budget.rows.flatMap((r) => [
    [{ lines: [r.segment, ...r.topActions], span: headers.length }],
    figures(r, r.customers),
  ]);
  const { total } = budget;
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
          headers,
          rows,
          figures(total, { lines: [total.segment, total.customers] }),
        )}</mj-table>`;
  return card(
    'section-budget',
    `${sectionTitle(view.labels.budget)}
      ${table}
      ${decisions}
      <mj-text font-size="11px" line-height="16px" color="${THEME.muted}" padding="4px 8px">${assumptions}</mj-text>`,
  );
}
