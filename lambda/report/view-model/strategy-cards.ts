/** The playbook's strategy for each group, as the cards of the report, with the priority its plan earned. */
import { actionsOf } from '../playbook/action-schema.ts';
import { type Priority, strategyFor } from '../playbook/strategy.ts';
import type { StrategyCard } from '../templates/sections/strategies-section.ts';
import type { SegmentPlan } from './budget-plan.ts';
import type { ReportContext } from './report-context.ts';

const PRIORITY_ORDER: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

/** The strategy of every group, by priority (derived from its plan, budget-plan.ts), then by expected net return. */
export function strategyCards(context: ReportContext, plans: readonly SegmentPlan[]): StrategyCard[] {
  const { settings, messages, format } = context;
  const locale = settings.locale;
  return [...plans]
    .sort(
      (a, b) =>
        PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] ||
        b.expectedReturn - b.budget - (a.expectedReturn - a.budget),
    )
    .map((plan) => {
      const { group } = plan;
      const strategy = strategyFor(settings.playbook, group.key);
      return {
        segment: group.name,
        customers: format.integer(group.kpis.customers),
        priority: messages.priority[plan.priority],
        priorityLevel: plan.priority,
        objective: strategy.objective.map((lever) => messages.lever[lever]).join(', '),
        actions: actionsOf(strategy.subStrategies).map((action) => action.name[locale]),
        channel: strategy.channel[locale],
        frequency: strategy.frequency[locale],
        tone: strategy.tone[locale],
      };
    });
}
