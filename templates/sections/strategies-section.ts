import type { ReportView, StrategyCard } from '../../lambda/report/view-model/report-view.ts';
import { escapeHtml } from '../escape-html.ts';
import { THEME } from '../theme.ts';
import { card, sectionTitle } from './section-title.ts';

/** One block per segment: priority, objective, actions, channel, frequency and tone. */
export function strategiesSection(view: ReportView): string {
  if (view.strategies.length === 0) return '';
  const labels = view.labels.strategy;
  const blocks = view.strategies
    .map((strategy) => strategyBlock(strategy, labels, view.labels.colon))
    .join('');
  return card('section-strategies', `${sectionTitle(view.labels.strategies)}${blocks}`);
}

function strategyBlock(
  strategy: StrategyCard,
  labels: ReportView['labels']['strategy'],
  colon: string,
): string {
  const actions = strategy.actions.map((action) => `<li>${escapeHtml(action)}</li>`).join('');
  const detail = (label: string, value: string) =>
    `<span style="color:${THEME.muted};">${escapeHtml(label)}${colon}</span> ${escapeHtml(value)}`;
  return `
      <mj-text font-size="13px" line-height="19px" padding="6px 8px"><div style="border-left:3px solid ${THEME.priority[strategy.priorityLevel]};padding-left:8px;"><strong style="font-size:14px;">${escapeHtml(strategy.segment)}</strong> <span style="color:${THEME.muted};">(${escapeHtml(strategy.customers)})</span> <span style="color:${THEME.priority[strategy.priorityLevel]};">${escapeHtml(strategy.priority)}</span><br>${detail(labels.objective, strategy.objective)}<br>${escapeHtml(labels.actions)}${colon}<ul style="margin:2px 0;padding:0 0 0 18px;">${actions}</ul>${detail(labels.channel, strategy.channel)} · ${detail(labels.frequency, strategy.frequency)} · ${detail(labels.tone, strategy.tone)}</div></mj-text>`;
}
