/**
 * A scheduled report's own period, first: the week's (the quarter's) orders, revenue and customers, against the
 * period before and the same period a year earlier, and the subject that carries them. The whole file's figures
 * follow, labelled with their own dates (wholeFileTitle).
 */
import { type ActivityFigures, type DayRange, lastDayOf } from '../../engine/kpis/period-activity.ts';
import type { Formatters } from '../locale/formatters.ts';
import type { HeadlineKpi } from '../templates/sections/headline-section.ts';
import type { PeriodActivityView } from '../templates/sections/period-activity-section.ts';
import { kpiDelta } from './headline-kpis.ts';
import type { ReportContext } from './report-context.ts';

type ScheduledContext = ReportContext & { kind: 'weekly' | 'quarterly' };

/** The figures a tile shows, and how. */
interface TileDefinition {
  key: 'orders' | 'revenue' | 'customers' | 'newCustomers' | 'returningCustomers';
  value: (figures: ActivityFigures) => number | null;
  show: (value: number, format: Formatters) => string;
}

const asInteger = (value: number, format: Formatters) => format.integer(value);

/** Orders, revenue, then new and returning customers; or, when the file cannot tell them apart, customers. */
const TILES: readonly TileDefinition[] = [
  { key: 'orders', value: (figures) => figures.orders, show: asInteger },
  { key: 'revenue', value: (figures) => figures.revenue, show: (value, format) => format.money(value) },
  { key: 'newCustomers', value: (figures) => figures.newCustomers, show: asInteger },
  { key: 'returningCustomers', value: (figures) => figures.returningCustomers, show: asInteger },
  {
    key: 'customers',
    value: (figures) => (figures.newCustomers === null ? figures.customers : null),
    show: asInteger,
  },
];

/** The period's section; null for an upload, or an analysis that did not count a period (a customer table). */
export function periodActivity(context: ReportContext): PeriodActivityView | null {
  if (!isScheduled(context) || !context.analysis.activity) return null;
  const { messages, kind } = context;
  const { current, previous, yearAgo } = context.analysis.activity;
  const days = (range: DayRange | null) => (range ? daysText(range, context) : null);
  const tiles: HeadlineKpi[] = [];
  for (const definition of TILES) {
    const value = definition.value(current);
    if (value === null) continue;
    tiles.push(tileOf(definition, value, context));
  }
  return {
    title: messages.period.title(kind, daysText(current, context)),
    comparison: messages.period.comparison(kind, days(previous), days(yearAgo)),
    tiles,
    note: lateDataNote(context),
  };
}

/** A scheduled report's subject from its own period; null when the report is not about one. */
export function periodSubject(context: ReportContext, title: string): string | null {
  if (!isScheduled(context) || !context.analysis.activity) return null;
  const { messages, format, kind } = context;
  const { current, previous } = context.analysis.activity;
  const period = daysText(current, context);
  const lastOrder = context.analysis.period.lastPurchase;
  if (current.orders === 0 && lastOrder !== null && lastOrder < current.first) {
    return messages.period.subjectNoOrders({ title, period, lastOrder: format.day(lastOrder) });
  }
  const change = previous ? kpiDelta(current.revenue, previous.revenue, GROWTH, context) : null;
  return messages.period.subject({
    kind,
    title,
    period,
    orders: format.integer(current.orders),
    revenue: format.moneyShort(current.revenue),
    revenueChange: change?.text ?? null,
    customers: format.integer(current.customers),
  });
}

/** A scheduled report's inbox line: the base as a whole and since when; null when the report is not about a period. */
export function periodPreheader(context: ReportContext): string | null {
  const since = context.analysis.period.firstPurchase;
  if (!isScheduled(context) || !context.analysis.activity || since === null) return null;
  const { messages, format, analysis } = context;
  return messages.period.preheader({
    customers: format.integer(analysis.kpis.customers),
    atRisk: format.percent(analysis.kpis.atRiskCustomerShare),
    since: format.day(since),
  });
}

/** The headline's title when a period leads the report: the whole file, named with its dates. */
export function wholeFileTitle(context: ReportContext): string | null {
  return isScheduled(context) && context.analysis.activity
    ? context.messages.period.wholeFile(context.periodText)
    : null;
}

const GROWTH = { higherIsBetter: true, isShare: false } as const;

function tileOf(definition: TileDefinition, value: number, context: ScheduledContext): HeadlineKpi {
  const { messages, format, kind } = context;
  const { previous, yearAgo } = context.analysis.activity as NonNullable<
    ReportContext['analysis']['activity']
  >;
  const compared = (figures: ActivityFigures | null) => {
    const before = figures ? definition.value(figures) : null;
    return before === null ? null : { before, delta: kpiDelta(value, before, GROWTH, context) };
  };
  const onPrevious = compared(previous);
  const onYearAgo = compared(yearAgo);
  return {
    key: `period-${definition.key}`,
    label: messages.period[definition.key],
    value: definition.show(value, format),
    detail: onYearAgo
      ? messages.period.yearAgo(
          kind,
          definition.show(onYearAgo.before, format),
          onYearAgo.delta?.text ?? null,
        )
      : null,
    delta: onPrevious?.delta ?? null,
  };
}

/** The file's orders end before the period, or within it: said, since its figures are then not the whole period. */
function lateDataNote(context: ScheduledContext): string | null {
  const { messages, format, kind } = context;
  const lastOrder = context.analysis.period.lastPurchase;
  const current = context.analysis.activity?.current;
  if (lastOrder === null || current === undefined) return null;
  if (lastOrder < current.first) return messages.period.noOrders(kind, format.day(lastOrder));
  return lastOrder < lastDayOf(current) ? messages.period.endsEarly(kind, format.day(lastOrder)) : null;
}

/** "Dec 5, 2011 to Dec 11, 2011": the first and the last day of a half-open range. */
function daysText(range: DayRange, { messages, format }: ReportContext): string {
  return messages.header.period(format.day(range.first), format.day(lastDayOf(range)));
}

function isScheduled(context: ReportContext): context is ScheduledContext {
  return context.kind !== 'upload';
}
