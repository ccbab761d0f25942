/** The strategies section of the email, and the strategy cards it renders. */
import type { Priority } from '../../playbook/strategy.ts';
import { escapeHtml } from '../markup/escape-html.ts';
import { card, sectionTitle } from '../markup/section-title.ts';
import { THEME } from '../markup/theme.ts';

export interface StrategyCard {
  segment: string;
  customers: string;
  priority: string;
  priorityLevel: Priority;
  objective: string;
  actions: string[];
  channel: string;
  frequency: string;
  tone: string;
}

/** The label before each detail of a card. */
export type StrategyLabels = Record<'objective' | 'actions' | 'channel' | 'frequency' | 'tone', string>;

export interface StrategiesProps {
  strategies: StrategyCard[];
  labels: {
    strategies: string;
    strategy: StrategyLabels;
    /** ':' in English; French puts a no-break space before it. */
    colon: string;
  };
}

/** One block per segment: priority, objective, actions, channel, frequency and tone. */
export function strategiesSection(view: StrategiesProps): string {
  if (view.strategies.length === 0) return '';
  const labels = view.labels.strategy;
  const blocks = view.strategies
    .map((strategy) => strategyBlock(strategy, labels, view.labels.colon))
    .join('');
  return card('section-strategies', `${sectionTitle(view.labels.strategies)}${blocks}`);
}

function strategyBlock(strategy: StrategyCard, labels: StrategyLabels, labelColon: string): string {
  const colon = escapeHtml(labelColon);
  const actions = strategy.actions.map((action) => `<li>${escapeHtml(action)}</li>`).join('');
  const detail = (label: string, value: string) =>
    `<span style="color:${THEME.muted};">${escapeHtml(label)}${colon}</span> ${escapeHtml(value)}`;
  return `
      <mj-text font-size="13px" line-height="19px" padding="6px 8px"><div style="border-left:3px solid ${THEME.priority[strategy.priorityLevel]};padding-left:8px;"><strong style="font-size:14px;">${escapeHtml(strategy.segment)}</strong> <span style="color:${THEME.muted};">(${escapeHtml(strategy.customers)})</span> <span style="color:${THEME.priority[strategy.priorityLevel]};">${escapeHtml(strategy.priority)}</span><br>${detail(labels.objective, strategy.objective)}<br>${escapeHtml(labels.actions)}${colon}<ul style="margin:2px 0;padding:0 0 0 18px;">${actions}</ul>${detail(labels.channel, strategy.channel)} · ${detail(labels.frequency, strategy.frequency)} · ${detail(labels.tone, strategy.tone)}</div></mj-text>`;
}
