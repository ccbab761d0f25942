// The terminal's lines for `--period`: the period's own orders, revenue and customers, and the two periods it is
// compared with, in the email's formatting policy. The whole-file figures follow them in the summary.
import { type ActivityFigures, lastDayOf, type PeriodActivity } from '../engine/kpis/period-activity.ts';
import type { Formatters } from '../report/locale/formatters.ts';

/** `This period 2011-12-05 .. 2011-12-11: orders 484, revenue 408,569, customers 416 (26 new, 390 returning)`. */
export function periodLines(activity: PeriodActivity, format: Formatters): string[] {
  const line = (label: string, figures: ActivityFigures | null) =>
    figures === null
      ? `  ${label}: not in the file from its first day`
      : `  ${label} ${figuresText(figures, format)}`;
  return [
    `This period ${figuresText(activity.current, format)}`,
    line('the period before', activity.previous),
    line('the same period a year earlier', activity.yearAgo),
    'The whole file:',
  ];
}

function figuresText(figures: ActivityFigures, format: Formatters): string {
  const last = lastDayOf(figures);
  const split =
    figures.newCustomers === null || figures.returningCustomers === null
      ? ''
      : ` (${format.integer(figures.newCustomers)} new, ${format.integer(figures.returningCustomers)} returning)`;
  return (
    `${figures.first} .. ${last}: orders ${format.integer(figures.orders)}, revenue ${format.money(figures.revenue)}, ` +
    `customers ${format.integer(figures.customers)}${split}`
  );
}
