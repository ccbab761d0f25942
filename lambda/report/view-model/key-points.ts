import type { SegmentPlan } from './budget-plan.ts';
import type { ReportContext, ReportGroup } from './report-context.ts';
import type { KeyPoint } from './report-view.ts';

const AT_RISK_KEYS = ['atRisk', 'cantLoseThem', 'aboutToSleep'];
const UPSELL_KEYS = ['loyal', 'potentialLoyalists'];
const NEWCOMER_KEYS = ['new', 'promising'];

/**
 * Three to five sentences with numbers, each about one segment: the biggest opportunity (highest expected net
 * return), the retention alert, the up-sell potential, revenue concentration, and newcomers or campaign response.
 * A sentence appears only when its segment exists; the largest group fills in when fewer than three apply.
 */
export function keyPoints(context: ReportContext, plans: readonly SegmentPlan[]): KeyPoint[] {
  const { analysis, messages, format, primaryGroups } = context;
  const kpis = analysis.kpis;
  const points: KeyPoint[] = [];
  const byKey = new Map(primaryGroups.map((group) => [group.key, group]));

  const best = [...plans].sort((a, b) => b.expectedReturn - b.budget - (a.expectedReturn - a.budget))[0];
  if (best && best.expectedReturn > best.budget) {
    points.push({
      segment: best.group.name,
      text: messages.keyPoint.opportunity({
        segment: best.group.name,
        customers: format.integer(best.group.kpis.customers),
        budget: format.money(best.budget),
        expectedReturn: format.money(best.expectedReturn),
        roi: best.roi === null ? '–' : format.percent(best.roi),
      }),
    });
  }

  const atRisk = AT_RISK_KEYS.map((key) => byKey.get(key)).filter((group) => group !== undefined);
  if (context.rfmGroups && atRisk.length > 0) {
    const biggest = largest(atRisk);
    points.push({
      segment: biggest.name,
      text: messages.keyPoint.retention({
        customers: format.integer(atRisk.reduce((sum, group) => sum + group.kpis.customers, 0)),
        share: format.percent(kpis.atRiskCustomerShare),
        revenueShare: format.percent(kpis.atRiskRevenueShare),
      }),
    });
  }

  const champions = byKey.get('champions');
  const upsell = UPSELL_KEYS.map((key) => byKey.get(key)).filter((group) => group !== undefined);
  if (champions && upsell.length > 0) {
    const target = largest(upsell);
    if (target.kpis.averageOrderValue < champions.kpis.averageOrderValue) {
      points.push({
        segment: target.name,
        text: messages.keyPoint.upsell({
          segment: target.name,
          customers: format.integer(target.kpis.customers),
          aov: format.moneyExact(target.kpis.averageOrderValue),
          bestSegment: champions.name,
          bestAov: format.moneyExact(champions.kpis.averageOrderValue),
        }),
      });
    }
  }

  const topByRevenue = [...primaryGroups].sort((a, b) => b.kpis.revenue - a.kpis.revenue)[0];
  if (topByRevenue && kpis.customers >= 5) {
    points.push({
      segment: topByRevenue.name,
      text: messages.keyPoint.concentration({
        share: format.percent(kpis.topFifthRevenueShare),
        segment: topByRevenue.name,
        segmentShare: format.percent(topByRevenue.kpis.revenueShare),
      }),
    });
  }

  const newcomers = NEWCOMER_KEYS.map((key) => byKey.get(key)).filter((group) => group !== undefined);
  const responders = primaryGroups.filter((group) => group.kpis.responseRate !== undefined);
  if (kpis.responseRate !== undefined && responders.length > 0) {
    const bestResponder = [...responders].sort(
      (a, b) => (b.kpis.responseRate ?? 0) - (a.kpis.responseRate ?? 0),
    )[0];
    if (bestResponder) {
      points.push({
        segment: bestResponder.name,
        text: messages.keyPoint.bestResponse({
          segment: bestResponder.name,
          rate: format.percent(bestResponder.kpis.responseRate ?? 0),
          overall: format.percent(kpis.responseRate),
        }),
      });
    }
  } else if (newcomers.length > 0) {
    const group = largest(newcomers);
    points.push({
      segment: group.name,
      text: messages.keyPoint.newcomers({
        segment: group.name,
        customers: format.integer(group.kpis.customers),
        repeatRate: format.percent(kpis.repeatRate),
      }),
    });
  }

  // Fewer than three sentences applied: the size of the largest groups fills in, those not yet spoken of first.
  const mentioned = new Set(points.map((point) => point.segment));
  const fillers = [...primaryGroups].sort(
    (a, b) =>
      Number(mentioned.has(a.name)) - Number(mentioned.has(b.name)) || b.kpis.customers - a.kpis.customers,
  );
  for (const group of fillers.slice(0, Math.max(0, 3 - points.length))) {
    points.push({
      segment: group.name,
      text: messages.keyPoint.groupShare({
        segment: group.name,
        share: format.percent(group.kpis.share),
        revenueShare: format.percent(group.kpis.revenueShare),
      }),
    });
  }
  return points.slice(0, 5);
}

/** The group with the most customers; callers check that there is one. */
function largest(groups: readonly ReportGroup[]): ReportGroup {
  const group = [...groups].sort((a, b) => b.kpis.customers - a.kpis.customers)[0];
  if (!group) throw new Error('largest() needs at least one group');
  return group;
}
