/**
 * The budget action by action, worked out by hand from a small explicit playbook (fixtures/hand-playbook.ts):
 * reached = reach x customers rounded half up, action budget = reached x unit cost rounded half up to a whole
 * unit, and every level the sum of the one below, exactly, as the email and the JSON show it.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../lambda/report/playbook/default-playbook.ts';
import type { Playbook } from '../../../lambda/report/playbook/strategy.ts';
import { planBudgets, totalPlan } from '../../../lambda/report/view-model/budget-plan.ts';
import {
  actionBudget,
  customersReached,
  strategyBudget,
  topActions,
} from '../../../lambda/report/view-model/budget-roll-up.ts';
import type { ReportGroup } from '../../../lambda/report/view-model/report-context.ts';
import { groupKpis } from '../fixtures/analysis-fixture.ts';
import { HAND_STRATEGY } from '../fixtures/hand-playbook.ts';

/** [reached, budget] of each action, sub-strategy by sub-strategy, and the sub-strategies' and strategy's budgets. */
function shape(customers: number) {
  const budget = strategyBudget(HAND_STRATEGY, customers);
  return {
    actions: budget.subStrategies.map((sub) => sub.actions.map((a) => [a.customersReached, a.budget])),
    subStrategies: budget.subStrategies.map((sub) => sub.budget),
    strategy: budget.budget,
  };
}

describe('customersReached: reach x customers, rounded half up', () => {
  it.each([
    [0.8, 37, 30], // 29.6
    [0.1, 37, 4], // 3.7
    [0.2, 37, 7], // 7.4
    [0.5, 3, 2], // 1.5, half up
    [0.25, 2, 1], // 0.5, half up
    [0.145, 100, 15], // 14.5, though 0.145 x 100 is 14.499999999999998 in floats
    [0.8, 1, 1],
    [0.1, 1, 0],
    [0, 37, 0],
    [1, 37, 37],
    [0.8, 0, 0],
  ])('reach %s of %s customers reaches %s', (reach, customers, reached) => {
    expect(customersReached(reach, customers)).toBe(reached);
  });
});

describe('actionBudget: reached x unit cost, rounded half up to a whole unit', () => {
  it.each([
    [30, 2.5, 75],
    [1, 2.5, 3], // 2.5, half up
    [3, 0.5, 2], // 1.5, half up
    [10, 1.15, 12], // 11.5, though 10 x 1.15 is 11.499999999999998 in floats
    [3, 0.35, 1], // 1.05
    [37, 0.1, 4], // 3.7
    [1, 0.2, 0], // 0.2
    [0, 12, 0],
    [1_000_000, 1_000_000, 1e12],
  ])('%s customers at %s cost %s', (reached, unitCost, budget) => {
    expect(actionBudget(reached, unitCost)).toBe(budget);
  });
});

describe('strategyBudget: every level the exact sum of the one below', () => {
  it('rolls up a segment of 37 customers', () => {
    // Offer: 30 x 2.5 = 75, 4 x 12 = 48 -> 123; Survey: 37 x 0.1 = 3.7 -> 4, 37 x 0.2 = 7.4 -> 7 -> 11; 134.
    expect(shape(37)).toEqual({
      actions: [
        [
          [30, 75],
          [4, 48],
        ],
        [
          [37, 4],
          [37, 7],
        ],
      ],
      subStrategies: [123, 11],
      strategy: 134,
    });
  });

  it('rolls up a segment of 1 customer and one of none', () => {
    // 1 customer: 0.8 -> 1 reached at 2.5 -> 3; 0.1 -> 0 reached; 0.1 and 0.2 -> 0.
    expect(shape(1)).toEqual({
      actions: [
        [
          [1, 3],
          [0, 0],
        ],
        [
          [1, 0],
          [1, 0],
        ],
      ],
      subStrategies: [3, 0],
      strategy: 3,
    });
    expect(shape(0)).toEqual({
      actions: [
        [
          [0, 0],
          [0, 0],
        ],
        [
          [0, 0],
          [0, 0],
        ],
      ],
      subStrategies: [0, 0],
      strategy: 0,
    });
  });

  it('takes a configured flat amount per customer instead, with no action budgets', () => {
    // 3 x 0.35 = 1.05 -> 1
    const flat = strategyBudget({ ...HAND_STRATEGY, investmentPerCustomer: 0.35 }, 3);
    expect(flat).toEqual({ subStrategies: [], flatPerCustomer: 0.35, budget: 1 });
  });

  it('names the largest actions, largest first, none that cost nothing', () => {
    const names = (customers: number) =>
      topActions(strategyBudget(HAND_STRATEGY, customers), 2).map((a) => [a.name.en, a.budget]);
    expect(names(37)).toEqual([
      ['Email voucher', 75],
      ['Phone call', 48],
    ]);
    expect(names(1)).toEqual([['Email voucher', 3]]);
    expect(names(0)).toEqual([]);
  });
});

describe('planBudgets and totalPlan: the total is the exact sum of the strategies', () => {
  const group = (key: string, customers: number): ReportGroup => ({
    key,
    name: key,
    kpis: groupKpis({
      customers,
      revenue: 100_000,
      orders: customers,
      meanRecencyDays: 10,
      activeCustomers: customers,
      repeaters: 0,
    }),
    value: null,
  });
  const playbook: Playbook = { ...DEFAULT_PLAYBOOK, default: { ...HAND_STRATEGY, expectedUplift: 1 } };

  it('sums 134 and 3 to 137, with per customer derived from the budget', () => {
    const plans = planBudgets([group('a', 37), group('b', 1)], playbook).plans;
    expect(plans.map((plan) => [plan.budget, plan.investmentPerCustomer])).toEqual([
      [134, 134 / 37],
      [3, 3],
    ]);
    // Return 1 x 100,000 each: both pay off and are funded.
    expect(totalPlan(plans)).toEqual({
      budget: 137,
      expectedReturn: 200_000,
      customers: 38,
      roi: (200_000 - 137) / 137,
    });
  });

  it('plans a group of no customers at zero, per customer 0', () => {
    const [plan] = planBudgets([group('none', 0)], playbook).plans;
    expect(plan?.budget).toBe(0);
    expect(plan?.investmentPerCustomer).toBe(0);
    expect(plan?.roi).toBeNull();
  });
});
