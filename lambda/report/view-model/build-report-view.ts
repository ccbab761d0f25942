/** The whole view model of a report: each part built by its own step, in the order the email shows them. */
import type { ReportView } from '../templates/report-view.ts';
import { firedAlerts } from './alerts.ts';
import { type BudgetPlans, planBudgets } from './budget-plan.ts';
import { type BudgetJson, budgetJson } from './budget-json.ts';
import { budgetTable } from './budget-table.ts';
import { customerFileNote } from './customer-file.ts';
import { dataQuality } from './data-quality.ts';
import { headlineKpis } from './headline-kpis.ts';
import { keyPoints } from './key-points.ts';
import { kpisToWatch, nextSteps } from './kpi-watch.ts';
import { migrationSummary } from './migration-summary.ts';
import { reportContext, type ReportInput } from './report-context.ts';
import { reportFooter } from './report-footer.ts';
import { periodActivity } from './period-activity.ts';
import { preheader, reportHeader, subjectLine } from './report-header.ts';
import { reportLabels } from './report-labels.ts';
import { overviewTables, shareChart } from './segment-overview.ts';
import { strategyCards } from './strategy-cards.ts';
import { valueOutlook } from './value-outlook.ts';
import { type TrendChart, trendCharts } from './trend-charts.ts';
import { trendsView } from './trends-view.ts';

/** A report's view model, and the inputs of the charts its trends section shows by Content-ID. */
export interface BuiltReport {
  view: ReportView;
  /** The charts `view.trends.images` references, to be drawn as PNGs; none without trends. */
  charts: TrendChart[];
  /** The budget in full, action by action, for the archive (budget-json.ts). */
  budget: BudgetJson;
}

/** Builds the whole report view model from an analysis (and the previous one of the same kind, if any). */
export function buildReportView(input: ReportInput): ReportView {
  return buildReport(input).view;
}

/** The view model and the charts' inputs, from one context. */
export function buildReport(input: ReportInput): BuiltReport {
  const context = reportContext(input);
  const trends = trendsView(context);
  const plans = planBudgets(context.primaryGroups, context.settings.playbook, context.settings.totalBudget);
  return {
    view: reportView(context, trends, plans),
    charts: trends?.images.length ? trendCharts(context) : [],
    budget: budgetJson(plans, context.currency.code, context),
  };
}

function reportView(
  context: ReturnType<typeof reportContext>,
  trends: ReportView['trends'],
  plans: BudgetPlans,
): ReportView {
  return {
    locale: context.settings.locale,
    subject: subjectLine(context),
    preheader: preheader(context),
    header: reportHeader(context),
    labels: reportLabels(context),
    periodActivity: periodActivity(context),
    headline: headlineKpis(context),
    trends,
    keyPoints: keyPoints(context, plans.plans),
    overviews: overviewTables(context),
    chart: shareChart(context, context.primaryGroups),
    strategies: strategyCards(context, plans.plans),
    budget: budgetTable(context, plans),
    alerts: firedAlerts(context),
    watch: kpisToWatch(context),
    nextSteps: nextSteps(context, plans.plans),
    dataQuality: dataQuality(context),
    customerFile: customerFileNote(context),
    migration: migrationSummary(context),
    valueOutlook: valueOutlook(context),
    footer: reportFooter(context),
  };
}
