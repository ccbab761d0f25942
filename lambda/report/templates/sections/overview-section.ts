/** The overview sections of the email, and the tables of groups they render. */
import type { Messages } from '../../locale/messages.ts';
import type { Priority } from '../../playbook/strategy.ts';
import { type Cell, dataTable } from '../markup/data-table.ts';
import { card, sectionTitle } from '../markup/section-title.ts';
import { THEME } from '../markup/theme.ts';

/** The headings of an overview table: those of the messages, the response rate only when the data has it. */
export type OverviewColumns = Omit<Messages['table'], 'responseRate'> & { responseRate: string | null };

/**
 * One group's row: a text under each heading (its name under `segment`, a response rate only when the data has
 * one), with its key and the priority level that colours it.
 */
export type OverviewRow = Record<Exclude<keyof Messages['table'], 'segment' | 'responseRate'>, string> & {
  key: string;
  name: string;
  responseRate: string | null;
  priorityLevel: Priority;
  /** Clusters of purchase-diversity features only: what its customers buy, in words (a line under the name). */
  basket?: string;
};

export interface OverviewTable {
  title: string;
  columns: OverviewColumns;
  rows: OverviewRow[];
}

export interface OverviewProps {
  overviews: OverviewTable[];
}

/** The segment overview tables: RFM segments, then K-means clusters. Shares sit under their counts. */
export function overviewSections(view: OverviewProps): string {
  return view.overviews
    .map((table, index) => card(`section-overview section-overview-${index}`, overview(table)))
    .join('');
}

function overview(table: OverviewTable): string {
  const { columns } = table;
  // Five narrow columns, second facts under the first (the response rate under the recency, when known), so
  // that the table fits a 375 px phone; a cluster's basket (when K-means ran on it) in words under its name.
  const headers: Cell[] = [
    { lines: [columns.segment, columns.priority] },
    { lines: [columns.customers, columns.shareOfBase] },
    { lines: [columns.revenue, columns.shareOfRevenue] },
    { lines: [columns.averageOrderValue, columns.frequency] },
    { lines: [columns.recency, ...(columns.responseRate ? [columns.responseRate] : [])] },
  ];
  // The name has a row of its own across the table, above its figures: in the first column beside four columns of
  // figures it had 60 px on a phone, and "High-value loyal" wrapped over three lines.
  const rows: Cell[][] = table.rows.flatMap((row) => [
    [{ lines: [row.name], strong: true, span: headers.length }],
    ...(row.basket ? [[{ lines: [row.basket], color: THEME.muted, span: headers.length }]] : []),
    [
      { lines: [row.priority], color: THEME.priority[row.priorityLevel] },
      { lines: [row.customers, row.shareOfBase] },
      { lines: [row.revenue, row.shareOfRevenue] },
      { lines: [row.averageOrderValue, row.frequency] },
      { lines: [row.recency, ...(columns.responseRate ? [row.responseRate ?? '–'] : [])] },
    ],
  ]);
  return `${sectionTitle(table.title)}
      <mj-table font-size="12px" line-height="16px" padding="4px 0" cellpadding="3" table-layout="auto">${dataTable(headers, rows)}</mj-table>`;
}
