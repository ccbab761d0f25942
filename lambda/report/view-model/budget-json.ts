/**
 * The budget in full, for the archive's `analysis.json` and `--json`: every strategy, sub-strategy and action with
 * its reach, customers reached, unit cost and budget, and the total, under the analysis' own fields as `budget`. It
 * has a version of its own (`schemaVersion`, as every JSON file of the project): the analysis stays schema version
 * 1, whose readers drop fields they do not know (engine/analysis/analysis-schema.ts). Amounts are in whole currency
 * units and add up exactly at every level (budget-roll-up.ts).
 */
import type { Analysis } from '../../engine/analysis/analysis-types.ts';
import type { LocalizedText } from '../playbook/strategy.ts';
import type { ReportSettings } from '../report-settings.ts';
import { type BudgetPlans, type PlanKind, planBudgets, type ReturnBasis, totalPlan } from './budget-plan.ts';
import type { ActionBudget } from './budget-roll-up.ts';
import { reportCurrency } from './report-currency.ts';
import { type ReportContext, reportGroups } from './report-context.ts';

export interface SubStrategyJson {
  name: LocalizedText;
  /** The sum of its actions' budgets. */
  budget: number;
  actions: ActionBudget[];
}

export interface StrategyJson {
  /** The RFM segment or cluster key. */
  key: string;
  customers: number;
  kind: PlanKind;
  /** The sum of its sub-strategies' budgets (or the configured flat amount x customers). */
  budget: number;
  /** Budget / customers. */
  perCustomer: number;
  /** The configured flat amount per customer when it is the budget (then no sub-strategies); else null. */
  flatPerCustomer: number | null;
  subStrategies: SubStrategyJson[];
  expectedUplift: number;
  valueAtStake: number;
  expectedReturn: number;
  roi: number | null;
  paysOff: boolean;
  funded: boolean;
  priority: string;
}

export interface BudgetJson {
  schemaVersion: 1;
  /** ISO 4217 code of the amounts; null: the file's currency, unnamed. */
  currency: string | null;
  /** Whom the strategies are for: the RFM segments when the analysis has them, else the clusters. */
  groups: 'rfm-segments' | 'clusters';
  /** What the expected returns are computed on. */
  basis: ReturnBasis;
  /** The configured money for paid plans; null: no limit. */
  totalBudget: number | null;
  strategies: StrategyJson[];
  /** Over the funded strategies, as the email's total row: `budget` is the sum of theirs. */
  total: { budget: number; customers: number; expectedReturn: number; roi: number | null };
}

/** The budget of an analysis with the settings' playbook, in full. */
export function budgetOfAnalysis(analysis: Analysis, settings: ReportSettings): BudgetJson {
  const groups = reportGroups(analysis, settings);
  const plans = planBudgets(groups.primaryGroups, settings.playbook, settings.totalBudget);
  return budgetJson(plans, reportCurrency(analysis, settings.currency).code, groups);
}

/** The plans as JSON: the strategies in the groups' order, each rolled up from its actions. */
export function budgetJson(
  budget: BudgetPlans,
  currency: string | undefined,
  { rfmGroups }: Pick<ReportContext, 'rfmGroups'>,
): BudgetJson {
  const strategies = budget.plans.map((plan): StrategyJson => ({
    key: plan.group.key,
    customers: plan.group.kpis.customers,
    kind: plan.kind,
    budget: plan.budget,
    perCustomer: plan.investmentPerCustomer,
    flatPerCustomer: plan.actions.flatPerCustomer ?? null,
    subStrategies: plan.actions.subStrategies,
    expectedUplift: plan.expectedUplift,
    valueAtStake: plan.valueAtStake,
    expectedReturn: plan.expectedReturn,
    roi: plan.roi,
    paysOff: plan.paysOff,
    funded: plan.funded,
    priority: plan.priority,
  }));
  const { budget: total, customers, expectedReturn, roi } = totalPlan(budget.plans);
  return {
    schemaVersion: 1,
    currency: currency ?? null,
    groups: rfmGroups ? 'rfm-segments' : 'clusters',
    basis: budget.basis,
    totalBudget: budget.totalBudget ?? null,
    strategies,
    total: { budget: total, customers, expectedReturn, roi },
  };
}

/** The text of `analysis.json` and `--json`: the analysis, then its budget. */
export function analysisJsonText(analysis: Analysis, budget: BudgetJson): string {
  return `${JSON.stringify({ ...analysis, budget }, null, 2)}\n`;
}
