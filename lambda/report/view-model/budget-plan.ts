/**
 * The money of the report: each group's paid plan, what it is expected to return, whether it pays off, and the
 * priority that follows. The return is the value at stake when the customer-value model's predictions are shown:
 * for a growth plan (any objective but recency) the playbook's uplift on the group's predicted value over the
 * horizon; for a win-back plan (objective recency) the uplift on what its likely-lost customers would bring if won
 * back. When the predictions are withheld, the uplift on the group's past revenue, as the assumptions then say.
 * A plan whose expected return does not exceed its budget is not recommended: the group gets automation only.
 * With a total budget, plans that pay off are funded best ROI first while it lasts. Priorities are derived the
 * same way for RFM segments and clusters: high for the best third of the funded plans by expected net return (at
 * least one), medium for the other funded plans, low otherwise; a priority pinned in the configuration wins.
 */
import { type Playbook, type Priority, strategyFor } from '../playbook/strategy.ts';
import { type StrategyBudget, strategyBudget } from './budget-roll-up.ts';
import type { ReportGroup } from './report-context.ts';

/** The share of the funded plans, best expected net return first, that are high priority (at least one). */
export const HIGH_PRIORITY_SHARE = 1 / 3;

export type PlanKind = 'growth' | 'win-back';

/** What the expected returns are computed on. */
export type ReturnBasis = 'predicted-value' | 'past-revenue';

/**
 * The money of one group's paid plan: budget = the sum of its actions' budgets (budget-roll-up.ts), return = uplift
 * x the value at stake.
 */
export interface SegmentPlan {
  group: ReportGroup;
  kind: PlanKind;
  /** Budget / customers (0 for a group of none), whether the budget comes from the actions or a flat amount. */
  investmentPerCustomer: number;
  /** Whole currency units: the sum of the sub-strategies of `actions` (or the flat amount x customers). */
  budget: number;
  /** The budget action by action. */
  actions: StrategyBudget;
  /** The playbook's uplift: the share of the value at stake the plan is expected to bring. */
  expectedUplift: number;
  /** The value the uplift applies to: predicted value, value if won back, or past revenue. */
  valueAtStake: number;
  expectedReturn: number;
  /** (return - budget) / budget; null when the budget is zero. */
  roi: number | null;
  /** Whether the plan returns more than it costs. */
  paysOff: boolean;
  /** In this period's plan: it pays off, and costs nothing or fits the total budget (when one is set). */
  funded: boolean;
  priority: Priority;
  /** Whether the priority was pinned in the playbook rather than derived. */
  priorityPinned: boolean;
}

export interface BudgetPlans {
  basis: ReturnBasis;
  plans: SegmentPlan[];
  totalBudget: number | undefined;
}

/** The plans of the groups, in the groups' order; predicted values are used when every group has one. */
export function planBudgets(
  groups: readonly ReportGroup[],
  playbook: Playbook,
  totalBudget?: number,
): BudgetPlans {
  const basis: ReturnBasis =
    groups.length > 0 && groups.every((group) => group.value !== null) ? 'predicted-value' : 'past-revenue';
  const drafts = groups.map((group) => draftPlan(group, playbook, basis));
  const funded = fundedKeys(drafts, totalBudget);
  const isFunded = (draft: DraftPlan) => draft.paysOff && (draft.budget === 0 || funded.has(draft.group.key));
  const best = highPriorityKeys(drafts.filter(isFunded));
  const plans = drafts.map((draft) => {
    const pinned = strategyFor(playbook, draft.group.key).priority;
    const derived: Priority = !isFunded(draft) ? 'low' : best.has(draft.group.key) ? 'high' : 'medium';
    return {
      ...draft,
      funded: isFunded(draft),
      priority: pinned ?? derived,
      priorityPinned: pinned !== undefined,
    };
  });
  return { basis, plans, totalBudget };
}

/** The keys of the best HIGH_PRIORITY_SHARE of the funded plans by expected net return (at least one). */
function highPriorityKeys(funded: readonly DraftPlan[]): Set<string> {
  const count = Math.ceil(funded.length * HIGH_PRIORITY_SHARE);
  return new Set(
    [...funded]
      .sort((a, b) => b.expectedReturn - b.budget - (a.expectedReturn - a.budget))
      .slice(0, count)
      .map((draft) => draft.group.key),
  );
}

type DraftPlan = Omit<SegmentPlan, 'funded' | 'priority' | 'priorityPinned'>;

function draftPlan(group: ReportGroup, playbook: Playbook, basis: ReturnBasis): DraftPlan {
  const strategy = strategyFor(playbook, group.key);
  const kind: PlanKind = strategy.objective.includes('recency') ? 'win-back' : 'growth';
  const valueAtStake =
    basis === 'past-revenue' || group.value === null
      ? group.kpis.revenue
      : kind === 'win-back'
        ? (group.value.valueIfRetained ?? 0)
        : (group.value.predictedValue ?? 0);
  const { customers } = group.kpis;
  const actions = strategyBudget(strategy, customers);
  const { budget } = actions;
  const expectedReturn = strategy.expectedUplift * valueAtStake;
  return {
    group,
    kind,
    investmentPerCustomer: customers > 0 ? budget / customers : 0,
    budget,
    actions,
    expectedUplift: strategy.expectedUplift,
    valueAtStake,
    expectedReturn,
    roi: budget > 0 ? (expectedReturn - budget) / budget : null,
    paysOff: expectedReturn > budget,
  };
}

/** The keys of the paid plans that pay off and fit the total budget, best ROI first (all of them without one). */
function fundedKeys(drafts: readonly DraftPlan[], totalBudget: number | undefined): Set<string> {
  const paying = drafts
    .filter((draft) => draft.paysOff && draft.budget > 0)
    .sort((a, b) => (b.roi ?? 0) - (a.roi ?? 0) || b.expectedReturn - a.expectedReturn);
  const funded = new Set<string>();
  let left = totalBudget ?? Number.POSITIVE_INFINITY;
  for (const draft of paying) {
    if (draft.budget > left) continue;
    funded.add(draft.group.key);
    left -= draft.budget;
  }
  return funded;
}

/** The totals over the funded plans. */
export function totalPlan(plans: readonly SegmentPlan[]): {
  budget: number;
  expectedReturn: number;
  customers: number;
  roi: number | null;
} {
  const funded = plans.filter((plan) => plan.funded);
  const budget = funded.reduce((sum, plan) => sum + plan.budget, 0);
  const expectedReturn = funded.reduce((sum, plan) => sum + plan.expectedReturn, 0);
  const customers = funded.reduce((sum, plan) => sum + plan.group.kpis.customers, 0);
  return { budget, expectedReturn, customers, roi: budget > 0 ? (expectedReturn - budget) / budget : null };
}
