/** The headline figures of the report, and how a KPI's change since the previous report is told. */
import type { BaseKpis } from '../../engine/kpis/index.ts';
import type { Formatters } from '../locale/formatters.ts';
import type { Messages } from '../locale/messages.ts';
import type { HeadlineKpi, KpiDelta, Trend } from '../templates/sections/headline-section.ts';
import type { ReportContext } from './report-context.ts';
import { slippingSegments } from './slipping-segments.ts';

/** The KPIs of the headline, named as the messages name them. */
type HeadlineKey = Exclude<keyof Messages['kpis'], 'sincePrevious' | 'noPrevious'>;

/** How a KPI is read: its value, how it is shown, whether a rise is good, and whether it is a share. */
interface HeadlineDefinition {
  key: HeadlineKey;
  value: (kpis: BaseKpis) => number | undefined;
  show: (value: number, format: Formatters) => string;
  higherIsBetter: boolean;
  isShare: boolean;
}

type ShowValue = HeadlineDefinition['show'];
const asInteger: ShowValue = (value, format) => format.integer(value);
const asMoney: ShowValue = (value, format) => format.money(value);
const asMoneyExact: ShowValue = (value, format) => format.moneyExact(value);
const asRatio: ShowValue = (value, format) => format.ratio(value);
const asPercent: ShowValue = (value, format) => format.percent(value);

/** A count or an amount, higher is better: its change is told in percent of its previous value. */
function amount(key: HeadlineKey, value: HeadlineDefinition['value'], show: ShowValue): HeadlineDefinition {
  return { key, value, show, higherIsBetter: true, isShare: false };
}

/** A share: shown in percent, its change told in percentage points. */
function share(
  key: HeadlineKey,
  value: HeadlineDefinition['value'],
  higherIsBetter = true,
): HeadlineDefinition {
  return { key, value, show: asPercent, higherIsBetter, isShare: true };
}

/** The tiles in their order; a tile whose KPI the analysis does not have is left out. */
const DEFINITIONS: readonly HeadlineDefinition[] = [
  amount('customers', (kpis) => kpis.customers, asInteger),
  amount('activeCustomers', (kpis) => kpis.activeCustomers, asInteger),
  amount('revenue', (kpis) => kpis.revenue, asMoney),
  amount('averageOrderValue', (kpis) => kpis.averageOrderValue, asMoneyExact),
  amount('ordersPerCustomer', (kpis) => kpis.ordersPerCustomer, asRatio),
  share('repeatRate', (kpis) => kpis.repeatRate),
  share('retentionRate', (kpis) => kpis.retentionRate),
  share('atRiskShare', (kpis) => kpis.atRiskCustomerShare, false),
];

/** The headline tiles, each with its change since the previous report when there is one. */
export function headlineKpis(context: ReportContext): HeadlineKpi[] {
  const { analysis, previous, messages, format } = context;
  const tiles: HeadlineKpi[] = [];
  for (const definition of DEFINITIONS) {
    const current = definition.value(analysis.kpis);
    if (current === undefined) continue;
    if (definition.key === 'atRiskShare' && analysis.rfm === null) continue;
    const before = previous ? definition.value(previous.kpis) : undefined;
    tiles.push({
      key: definition.key,
      label: messages.kpis[definition.key],
      value: definition.show(current, format),
      detail: detailOf(definition.key, context),
      delta: before === undefined ? null : kpiDelta(current, before, definition, context),
    });
  }
  return tiles;
}

/** The second line of a tile: the active share and its window; which segments are slipping away. */
function detailOf(key: HeadlineKey, context: ReportContext): string | null {
  const { analysis, messages, format } = context;
  if (key === 'activeCustomers') {
    const share = format.percent(analysis.kpis.activeCustomers / Math.max(1, analysis.kpis.customers));
    return `${share}, ${messages.activeDetail(format.integer(analysis.activeWindowDays))}`;
  }
  return key === 'atRiskShare' ? slippingSegments(context) : null;
}

/**
 * A share moves in percentage points, anything else in percent of its previous value (of its size, so that a
 * rise from a negative base reads as a rise). A change that has no meaning (a relative change from 0) or is not a
 * finite number (an analysis read without its schema, a sum that overflowed) is not shown at all: no "+100%"
 * invented from nothing, no "NaN%" or "+∞%" in the subject, and no "0%" claiming that nothing moved.
 */
export function kpiDelta(
  current: number,
  before: number,
  definition: Pick<HeadlineDefinition, 'higherIsBetter' | 'isShare'>,
  context: Pick<ReportContext, 'format'>,
): KpiDelta | null {
  const difference = current - before;
  if (!definition.isShare && before === 0 && current !== 0) return null;
  const change = definition.isShare ? difference : before === 0 ? 0 : difference / Math.abs(before);
  // Shown in percent or in points, i.e. times 100: that product must be finite too.
  if (!Number.isFinite(change * 100)) return null;
  const trend: Trend = Math.abs(difference) < 1e-9 ? 'flat' : difference > 0 ? 'up' : 'down';
  const text = definition.isShare ? context.format.pointsChange(change) : context.format.change(change);
  return { text, trend, favourable: trend === 'flat' || (trend === 'up') === definition.higherIsBetter };
}
