/** The money of the report: each segment's budget and expected return, and the budget table. */
import { type Playbook, strategyFor } from '../playbook/strategy.ts';
import type { BudgetRow, BudgetTable } from '../templates/sections/budget-section.ts';
import type { ReportContext, ReportGroup } from './report-context.ts';

/** The money of one segment's plan: budget = investment x customers, return = uplift x segment revenue. */
export interface SegmentPlan {
  group: ReportGroup;
  investmentPerCustomer: number;
  budget: number;
  expectedReturn: number;
  /** (return - budget) / budget; null when the budget is zero. */
  roi: number | null;
}

/** One plan per group, in the groups' order. */
export function planBudgets(groups: readonly ReportGroup[], playbook: Playbook): SegmentPlan[] {
  return groups.map((group) => {
    const strategy = strategyFor(playbook, group.key);
    const budget = strategy.investmentPerCustomer * group.kpis.customers;
    const expectedReturn = strategy.expectedUplift * group.kpis.revenue;
    return {
      group,
      investmentPerCustomer: strategy.investmentPerCustomer,
      budget,
      expectedReturn,
      roi: budget > 0 ? (expectedReturn - budget) / budget : null,
    };
  });
}

/** The totals over every plan. */
export function totalPlan(
  plans: readonly SegmentPlan[],
): Omit<SegmentPlan, 'group' | 'investmentPerCustomer'> & { customers: number } {
  const budget = plans.reduce((sum, plan) => sum + plan.budget, 0);
  const expectedReturn = plans.reduce((sum, plan) => sum + plan.expectedReturn, 0);
  const customers = plans.reduce((sum, plan) => sum + plan.group.kpis.customers, 0);
  return { budget, expectedReturn, customers, roi: budget > 0 ? (expectedReturn - budget) / budget : null };
}

/** The budget and ROI table, with its assumptions written out. */
export function budgetTable(context: ReportContext, plans: readonly SegmentPlan[]): BudgetTable | null {
  if (plans.length === 0) return null;
  const { format, messages } = context;
  const roiText = (roi: number | null) => (roi === null ? '–' : format.percent(roi));
  const rows: BudgetRow[] = plans.map((plan) => ({
    segment: plan.group.name,
    customers: format.integer(plan.group.kpis.customers),
    perCustomer: format.moneyExact(plan.investmentPerCustomer),
    budget: format.money(plan.budget),
    expectedReturn: format.money(plan.expectedReturn),
    roi: roiText(plan.roi),
  }));
  const total = totalPlan(plans);
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
      customers: format.integer(total.customers),
      perCustomer: total.customers > 0 ? format.moneyExact(total.budget / total.customers) : '–',
      budget: format.money(total.budget),
      expectedReturn: format.money(total.expectedReturn),
      roi: roiText(total.roi),
    },
    assumptions: messages.budget.assumptions({ period: context.periodText }),
  };
}
