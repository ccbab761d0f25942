/**
 * A strategy's budget, action by action: the one money rule of the report's budgets, in whole numbers so that every
 * level adds up exactly as shown.
 *
 * - customers reached = reach x the segment's customers, rounded half up to a whole customer (the reach read to
 *   0.01%, four decimals, so that 0.145 x 100 is 14.5, reaching 15, and not 14.499... reaching 14);
 * - an action's budget = customers reached x unit cost, rounded half up to a whole currency unit (the unit cost in
 *   cents, so that 3 x 0.35 is 1.05 and not 1.0499...); budgets are shown in whole units (locale/formatters.ts);
 * - a sub-strategy's budget is the sum of its actions', a strategy's the sum of its sub-strategies', and the total
 *   the sum of the strategies': integers, so exact at every level.
 *
 * A flat `investmentPerCustomer` from the configuration is the budget instead: x customers, rounded the same way,
 * with no action-level budgets.
 *
 * @example customersReached(0.8, 37) === 30 (29.6 rounded); actionBudget(30, 2.5) === 75
 */
import type { PlaybookAction, SubStrategy } from '../playbook/action-schema.ts';
import type { LocalizedText, Strategy } from '../playbook/strategy.ts';

export interface ActionBudget {
  name: LocalizedText;
  unitCost: number;
  reach: number;
  customersReached: number;
  /** Whole currency units. */
  budget: number;
}

export interface SubStrategyBudget {
  name: LocalizedText;
  actions: ActionBudget[];
  /** The sum of its actions' budgets. */
  budget: number;
}

/** A strategy's money: its sub-strategies' budgets and their sum, or a configured flat amount per customer. */
export interface StrategyBudget {
  /** None with a flat amount: the actions then cost nothing of their own. */
  subStrategies: SubStrategyBudget[];
  /** The configured flat amount per customer when it is the budget (the actions then have none). */
  flatPerCustomer: number | undefined;
  /** Whole currency units: the sum of the sub-strategies' budgets, or the flat amount x customers. */
  budget: number;
}

const REACH_STEPS = 10_000;
const CENTS = 100;

/** Customers an action reaches in a segment of `customers`: reach x customers rounded half up. */
export function customersReached(reach: number, customers: number): number {
  const reachSteps = Math.round(reach * REACH_STEPS);
  return Math.floor((reachSteps * customers + REACH_STEPS / 2) / REACH_STEPS);
}

/** The budget of `customers` at `unitCost` each, in whole currency units rounded half up. */
export function actionBudget(customers: number, unitCost: number): number {
  const unitCents = Math.round(unitCost * CENTS);
  return Math.floor((customers * unitCents + CENTS / 2) / CENTS);
}

/** The budget of one strategy for a segment of `customers`, action by action. */
export function strategyBudget(strategy: Strategy, customers: number): StrategyBudget {
  const flat = strategy.investmentPerCustomer;
  if (flat !== undefined) {
    return { subStrategies: [], flatPerCustomer: flat, budget: actionBudget(customers, flat) };
  }
  const subStrategies = strategy.subStrategies.map((sub) => subStrategyBudget(sub, customers));
  return { subStrategies, flatPerCustomer: undefined, budget: sum(subStrategies) };
}

function subStrategyBudget(sub: SubStrategy, customers: number): SubStrategyBudget {
  const actions = sub.actions.map((action) => costedAction(action, customers));
  return { name: sub.name, actions, budget: sum(actions) };
}

function costedAction(action: PlaybookAction, customers: number): ActionBudget {
  const reached = customersReached(action.reach, customers);
  return {
    name: action.name,
    unitCost: action.unitCost,
    reach: action.reach,
    customersReached: reached,
    budget: actionBudget(reached, action.unitCost),
  };
}

function sum(parts: readonly { budget: number }[]): number {
  return parts.reduce((total, part) => total + part.budget, 0);
}

/** The `count` actions of a strategy with the largest budgets, largest first (the playbook's order on ties). */
export function topActions(budget: StrategyBudget, count: number): ActionBudget[] {
  return budget.subStrategies
    .flatMap((sub) => sub.actions)
    .map((action, index) => ({ action, index }))
    .filter(({ action }) => action.budget > 0)
    .sort((a, b) => b.action.budget - a.action.budget || a.index - b.index)
    .slice(0, count)
    .map(({ action }) => action);
}
