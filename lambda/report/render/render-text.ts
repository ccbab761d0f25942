/** The plain-text alternative: the same sections and numbers as the HTML, from the same view model. */
import type { ReportView } from '../templates/report-view.ts';

/** The lines of one section of the plain text; none when the section has nothing to say. */
type TextSection = (view: ReportView) => string[];

/** The sections in the order of the HTML email. */
const SECTIONS: readonly TextSection[] = [
  headerLines,
  periodActivityLines,
  headlineLines,
  trendsLines,
  keyPointLines,
  alertLines,
  overviewLines,
  migrationLines,
  valueOutlookLines,
  strategyLines,
  budgetLines,
  watchLines,
  nextStepLines,
  dataQualityLines,
  customerFileLines,
  footerLines,
];

/** Renders the view model as plain text, one section after the other. */
export function renderText(view: ReportView): string {
  return `${SECTIONS.flatMap((section) => section(view)).join('\n')}\n`;
}

/** A blank line, the title in capitals, and a rule as long as the title (60 characters at most). */
function heading(title: string): string[] {
  return ['', title.toUpperCase(), '-'.repeat(Math.min(title.length, 60))];
}

function headerLines({ header }: ReportView): string[] {
  return [
    header.title,
    [header.company, header.kind].filter(Boolean).join(' · '),
    header.period,
    ...(header.asOf ? [header.asOf] : []),
    header.source,
  ];
}

function periodActivityLines({ periodActivity, labels }: ReportView): string[] {
  if (!periodActivity) return [];
  const { title, comparison, note, tiles } = periodActivity;
  return [
    ...heading(title),
    `(${comparison})`,
    ...(note ? [`! ${note}`] : []),
    ...tiles.map((tile) => tileLine(tile, labels.colon)),
  ];
}

function headlineLines({ headline, labels }: ReportView): string[] {
  const kpis = headline.map((kpi) => tileLine(kpi, labels.colon));
  return [...heading(labels.headline), `(${labels.comparison})`, ...kpis];
}

function tileLine(kpi: ReportView['headline'][number], colon: string): string {
  const delta = kpi.delta ? ` (${kpi.delta.text})` : '';
  const detail = kpi.detail ? ` - ${kpi.detail}` : '';
  return `${kpi.label}${colon} ${kpi.value}${delta}${detail}`;
}

/** The charts' numbers as short tables, the forecast's line under them. */
function trendsLines({ trends, labels: { colon } }: ReportView): string[] {
  if (!trends) return [];
  const table = trends.table;
  if (!table) return [...heading(trends.title), trends.note];
  return [
    ...heading(trends.title),
    `${table.revenueTitle}${colon}`,
    ...table.revenue.map((row) => `  ${row.period}  ${row.value}`),
    ...(table.buyers.length > 0 ? [`${table.buyersTitle}${colon}`] : []),
    ...table.buyers.map((row) => `  ${row.segment}  ${row.last} (${row.before})`),
    ...(table.cohorts.length > 0 ? [`${table.cohortsTitle}${colon}`] : []),
    ...table.cohorts.map((row) => `  ${row.cohort}  ${row.share}`),
    trends.note,
  ];
}

function keyPointLines({ keyPoints, labels }: ReportView): string[] {
  if (keyPoints.length === 0) return [];
  return [...heading(labels.keyPoints), ...keyPoints.map((point) => `* ${point.text}`)];
}

function alertLines({ alerts, labels }: ReportView): string[] {
  if (alerts.length === 0) return [];
  return [...heading(labels.alerts), ...alerts.map((alert) => `! ${alert}`)];
}

