/** The groups side by side: the overview tables (RFM segments, then clusters) and the share chart. */
import type { Playbook, Priority } from '../playbook/strategy.ts';
import type { ShareChart } from '../templates/sections/chart-section.ts';
import type { OverviewTable } from '../templates/sections/overview-section.ts';
import { planBudgets } from './budget-plan.ts';
import type { ClusterBasket } from './cluster-basket.ts';
import type { ReportContext, ReportGroup } from './report-context.ts';

/**
 * One table of RFM segments and one of clusters, each when the analysis has them, each group with the priority
 * its plan earns (budget-plan.ts: the same rule for both).
 */
export function overviewTables(context: ReportContext): OverviewTable[] {
  const { messages, rfmGroups, clusterGroups } = context;
  const tables: OverviewTable[] = [];
  if (rfmGroups) tables.push(overviewTable(context, messages.sections.rfmOverview, rfmGroups));
  if (clusterGroups) tables.push(overviewTable(context, messages.sections.clusterOverview, clusterGroups));
  return tables;
}

/** One overview table of groups (RFM segments or clusters), with response rate only when the data has it. */
function overviewTable(context: ReportContext, title: string, groups: readonly ReportGroup[]): OverviewTable {
  const { messages, format, settings } = context;
  const priorities = prioritiesOf(groups, settings.playbook, settings.totalBudget);
  const hasResponse = groups.some((group) => group.kpis.responseRate !== undefined);
  return {
    title,
    columns: {
      segment: messages.table.segment,
      customers: messages.table.customers,
      shareOfBase: messages.table.shareOfBase,
      revenue: messages.table.revenue,
      shareOfRevenue: messages.table.shareOfRevenue,
      averageOrderValue: messages.table.averageOrderValue,
      frequency: messages.table.frequency,
      recency: messages.table.recency,
      responseRate: hasResponse ? messages.table.responseRate : null,
      priority: messages.table.priority,
    },
    rows: groups.map((group) => {
      const priority = priorities.get(group.key) ?? 'low';
      return {
        key: group.key,
        name: group.name,
        customers: format.integer(group.kpis.customers),
        shareOfBase: format.percent(group.kpis.share),
        revenue: format.money(group.kpis.revenue),
        shareOfRevenue: format.percent(group.kpis.revenueShare),
        averageOrderValue: format.moneyExact(group.kpis.averageOrderValue),
        frequency: format.ratio(group.kpis.ordersPerCustomer),
        recency: format.integer(Math.round(group.kpis.meanRecencyDays)),
        responseRate:
          hasResponse && group.kpis.responseRate !== undefined
            ? format.percent(group.kpis.responseRate)
            : null,
        priority: messages.priority[priority],
        priorityLevel: priority,
        ...(group.basket && { basket: basketLine(context, group.basket) }),
      };
    }),
  };
}

/** A cluster's basket in words (purchase-diversity features only): categories when the log had them. */
function basketLine(context: ReportContext, basket: ClusterBasket): string {
  const { messages, format } = context;
  const { distinctCategories } = basket;
  return messages.basket(
    format.ratio(basket.distinctProducts),
    distinctCategories === undefined ? null : format.ratio(distinctCategories),
    format.percent(basket.topProductShare),
  );
}

function prioritiesOf(
  groups: readonly ReportGroup[],
  playbook: Playbook,
  totalBudget: number | undefined,
): ReadonlyMap<string, Priority> {
  return new Map(
    planBudgets(groups, playbook, totalBudget).plans.map((plan) => [plan.group.key, plan.priority]),
  );
}

/** Table-drawn bars of each group's share of customers and of revenue (no image: every client shows them). */
export function shareChart(context: ReportContext, groups: readonly ReportGroup[]): ShareChart | null {
  if (groups.length === 0) return null;
  const { messages, format } = context;
  const widest = Math.max(...groups.flatMap((group) => [group.kpis.share, group.kpis.revenueShare]), 1e-9);
  const width = (share: number) => Math.max(share > 0 ? 1 : 0, Math.round((share / widest) * 100));
  return {
    title: messages.sections.chart,
    customersLegend: messages.chart.customersBar,
    revenueLegend: messages.chart.revenueBar,
    bars: groups.map((group) => ({
      label: group.name,
      customersWidth: width(group.kpis.share),
      revenueWidth: width(group.kpis.revenueShare),
      customersText: format.percent(group.kpis.share),
      revenueText: format.percent(group.kpis.revenueShare),
      alt: messages.chart.alt(
        group.name,
        format.percent(group.kpis.share),
        format.percent(group.kpis.revenueShare),
      ),
    })),
  };
}
