import type { BaseKpis } from '../../engine/kpis/index.ts';
import type { ReportContext } from './report-context.ts';
import type { HeadlineKpi, KpiDelta, Trend } from './report-view.ts';

/** How a KPI is read: its value, how it is shown, whether a rise is good, and whether it is a share. */
interface HeadlineDefinition {
  key: string;
  value: (kpis: BaseKpis) => number | undefined;
  show: (value: number, context: ReportContext) => string;
  higherIsBetter: boolean;
  isShare: boolean;
}

const DEFINITIONS: HeadlineDefinition[] = [
  {
    key: 'customers',
    value: (k) => k.customers,
    show: (v, c) => c.format.integer(v),
    higherIsBetter: true,
    isShare: false,
  },
  {
    key: 'activeCustomers',
    value: (k) => k.activeCustomers,
    show: (v, c) => c.format.integer(v),
    higherIsBetter: true,
    isShare: false,
  },
  {
    key: 'revenue',
    value: (k) => k.revenue,
    show: (v, c) => c.format.money(v),
    higherIsBetter: true,
    isShare: false,
  },
  {
    key: 'averageOrderValue',
    value: (k) => k.averageOrderValue,
    show: (v, c) => c.format.moneyExact(v),
    higherIsBetter: true,
    isShare: false,
  },
  {
    key: 'ordersPerCustomer',
    value: (k) => k.ordersPerCustomer,
    show: (v, c) => c.format.decimal(v, 2),
    higherIsBetter: true,
    isShare: false,
  },
  {
    key: 'repeatRate',
    value: (k) => k.repeatRate,
    show: (v, c) => c.format.percent(v),
    higherIsBetter: true,
    isShare: true,
  },
  {
    key: 'retentionRate',
    value: (k) => k.retentionRate,
    show: (v, c) => c.format.percent(v),
    higherIsBetter: true,
    isShare: true,
  },
  {
    key: 'atRiskShare',
    value: (k) => k.atRiskCustomerShare,
    show: (v, c) => c.format.percent(v),
    higherIsBetter: false,
    isShare: true,
  },
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
      label: messages.kpis[definition.key as keyof typeof messages.kpis],
      value: definition.show(current, context),
      detail:
        definition.key === 'activeCustomers'
          ? `${format.percent(analysis.kpis.activeCustomers / Math.max(1, analysis.kpis.customers))}, ${messages.activeDetail(format.integer(analysis.activeWindowDays))}`
          : null,
      delta: before === undefined ? null : kpiDelta(current, before, definition, context),
    });
  }
  return tiles;
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