function overviewLines({ overviews, labels: { colon } }: ReportView): string[] {
  return overviews.flatMap(({ title, columns, rows }) => [
    ...heading(title),
    ...rows.map((row) => {
      const response = row.responseRate ? `, ${columns.responseRate}${colon} ${row.responseRate}` : '';
      const basket = row.basket ? `; ${row.basket}` : '';
      return `${row.name}${colon} ${row.customers} ${columns.customers.toLowerCase()} (${row.shareOfBase}), ${row.revenue} (${row.shareOfRevenue}), ${columns.averageOrderValue}${colon} ${row.averageOrderValue}, ${columns.frequency}${colon} ${row.frequency}, ${columns.recency}${colon} ${row.recency}${response}, ${columns.priority}${colon} ${row.priority}${basket}`;
    }),
  ]);
}

function migrationLines({ migration }: ReportView): string[] {
  if (!migration) return [];
  return [...heading(migration.title), migration.summary, ...migration.moves.map((move) => `* ${move}`)];
}

function valueOutlookLines({ valueOutlook, labels }: ReportView): string[] {
  if (!valueOutlook) return [];
  const { columns } = valueOutlook;
  return [
    ...heading(valueOutlook.title),
    ...valueOutlook.summary,
    ...(columns === null
      ? []
      : valueOutlook.rows.map(
          (row) =>
            `${row.segment}${labels.colon} ${columns.predictedValue} ${row.predictedValue}, ${columns.likelyLost} ${row.likelyLost}, ${columns.valueIfRetained} ${row.valueIfRetained}`,
        )),
    `  ${valueOutlook.accuracy}`,
  ];
}

function strategyLines({ strategies, labels }: ReportView): string[] {
  if (strategies.length === 0) return [];
  const { strategy: label, colon } = labels;
  return [
    ...heading(labels.strategies),
    ...strategies.flatMap((strategy) => [
      `${strategy.segment} (${strategy.customers}) - ${strategy.priority}`,
      `  ${label.objective}${colon} ${strategy.objective}`,
      ...strategy.actions.map((action) => `  - ${action}`),
      `  ${label.channel}${colon} ${strategy.channel}; ${label.frequency}${colon} ${strategy.frequency}; ${label.tone}${colon} ${strategy.tone}`,
    ]),
  ];
}

function budgetLines({ budget, labels }: ReportView): string[] {
  if (!budget) return [];
  const { columns } = budget;
  return [
    ...heading(labels.budget),
    ...(budget.rows.length > 0 ? [...budget.rows, budget.total] : []).flatMap((row) => [
      `${row.segment}${labels.colon} ${columns.budget} ${row.budget} (${columns.customers} ${row.customers}, ${columns.perCustomer} ${row.perCustomer}), ${columns.expectedReturn} ${row.expectedReturn}, ${columns.roi} ${row.roi}`,
      ...row.topActions.map((action) => `  - ${action}`),
    ]),
    ...budget.decisions,
    ...budget.assumptions.map((assumption) => `  ${assumption}`),
  ];
}

function watchLines({ watch, labels }: ReportView): string[] {
  if (watch.length === 0) return [];
  return [
    ...heading(labels.watch),
    ...watch.map((row) => `${row.kpi}${labels.colon} ${row.current} (${row.target}) - ${row.status}`),
  ];
}

function nextStepLines({ nextSteps, labels }: ReportView): string[] {
  return [...heading(labels.nextSteps), ...nextSteps.map((step, index) => `${index + 1}. ${step}`)];
}

function dataQualityLines({ dataQuality, labels }: ReportView): string[] {
  return [
    ...heading(labels.dataQuality),
    ...dataQuality.facts.map((fact) => `${fact.label}${labels.colon} ${fact.value}`),
    ...dataQuality.notes,
  ];
}

function customerFileLines({ customerFile }: ReportView): string[] {
  if (!customerFile) return [];
  return [
    ...heading(customerFile.title),
    customerFile.text,
    ...(customerFile.link ? [customerFile.link.url] : []),
  ];
}

function footerLines({ footer }: ReportView): string[] {
  return ['', '--', footer.generated, ...footer.methods];
}
