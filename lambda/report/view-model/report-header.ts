/** What names the report: the email's subject line and preheader, and the header at its top. */
import type { ReportHeader } from '../templates/sections/header-section.ts';
import { kpiDelta } from './headline-kpis.ts';
import { periodPreheader, periodSubject, wholeFileTitle } from './period-activity.ts';
import type { ReportContext } from './report-context.ts';

/**
 * The subject: an upload's report name or a scheduled report's kind, its period (a customer table: what it is),
 * revenue (and its change).
 */
export function subjectLine(context: ReportContext): string {
  const { analysis, previous, messages, format, kind } = context;
  const revenueDelta = previous
    ? kpiDelta(
        analysis.kpis.revenue,
        previous.kpis.revenue,
        { higherIsBetter: true, isShare: false },
        context,
      )
    : null;
  const title = kind === 'upload' ? reportTitle(context) : messages.kindLabel[kind];
  const ofPeriod = periodSubject(context, title);
  if (ofPeriod !== null) return ofPeriod;
  const table = customerTableText(context);
  if (table !== undefined) {
    // A customer table has no period of its own: it is described instead, its customers counted there once.
    const period = reportPeriodText(context);
    return messages.tableSubject({
      title: period ? `${title}, ${period}` : title,
      table,
      revenue: format.moneyShort(analysis.kpis.revenue),
      revenueChange: revenueDelta?.text ?? null,
    });
  }
  return messages.subject({
    title,
    period: reportPeriodText(context) ?? context.periodText,
    revenue: format.moneyShort(analysis.kpis.revenue),
    revenueChange: revenueDelta?.text ?? null,
    customers: format.integer(analysis.kpis.customers),
  });
}

/** The line an inbox shows after the subject: customers, revenue (an upload's) and the share slipping away. */
export function preheader(context: ReportContext): string {
  const { analysis, messages, format } = context;
  return (
    periodPreheader(context) ??
    messages.preheader({
      customers: format.integer(analysis.kpis.customers),
      revenue: format.moneyShort(analysis.kpis.revenue),
      atRisk: format.percent(analysis.kpis.atRiskCustomerShare),
    })
  );
}

/** Report name, company, kind (with a scheduled report's days), the data's period, as-of day and source. */
export function reportHeader(context: ReportContext): ReportHeader {
  const { analysis, messages, format, settings, kind } = context;
  const periodText = reportPeriodText(context);
  return {
    title: reportTitle(context),
    company: settings.companyName ?? null,
    kind: periodText ? `${messages.kindLabel[kind]}, ${periodText}` : messages.kindLabel[kind],
    period: customerTableText(context) ?? wholeFileTitle(context) ?? context.periodText,
    asOf: analysis.rfm ? messages.header.asOf(format.day(analysis.rfm.asOf)) : null,
    source: messages.header.source(
      context.sourceLabel ?? baseName(analysis.input.source),
      format.integer(analysis.input.rowsUsed),
    ),
  };
}

/** A customer table described ("2,240 customers, customer table"); undefined for a transaction log. */
function customerTableText({ analysis, messages, format }: ReportContext): string | undefined {
  return analysis.input.shape === 'customers'
    ? messages.header.customerTable(format.integer(analysis.kpis.customers))
    : undefined;
}

/** The configured report name, or the default one of the language. */
function reportTitle(context: ReportContext): string {
  return context.settings.reportName ?? context.messages.defaultReportName;
}

/** Scheduled reports: the days the report is about, in words; undefined when there are none. */
function reportPeriodText({ reportPeriod, messages, format }: ReportContext): string | undefined {
  return reportPeriod
    ? messages.header.period(format.day(reportPeriod.first), format.day(reportPeriod.last))
    : undefined;
}

/** The file name of a path or an s3:// address. */
function baseName(source: string): string {
  return source.split(/[\\/]/).pop() ?? source;
}
