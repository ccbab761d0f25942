import { makeFormatters } from '../locale/formatters.ts';
import { MESSAGES_EN } from '../locale/messages-en.ts';
import { MESSAGES_FR } from '../locale/messages-fr.ts';
import type { Messages } from '../locale/messages.ts';
import type { ReportLocale } from '../report-settings.ts';
import { firedAlerts } from './alerts.ts';
import { budgetTable, planBudgets } from './budget-plan.ts';
import { customerFileNote } from './customer-file.ts';
import { dataQuality } from './data-quality.ts';
import { headlineKpis, kpiDelta } from './headline-kpis.ts';
import { keyPoints } from './key-points.ts';
import { kpisToWatch, nextSteps } from './kpi-watch.ts';
import { migrationSummary } from './migration-summary.ts';
import { groupsOf, type ReportContext, type ReportInput } from './report-context.ts';
import type { OverviewTable, ReportView } from './report-view.ts';
import { overviewTable, shareChart } from './segment-overview.ts';
import { strategyCards } from './strategy-cards.ts';

const MESSAGES: Record<ReportLocale, Messages> = { en: MESSAGES_EN, fr: MESSAGES_FR };

/** Builds the whole report view model from an analysis (and the previous one of the same kind, if any). */
export function buildReportView(input: ReportInput): ReportView {
  const context = reportContext(input);
  const { analysis, messages, format, settings } = context;
  const plans = planBudgets(context.primaryGroups, settings.playbook);
  const title = settings.reportName ?? messages.defaultReportName;
  const reportPeriodText = input.reportPeriod
    ? messages.header.period(format.day(input.reportPeriod.first), format.day(input.reportPeriod.last))
    : undefined;
  const revenueDelta = input.previous
    ? kpiDelta(
        analysis.kpis.revenue,
        input.previous.kpis.revenue,
        { higherIsBetter: true, isShare: false },
        context,
      )
    : null;
  const overviews: OverviewTable[] = [];
  if (context.rfmGroups)
    overviews.push(overviewTable(context, messages.sections.rfmOverview, context.rfmGroups));
  if (context.clusterGroups) {
    overviews.push(overviewTable(context, messages.sections.clusterOverview, context.clusterGroups));
  }
  return {
    locale: settings.locale,
    subject: messages.subject({
      title: input.kind === 'upload' ? title : messages.kindLabel[input.kind],
      period: reportPeriodText ?? context.periodText,
      revenue: format.moneyShort(analysis.kpis.revenue),
      revenueChange: revenueDelta?.text ?? null,
      customers: format.integer(analysis.kpis.customers),
    }),
    preheader: messages.preheader({
      customers: format.integer(analysis.kpis.customers),
      revenue: format.moneyShort(analysis.kpis.revenue),
      atRisk: format.percent(analysis.kpis.atRiskCustomerShare),
    }),
    header: {
      title,
      company: settings.companyName ?? null,
      kind: reportPeriodText
        ? `${messages.kindLabel[input.kind]}, ${reportPeriodText}`
        : messages.kindLabel[input.kind],
      period: context.periodText,
      asOf: analysis.rfm ? messages.header.asOf(format.day(analysis.rfm.asOf)) : null,
      source: messages.header.source(
        input.sourceLabel ?? baseName(analysis.input.source),
        format.integer(analysis.input.rowsUsed),
      ),
    },
    labels: {
      headline: messages.sections.headline,
      keyPoints: messages.sections.keyPoints,
      strategies: messages.sections.strategies,
      budget: messages.sections.budget,
      alerts: messages.sections.alerts,
      watch: messages.sections.watch,
      nextSteps: messages.sections.nextSteps,
      dataQuality: messages.sections.dataQuality,
      strategy: messages.strategy,
      watchColumns: {
        kpi: messages.watch.kpi,
        current: messages.watch.current,
        target: messages.watch.target,
        status: messages.watch.status,
      },
      comparison: input.previous ? messages.kpis.sincePrevious : messages.kpis.noPrevious,
      colon: settings.locale === 'fr' ? '\u00a0:' : ':',
    },
    headline: headlineKpis(context),
    keyPoints: keyPoints(context, plans),
    overviews,
    chart: shareChart(context, context.primaryGroups),
    strategies: strategyCards(context),
    budget: budgetTable(context, plans),
    alerts: firedAlerts(context),
    watch: kpisToWatch(context),
    nextSteps: nextSteps(context, plans),
    dataQuality: dataQuality(context),
    customerFile: customerFileNote(context),
    migration: migrationSummary(context),
    footer: {
      generated: messages.footer.generated(format.moment(input.now), settings.timeZone),
      methods: methods(context),
    },
  };
}

function reportContext(input: ReportInput): ReportContext {
  const { settings, analysis } = input;
  const messages = MESSAGES[settings.locale];
  const format = makeFormatters(settings.locale, settings.currency, settings.timeZone);
  const { firstPurchase, lastPurchase } = analysis.period;
  const periodText =
    firstPurchase && lastPurchase
      ? messages.header.period(format.day(firstPurchase), format.day(lastPurchase))
      : messages.header.noPeriod;
  return { ...input, messages, format, periodText, ...groupsOf(analysis, settings.locale) };
}

function methods(context: ReportContext): string[] {
  const { analysis, messages, format } = context;
  const lines: string[] = [];
  if (analysis.rfm) lines.push(messages.footer.rfmMethod);
  const clusters = analysis.clusters;
  if (clusters.skipped === null) {
    const selection = clusters.selection;
    const chosen = selection?.candidates.find((candidate) => candidate.k === clusters.k);
    const how =
      selection?.method !== 'silhouette'
        ? messages.footer.kFixed
        : chosen?.eligible
          ? messages.footer.kChosen(format.decimal(chosen.silhouette, 2))
          : messages.footer.kFallback;
    lines.push(messages.footer.kmeansMethod({ k: format.integer(clusters.k), how }));
  }
  return lines;
}

/** The file name of a path or an s3:// address. */
function baseName(source: string): string {
  return source.split(/[\\/]/).pop() ?? source;
}
