/** The alerts of the report: the thresholds of the settings that the analysis crosses, in words. */
import type { ReportContext } from './report-context.ts';
import { slippingSegments } from './slipping-segments.ts';
import { trendAlerts } from './trend-alerts.ts';

/** Monthly churn implied by the retention of one window of `windowDays`: 1 - retention^(30 / windowDays). */
export function monthlyChurn(retentionRate: number, windowDays: number): number {
  return 1 - retentionRate ** (30 / windowDays);
}

/** The alerts whose threshold is crossed, in words; none when nothing fires. */
export function firedAlerts(context: ReportContext): string[] {
  const { analysis, previous, settings, messages, format } = context;
  const thresholds = settings.alerts;
  const kpis = analysis.kpis;
  const alerts: string[] = [];
  const hasRecency = analysis.rfm !== null;
  // (customers - active) / customers rather than 1 - active / customers: the ratio of two integers is exact at a
  // threshold (1 - 700 / 1000 is 0.30000000000000004, which would alert at exactly 30%).
  const inactiveShare = kpis.customers > 0 ? (kpis.customers - kpis.activeCustomers) / kpis.customers : 0;
  if (hasRecency && inactiveShare > thresholds.maxInactiveShare) {
    alerts.push(
      messages.alert.inactive({
        share: format.percent(inactiveShare),
        days: format.integer(analysis.activeWindowDays),
        threshold: format.percent(thresholds.maxInactiveShare),
      }),
    );
  }
  if (previous && previous.kpis.averageOrderValue > 0) {
    const change = kpis.averageOrderValue / previous.kpis.averageOrderValue - 1;
    if (-change > thresholds.maxAverageOrderValueDrop) {
      alerts.push(
        messages.alert.aovDrop({
          change: format.change(change),
          threshold: format.percent(thresholds.maxAverageOrderValueDrop),
          previous: format.moneyExact(previous.kpis.averageOrderValue),
          current: format.moneyExact(kpis.averageOrderValue),
        }),
      );
    }
  }
  if (kpis.retentionRate !== undefined) {
    const churn = monthlyChurn(kpis.retentionRate, analysis.activeWindowDays);
    if (churn > thresholds.maxMonthlyChurn) {
      alerts.push(
        messages.alert.churn({
          monthly: format.percent(churn),
          threshold: format.percent(thresholds.maxMonthlyChurn),
          retention: format.percent(kpis.retentionRate),
          days: format.integer(analysis.activeWindowDays),
        }),
      );
    }
  }
  if (analysis.rfm && kpis.atRiskRevenueShare > thresholds.maxAtRiskRevenueShare) {
    alerts.push(
      messages.alert.atRiskRevenue({
        share: format.percent(kpis.atRiskRevenueShare),
        threshold: format.percent(thresholds.maxAtRiskRevenueShare),
        segments: slippingSegments(context),
      }),
    );
  }
  // The trends' early warnings, each with its numbers, after the thresholds of the settings.
  alerts.push(...trendAlerts(context));
  return alerts;
}
