/**
 * The budget section's table: the funded plans and their total, each plan's largest actions under its name, what
 * was not recommended and why, assumptions. The email keeps to the strategy level; the whole roll-up, sub-strategy
 * by sub-strategy, is in the archive and `--json` (budget-json.ts).
 */
import type { BudgetRow, BudgetTable } from '../templates/sections/budget-section.ts';
import { type BudgetPlans, type SegmentPlan, totalPlan } from './budget-plan.ts';
import { topActions } from './budget-roll-up.ts';
import type { ReportContext } from './report-context.ts';

/** The actions shown under each plan in the email, largest budget first. */
export const TOP_ACTIONS_SHOWN = 2;

/** The budget and ROI table of the funded plans, with the decisions and assumptions written out. */
export function budgetTable(context: ReportContext, budget: BudgetPlans): BudgetTable | null {
  const { plans } = budget;
  if (plans.length === 0) return null;
  const { format, messages } = context;
  const roiText = (roi: number | null) => (roi === null ? '–' : format.percent(roi));
  const rows: BudgetRow[] = plans
    .filter((plan) => plan.funded)
    .map((plan) => ({
      segment: plan.group.name,
      topActions: topActionLines(context, plan),
      customers: format.integer(plan.group.kpis.customers),
      perCustomer: format.moneyExact(plan.investmentPerCustomer),
      budget: format.money(plan.budget),
      expectedReturn: format.money(plan.expectedReturn),
      roi: roiText(plan.roi),
    }));
  const total = totalPlan(plans);
  const names = (keep: (plan: (typeof plans)[number]) => boolean) =>
    plans
      .filter(keep)
      .map((plan) => plan.group.name)
      .join(', ');
  const notRecommended = names((plan) => !plan.paysOff && plan.budget > 0);
  const notFunded = names((plan) => plan.paysOff && plan.budget > 0 && !plan.funded);
  const decisions = [
    ...(rows.length === 0 ? [messages.budget.nonePays] : []),
    ...(rows.length > 0 && notRecommended ? [messages.budget.notRecommended(notRecommended)] : []),
    ...(notFunded && budget.totalBudget !== undefined
      ? [messages.budget.notFunded({ segments: notFunded, total: format.money(budget.totalBudget) })]
      : []),
  ];
  const horizonMonths = context.analysis.value?.horizonMonths ?? 12;
  return {
    columns: {
      segment: messages.table.segment,
      customers: messages.table.customers,
      perCustomer: messages.budget.perCustomer,
      budget: messages.budget.budget,
      expectedReturn: messages.budget.expectedReturn,
      roi: messages.budget.roi,
    },
    rows,
    total: {
      segment: messages.budget.total,
      topActions: [],
      customers: format.integer(total.customers),
      perCustomer: total.customers > 0 ? format.moneyExact(total.budget / total.customers) : '–',
      budget: format.money(total.budget),
      expectedReturn: format.money(total.expectedReturn),
      roi: roiText(total.roi),
    },
    decisions,
    assumptions:
      budget.basis === 'predicted-value'
        ? messages.budget.valueAssumptions({ horizonMonths: format.integer(horizonMonths) })
        : messages.budget.assumptions({
            period: context.analysis.input.shape === 'customers' ? null : context.periodText,
          }),
  };
}

/**
 * The plan's largest actions with their budgets, in the report's language, then its other actions together (their
 * count and budget), so that a segment's lines add up to its budget.
 */
function topActionLines({ format, messages, settings }: ReportContext, plan: SegmentPlan): string[] {
  const shown = topActions(plan.actions, TOP_ACTIONS_SHOWN);
  const lines = shown.map((action) =>
    messages.budget.topAction({ action: action.name[settings.locale], budget: format.money(action.budget) }),
  );
  const paid = plan.actions.subStrategies.flatMap((sub) => sub.actions).filter((action) => action.budget > 0);
  const rest = plan.actions.budget - shown.reduce((total, action) => total + action.budget, 0);
  if (paid.length > shown.length) {
    lines.push(
      messages.budget.otherActions({ count: paid.length - shown.length, budget: format.money(rest) }),
    );
  }
  return lines;
}
