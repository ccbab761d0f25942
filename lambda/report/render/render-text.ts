import type { ReportView } from '../view-model/report-view.ts';

/** The plain-text alternative: the same sections and numbers as the HTML, from the same view model. */
export function renderText(view: ReportView): string {
  const lines: string[] = [];
  const colon = view.labels.colon;
  const heading = (title: string) =>
    lines.push('', title.toUpperCase(), '-'.repeat(Math.min(title.length, 60)));
  const { header } = view;
  lines.push(header.title, [header.company, header.kind].filter(Boolean).join(' · '), header.period);
  if (header.asOf) lines.push(header.asOf);
  lines.push(header.source);

  heading(view.labels.headline);
  lines.push(`(${view.labels.comparison})`);
  for (const kpi of view.headline) {
    const delta = kpi.delta ? ` (${kpi.delta.text})` : '';
    const detail = kpi.detail ? ` - ${kpi.detail}` : '';
    lines.push(`${kpi.label}${colon} ${kpi.value}${delta}${detail}`);
  }
  if (view.keyPoints.length > 0) {
    heading(view.labels.keyPoints);
    for (const point of view.keyPoints) lines.push(`* ${point.text}`);
  }
  if (view.alerts.length > 0) {
    heading(view.labels.alerts);
    for (const alert of view.alerts) lines.push(`! ${alert}`);
  }
  for (const table of view.overviews) {
    heading(table.title);
    for (const row of table.rows) {
      const response = row.responseRate ? `, ${table.columns.responseRate}${colon} ${row.responseRate}` : '';
      lines.push(
        `${row.name}${colon} ${row.customers} ${table.columns.customers.toLowerCase()} (${row.shareOfBase}), ${row.revenue} (${row.shareOfRevenue}), ${table.columns.averageOrderValue}${colon} ${row.averageOrderValue}, ${table.columns.frequency}${colon} ${row.frequency}, ${table.columns.recency}${colon} ${row.recency}${response}, ${table.columns.priority}${colon} ${row.priority}`,
      );
    }
  }
  if (view.migration) {
    heading(view.migration.title);
    lines.push(view.migration.summary);
    for (const move of view.migration.moves) lines.push(`* ${move}`);
  }
  if (view.strategies.length > 0) {
    heading(view.labels.strategies);
    const labels = view.labels.strategy;
    for (const strategy of view.strategies) {
      lines.push(`${strategy.segment} (${strategy.customers}) - ${strategy.priority}`);
      lines.push(`  ${labels.objective}${colon} ${strategy.objective}`);
      for (const action of strategy.actions) lines.push(`  - ${action}`);
      lines.push(
        `  ${labels.channel}${colon} ${strategy.channel}; ${labels.frequency}${colon} ${strategy.frequency}; ${labels.tone}${colon} ${strategy.tone}`,
      );
    }
  }
  if (view.budget) {
    heading(view.labels.budget);
    const { columns } = view.budget;
    for (const row of [...view.budget.rows, view.budget.total]) {
      lines.push(
        `${row.segment}${colon} ${row.customers} x ${row.perCustomer} = ${columns.budget} ${row.budget}, ${columns.expectedReturn} ${row.expectedReturn}, ${columns.roi} ${row.roi}`,
      );
    }
    for (const assumption of view.budget.assumptions) lines.push(`  ${assumption}`);
  }
  if (view.watch.length > 0) {
    heading(view.labels.watch);
    for (const row of view.watch)
      lines.push(`${row.kpi}${colon} ${row.current} (${row.target}) - ${row.status}`);
  }
  heading(view.labels.nextSteps);
  view.nextSteps.forEach((step, index) => lines.push(`${index + 1}. ${step}`));
  heading(view.labels.dataQuality);
  for (const fact of view.dataQuality.facts) lines.push(`${fact.label}${colon} ${fact.value}`);
  for (const note of view.dataQuality.notes) lines.push(note);
  if (view.customerFile) {
    heading(view.customerFile.title);
    lines.push(view.customerFile.text);
    if (view.customerFile.link) lines.push(view.customerFile.link.url);
  }
  lines.push('', '--', view.footer.generated, ...view.footer.methods);
  return `${lines.join('\n')}\n`;
}
