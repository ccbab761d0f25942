/** The key points of the report: a few sentences with numbers, each about one segment. */
import type { KeyPoint } from '../templates/sections/key-points-section.ts';
import type { SegmentPlan } from './budget-plan.ts';
import { AT_RISK_SEGMENTS } from '../../engine/rfm/rfm-segments.ts';
import type { ReportContext, ReportGroup } from './report-context.ts';
import { slippingSegments } from './slipping-segments.ts';
import { trendKeyPoint } from './trend-alerts.ts';

const UPSELL_KEYS = ['loyal', 'potentialLoyalists'];
const NEWCOMER_KEYS = ['new', 'promising'];

/** The groups of the report by key. */
type GroupsByKey = ReadonlyMap<string, ReportGroup>;

/**
 * Three to five sentences with numbers, each about one segment: the biggest opportunity (highest expected net
 * return), the retention alert, the up-sell potential, revenue concentration, and newcomers or campaign response.
 * A sentence appears only when its segment exists; the largest group fills in when fewer than three apply.
 */
export function keyPoints(context: ReportContext, plans: readonly SegmentPlan[]): KeyPoint[] {
  const byKey: GroupsByKey = new Map(context.primaryGroups.map((group) => [group.key, group]));
  const points = [
    // The strongest early warning of the trends first: a turn for the worse is news the other points are not.
    trendKeyPoint(context),
    opportunityPoint(context, plans),
    retentionPoint(context, byKey),
    upsellPoint(context, byKey),
    concentrationPoint(context),
    responseOrNewcomersPoint(context, byKey),
  ].filter((point) => point !== null);
  return [...points, ...fillerPoints(context, points)].slice(0, 5);
}

/** The plan with the highest expected net return, when it returns more than it costs. */
function opportunityPoint(
  { messages, format }: ReportContext,
  plans: readonly SegmentPlan[],
): KeyPoint | null {
  const best = plans
    .filter((plan) => plan.funded)
    .sort((a, b) => b.expectedReturn - b.budget - (a.expectedReturn - a.budget))[0];
  if (!best) return null;
  return {
    segment: best.group.name,
    text: messages.keyPoint.opportunity({
      segment: best.group.name,
      customers: format.integer(best.group.kpis.customers),
      budget: format.money(best.budget),
      expectedReturn: format.money(best.expectedReturn),
      roi: best.roi === null ? '–' : format.percent(best.roi),
    }),
  };
}

/** RFM only: the customers of the at-risk segments, spoken of as the largest of them. */
function retentionPoint(context: ReportContext, byKey: GroupsByKey): KeyPoint | null {
  const { analysis, messages, format } = context;
  const atRisk = groupsOf(byKey, AT_RISK_SEGMENTS);
  if (!context.rfmGroups || atRisk.length === 0) return null;
  return {
    segment: largest(atRisk).name,
    text: messages.keyPoint.retention({
      customers: format.integer(atRisk.reduce((sum, group) => sum + group.kpis.customers, 0)),
      share: format.percent(analysis.kpis.atRiskCustomerShare),
      revenueShare: format.percent(analysis.kpis.atRiskRevenueShare),
      segments: slippingSegments(context),
    }),
  };
}

/** The largest loyal group, when its customers spend less per order than the champions. */
function upsellPoint({ messages, format }: ReportContext, byKey: GroupsByKey): KeyPoint | null {
  const champions = byKey.get('champions');
  const upsell = groupsOf(byKey, UPSELL_KEYS);
  if (!champions || upsell.length === 0) return null;
  const target = largest(upsell);
  if (!(target.kpis.averageOrderValue < champions.kpis.averageOrderValue)) return null;
  return {
    segment: target.name,
    text: messages.keyPoint.upsell({
      segment: target.name,
      customers: format.integer(target.kpis.customers),
      aov: format.moneyExact(target.kpis.averageOrderValue),
      bestSegment: champions.name,
      bestAov: format.moneyExact(champions.kpis.averageOrderValue),
    }),
  };
}

/** The top fifth's share of revenue and the group with the most revenue, from five customers on. */
function concentrationPoint({ analysis, primaryGroups, messages, format }: ReportContext): KeyPoint | null {
  const topByRevenue = [...primaryGroups].sort((a, b) => b.kpis.revenue - a.kpis.revenue)[0];
  if (!(topByRevenue && analysis.kpis.customers >= 5)) return null;
  return {
    segment: topByRevenue.name,
    text: messages.keyPoint.concentration({
      share: format.percent(analysis.kpis.topFifthRevenueShare),
      segment: topByRevenue.name,
      segmentShare: format.percent(topByRevenue.kpis.revenueShare),
    }),
  };
}

/** The best response to the campaign when the data has one, else the largest group of newcomers. */
function responseOrNewcomersPoint(context: ReportContext, byKey: GroupsByKey): KeyPoint | null {
  const { analysis, primaryGroups, messages, format } = context;
  const overallResponse = analysis.kpis.responseRate;
  const responders = primaryGroups.filter((group) => group.kpis.responseRate !== undefined);
  if (overallResponse !== undefined && responders.length > 0) {
    const best = [...responders].sort((a, b) => (b.kpis.responseRate ?? 0) - (a.kpis.responseRate ?? 0))[0];
    if (!best) return null;
    return {
      segment: best.name,
      text: messages.keyPoint.bestResponse({
        segment: best.name,
        rate: format.percent(best.kpis.responseRate ?? 0),
        overall: format.percent(overallResponse),
      }),
    };
  }
  const newcomers = groupsOf(byKey, NEWCOMER_KEYS);
  if (newcomers.length === 0) return null;
  const group = largest(newcomers);
  return {
    segment: group.name,
    text: messages.keyPoint.newcomers({
      segment: group.name,
      customers: format.integer(group.kpis.customers),
      repeatRate: format.percent(analysis.kpis.repeatRate),
    }),
  };
}

/** Fewer than three sentences applied: the size of the largest groups fills in, those not yet spoken of first. */
function fillerPoints(
  { primaryGroups, messages, format }: ReportContext,
  points: readonly KeyPoint[],
): KeyPoint[] {
  const mentioned = new Set(points.map((point) => point.segment));
  const fillers = [...primaryGroups].sort(
    (a, b) =>
      Number(mentioned.has(a.name)) - Number(mentioned.has(b.name)) || b.kpis.customers - a.kpis.customers,
  );
  return fillers.slice(0, Math.max(0, 3 - points.length)).map((group) => ({
    segment: group.name,
    text: messages.keyPoint.groupShare({
      segment: group.name,
      share: format.percent(group.kpis.share),
      revenueShare: format.percent(group.kpis.revenueShare),
    }),
  }));
}

/** The groups of `keys` that the report has. */
function groupsOf(byKey: GroupsByKey, keys: readonly string[]): ReportGroup[] {
  return keys.map((key) => byKey.get(key)).filter((group) => group !== undefined);
}

/** The group with the most customers; callers check that there is one. */
function largest(groups: readonly ReportGroup[]): ReportGroup {
  const group = [...groups].sort((a, b) => b.kpis.customers - a.kpis.customers)[0];
  if (!group) throw new Error('largest() needs at least one group');
  return group;
}
