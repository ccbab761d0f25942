/** The playbook's strategy for each group, as the cards of the report. */
import { type Priority, strategyFor } from '../playbook/strategy.ts';
import type { StrategyCard } from '../templates/sections/strategies-section.ts';
import type { ReportContext } from './report-context.ts';

const PRIORITY_ORDER: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

/** The playbook's strategy for every group, high priority first, then by revenue. */
export function strategyCards(context: ReportContext): StrategyCard[] {
  const { settings, messages, format } = context;
  const locale = settings.locale;
  return context.primaryGroups
    .map((group) => ({ group, strategy: strategyFor(settings.playbook, group.key) }))
    .sort(
      (a, b) =>
        PRIORITY_ORDER[a.strategy.priority] - PRIORITY_ORDER[b.strategy.priority] ||
        b.group.kpis.revenue - a.group.kpis.revenue,
    )
    .map(({ group, strategy }) => ({
      segment: group.name,
      customers: format.integer(group.kpis.customers),
      priority: messages.priority[strategy.priority],
      priorityLevel: strategy.priority,
      objective: strategy.objective.map((lever) => messages.lever[lever]).join(', '),
      actions: strategy.actions.map((action) => action[locale]),
      channel: strategy.channel[locale],
      frequency: strategy.frequency[locale],
      tone: strategy.tone[locale],
    }));
}
