/** What to watch next: the KPIs against their targets, and the next steps with the date of the next review. */
import { actionsOf } from '../playbook/action-schema.ts';
import { strategyFor } from '../playbook/strategy.ts';
import type { WatchRow } from '../templates/sections/watch-section.ts';
import type { SegmentPlan } from './budget-plan.ts';
import type { ReportContext } from './report-context.ts';

/** The KPIs with a target, current value against it. */
export function kpisToWatch(context: ReportContext): WatchRow[] {
  const { analysis, settings, messages, format } = context;
  const kpis = analysis.kpis;
  const targets = settings.targets;
  const rows: WatchRow[] = [];
  const add = (kpi: string, current: number, target: number, atMost: boolean) => {
    const onTarget = atMost ? current <= target : current >= target;
    rows.push({
      kpi,
      current: format.percent(current),
      target: (atMost ? messages.watch.atMost : messages.watch.atLeast)(format.percent(target)),
      onTarget,
      status: onTarget ? messages.watch.onTarget : messages.watch.offTarget,
    });
  };
  add(messages.kpis.repeatRate, kpis.repeatRate, targets.repeatRate, false);
  if (kpis.retentionRate !== undefined)
    add(messages.kpis.retentionRate, kpis.retentionRate, targets.retentionRate, false);
  if (analysis.rfm) {
    add(
      messages.kpis.activeCustomers,
      kpis.customers > 0 ? kpis.activeCustomers / kpis.customers : 0,
      targets.activeShare,
      false,
    );
    add(messages.kpis.atRiskShare, kpis.atRiskCustomerShare, targets.atRiskCustomerShare, true);
  }
  return rows;
}

/** Days until the next report of each kind, for the review step. */
const NEXT_REPORT_DAYS = { upload: 7, weekly: 7, quarterly: 91 } as const;

/**
 * The first action of the three funded plans with the highest expected net return; when no paid plan pays off,
 * that said plainly and the first action of the two largest groups, automated; then when to review.
 */
export function nextSteps(context: ReportContext, plans: readonly SegmentPlan[]): string[] {
  const { messages, format, settings } = context;
  const firstAction = (plan: SegmentPlan) =>
    lowerFirst(
      actionsOf(strategyFor(settings.playbook, plan.group.key).subStrategies)[0]?.name[settings.locale] ?? '',
    );
  const funded = plans
    .filter((plan) => plan.funded)
    .sort((a, b) => b.expectedReturn - b.budget - (a.expectedReturn - a.budget))
    .slice(0, 3);
  const steps =
    funded.length > 0
      ? funded.map((plan) =>
          messages.nextStep({
            action: firstAction(plan),
            segment: plan.group.name,
            customers: format.integer(plan.group.kpis.customers),
            budget: format.money(plan.budget),
          }),
        )
      : [
          messages.nextStepNonePays,
          ...[...plans]
            .sort((a, b) => b.group.kpis.customers - a.group.kpis.customers)
            .slice(0, 2)
            .map((plan) =>
              messages.nextStepAutomation({ action: firstAction(plan), segments: plan.group.name }),
            ),
        ];
  const next = new Date(context.now.getTime() + NEXT_REPORT_DAYS[context.kind] * 86_400_000);
  steps.push(messages.nextStepReview(format.dayOf(next)));
  return steps;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
