/** The KPIs-to-watch and next-steps sections of the email, and the rows and steps they render. */
import { dataTable } from '../markup/data-table.ts';
import { escapeHtml } from '../markup/escape-html.ts';
import { card, sectionTitle } from '../markup/section-title.ts';
import { THEME } from '../markup/theme.ts';

export interface WatchRow {
  kpi: string;
  current: string;
  target: string;
  onTarget: boolean;
  status: string;
}

export interface WatchProps {
  watch: WatchRow[];
  nextSteps: string[];
  labels: {
    watch: string;
    nextSteps: string;
    /** A heading for each column of a row. */
    watchColumns: Record<Exclude<keyof WatchRow, 'onTarget'>, string>;
  };
}

/** KPIs against their targets, then the next steps. */
export function watchSection(view: WatchProps): string {
  const columns = view.labels.watchColumns;
  const table =
    view.watch.length === 0
      ? ''
      : `<mj-table font-size="12px" line-height="16px" padding="4px 4px" cellpadding="4">${dataTable(
          [columns.kpi, columns.current, columns.target, columns.status],
          view.watch.map((row) => [
            row.kpi,
            row.current,
            row.target,
            { lines: [row.status], color: row.onTarget ? THEME.good : THEME.bad },
          ]),
        )}</mj-table>`;
  const steps = view.nextSteps.map((step) => `<li style="margin:0 0 6px;">${escapeHtml(step)}</li>`).join('');
  return `${card('section-watch', `${sectionTitle(view.labels.watch)}${table}`)}${card(
    'section-next-steps',
    `${sectionTitle(view.labels.nextSteps)}
      <mj-text font-size="14px" line-height="20px" padding="4px 8px"><ol style="margin:0;padding:0 0 0 20px;">${steps}</ol></mj-text>`,
  )}`;
}
