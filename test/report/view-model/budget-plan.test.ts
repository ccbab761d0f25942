import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK } from '../../../lambda/report/playbook/default-playbook.ts';
import { mergePlaybook } from '../../../lambda/report/playbook/strategy.ts';
import { planBudgets, totalPlan } from '../../../lambda/report/view-model/budget-plan.ts';
import type { ReportGroup } from '../../../lambda/report/view-model/report-context.ts';
import { analysisFixture, FIXTURE_SEGMENTS, groupKpis } from '../fixtures/analysis-fixture.ts';
import { fixtureView } from '../fixtures/report-input.ts';

const GROUPS: ReportGroup[] = FIXTURE_SEGMENTS.map((segment) => ({
  key: segment.key,
  name: segment.name.en,
  kpis: segment,
  value: null,
}));

/** The plans alone, as the first tests read them. */
const plansOf = (...args: Parameters<typeof planBudgets>) => planBudgets(...args).plans;

// Default playbook: the actions of each plan add up to a whole amount per customer, x customers = budget (by hand:
// champions 14.5 x 1 + 25 x 0.2 + 0.5 x 1 = 20); uplift x revenue = expected return.
// | segment            | per customer | customers | budget | uplift | revenue | return | ROI                      |
// | champions          | 20           | 100       | 2,000  | 0.02   | 400,000 | 8,000  | 6,000 / 2,000 = 3        |
// | loyal              | 10           | 200       | 2,000  | 0.03   | 250,000 | 7,500  | 5,500 / 2,000 = 2.75     |
// | potentialLoyalists | 8            | 300       | 2,400  | 0.05   | 200,000 | 10,000 | 7,600 / 2,400 = 3.1667   |
// | atRisk             | 12           | 150       | 1,800  | 0.05   | 100,000 | 5,000  | 3,200 / 1,800 = 1.7778   |
// | hibernating        | 2            | 250       | 500    | 0.02   | 50,000  | 1,000  | 500 / 500 = 1            |
// | total              | 8.70         | 1,000     | 8,700  |        |         | 31,500 | 22,800 / 8,700 = 2.6207  |

describe('planBudgets', () => {
  it('computes budget, expected return and ROI of every segment from the playbook', () => {
    const plans = plansOf(GROUPS, DEFAULT_PLAYBOOK);
    expect(plans.map((plan) => plan.group.key)).toEqual([
      'champions',
      'loyal',
      'potentialLoyalists',
      'atRisk',
      'hibernating',
    ]);
    const expected = [
      { investmentPerCustomer: 20, budget: 2000, expectedReturn: 8000, roi: 3 },
      { investmentPerCustomer: 10, budget: 2000, expectedReturn: 7500, roi: 2.75 },
      { investmentPerCustomer: 8, budget: 2400, expectedReturn: 10_000, roi: 7600 / 2400 },
      { investmentPerCustomer: 12, budget: 1800, expectedReturn: 5000, roi: 3200 / 1800 },
      { investmentPerCustomer: 2, budget: 500, expectedReturn: 1000, roi: 1 },
    ];
    plans.forEach((plan, index) => {
      const want = expected[index];
      if (!want) throw new Error(`no expectation for plan ${index}`);
      expect(plan.investmentPerCustomer).toBe(want.investmentPerCustomer);
      expect(plan.budget).toBeCloseTo(want.budget, 9);
      expect(plan.expectedReturn).toBeCloseTo(want.expectedReturn, 9);
      expect(plan.roi).toBeCloseTo(want.roi, 9);
    });
  });

  it('uses the configured assumptions of a segment', () => {
    // atRisk: 8 x 150 = 1,200; 0.1 x 100,000 = 10,000; ROI (10,000 - 1,200) / 1,200 = 7.3333
    const playbook = mergePlaybook(DEFAULT_PLAYBOOK, {
      atRisk: { investmentPerCustomer: 8, expectedUplift: 0.1 },
    });
    const atRisk = plansOf(GROUPS, playbook)[3];
    expect(atRisk?.budget).toBe(1200);
    expect(atRisk?.expectedReturn).toBeCloseTo(10_000, 9);
    expect(atRisk?.roi).toBeCloseTo(8800 / 1200, 9);
  });

  it('gives a null ROI when the budget is zero, and a negative one when the plan loses money', () => {
    const playbook = mergePlaybook(DEFAULT_PLAYBOOK, {
      hibernating: { investmentPerCustomer: 0 },
      champions: { expectedUplift: 0.001 },
    });
    const plans = plansOf(GROUPS, playbook);
    // hibernating: 0 x 250 = 0, return 0.02 x 50,000 = 1,000: no ROI without a budget
    expect(plans[4]?.budget).toBe(0);
    expect(plans[4]?.expectedReturn).toBeCloseTo(1000, 9);
    expect(plans[4]?.roi).toBeNull();
    // champions: return 0.001 x 400,000 = 400 on 2,000: (400 - 2,000) / 2,000 = -0.8
    expect(plans[0]?.roi).toBeCloseTo(-0.8, 9);
  });

  it('plans a group without its own entry with the default strategy (5 per customer, 3% uplift)', () => {
    const [plan] = plansOf(
      [
        {
          key: 'income-high-web-buyers',
          name: 'Web buyers',
          kpis: groupKpis({
            customers: 100,
            revenue: 400_000,
            orders: 500,
            meanRecencyDays: 10,
            activeCustomers: 100,
            repeaters: 100,
          }),
          value: null,
        },
      ],
      DEFAULT_PLAYBOOK,
    );
    // 100 x 0.5 + 75 x 6 = 500; 0.03 x 400,000 = 12,000
    expect(plan?.budget).toBe(500);
    expect(plan?.expectedReturn).toBeCloseTo(12_000, 9);
  });
});

describe('totalPlan', () => {
  it('sums budgets, returns and customers, and takes the ROI of the sums', () => {
    const total = totalPlan(plansOf(GROUPS, DEFAULT_PLAYBOOK));
    expect(total.budget).toBeCloseTo(8700, 9);
    expect(total.expectedReturn).toBeCloseTo(31_500, 9);
    expect(total.customers).toBe(1000);
    // (31,500 - 8,700) / 8,700, not the mean of the segments' ROIs
    expect(total.roi).toBeCloseTo(22_800 / 8700, 9);
  });

  it('has a null ROI when nothing is spent, and zeros with no plan', () => {
    const playbook = mergePlaybook(
      DEFAULT_PLAYBOOK,
      Object.fromEntries(GROUPS.map((group) => [group.key, { investmentPerCustomer: 0 }])),
    );
    expect(totalPlan(plansOf(GROUPS, playbook)).roi).toBeNull();
    expect(totalPlan([])).toEqual({ budget: 0, expectedReturn: 0, customers: 0, roi: null });
  });
});

describe('the budget table of the view', () => {
  it('formats every row and the total in the report currency', () => {
    // The largest two actions of each plan by hand from default-playbook.ts: Champions 100 x 14.5 = 1,450 and
    // 20 x 25 = 500; Loyal 160 x 11.25 = 1,800 and 200 x 1 = 200; Potential loyalists 150 x 10 = 1,500, then
    // 300 x 1.5 = 450 tied with 75 x 6 = 450 (the playbook's order); At risk 90 x 14 = 1,260 and 120 x 2.5 = 300;
    // Hibernating 125 x 3.6 = 450 and 250 x 0.2 = 50. Each plan's actions add up to the old flat amounts.
    const budget = fixtureView().budget;
    expect(budget?.columns).toEqual({
      segment: 'Segment',
      customers: 'Customers',
      perCustomer: 'Per customer',
      budget: 'Budget',
      expectedReturn: 'Expected return',
      roi: 'ROI',
    });
    expect(budget?.rows).toEqual([
      {
        segment: 'Champions',
        topActions: [
          'Invite to a VIP programme with early access to new products: $1,450',
          'Send a thank-you gift: $500',
          'One other action: $50', // 2,000 - 1,450 - 500
        ],
        customers: '100',
        perCustomer: '$20.00',
        budget: '$2,000',
        expectedReturn: '$8,000',
        roi: '300.0%',
      },
      {
        segment: 'Loyal',
        topActions: [
          'Offer loyalty points on baskets above the average order: $1,800',
          'Recommend higher-value and complementary products: $200',
        ],
        customers: '200',
        perCustomer: '$10.00',
        budget: '$2,000',
        expectedReturn: '$7,500',
        roi: '275.0%',
      },
      {
        segment: 'Potential loyalists',
        topActions: [
          'Offer a membership or subscription: $1,500',
          'Cross-sell from their last purchase: $450',
          'One other action: $450', // 2,400 - 1,500 - 450
        ],
        customers: '300',
        perCustomer: '$8.00',
        budget: '$2,400',
        expectedReturn: '$10,000',
        roi: '316.7%',
      },
      {
        segment: 'At risk',
        topActions: [
          'Time-limited discount on the next order: $1,260',
          'Send personalised win-back emails with a time-limited offer: $300',
          '2 other actions: $240', // 1,800 - 1,260 - 300
        ],
        customers: '150',
        perCustomer: '$12.00',
        budget: '$1,800',
        expectedReturn: '$5,000',
        roi: '177.8%',
      },
      {
        segment: 'Hibernating',
        topActions: ['Seasonal discount code: $450', 'Include in seasonal campaigns at low cost: $50'],
        customers: '250',
        perCustomer: '$2.00',
        // whole units at any size: cents are for per-customer amounts only
        budget: '$500',
        expectedReturn: '$1,000',
        roi: '100.0%',
      },
    ]);
    // 8,700 / 1,000 customers = 8.70 per customer
    expect(budget?.total).toEqual({
      segment: 'Total',
      topActions: [],
      customers: '1,000',
      perCustomer: '$8.70',
      budget: '$8,700',
      expectedReturn: '$31,500',
      roi: '262.1%',
    });
  });

  it('shows a dash for the ROI of a zero budget', () => {
    const budget = fixtureView({
      settings: { playbook: { hibernating: { investmentPerCustomer: 0 } } },
    }).budget;
    const hibernating = budget?.rows.find((row) => row.segment === 'Hibernating');
    expect(hibernating).toMatchObject({ perCustomer: '$0.00', budget: '$0', roi: '–' });
    // total 8,700 - 500 = 8,200; (31,500 - 8,200) / 8,200 = 2.8415
    expect(budget?.total).toMatchObject({ budget: '$8,200', roi: '284.1%' });
  });

  it('writes the assumptions out under the table, naming the period covered', () => {
    const assumptions = fixtureView().budget?.assumptions ?? [];
    expect(assumptions).toHaveLength(5);
    expect(assumptions[4]).toBe(
      'Customer-value predictions are withheld for this data, so returns are computed on past revenue.',
    );
    expect(assumptions[0]).toContain('customers reached (reach x customers, rounded) x unit cost');
    expect(assumptions[1]).toContain('expected uplift');
    expect(assumptions[1]).toContain('(Jun 1, 2023 to May 31, 2024)');
    expect(assumptions[2]).toBe('ROI = (expected return - budget) / budget.');
    expect(assumptions[3]).toContain('assumptions, not measurements');
  });

  it('is absent when there is no group to plan for', () => {
    const analysis = analysisFixture({
      rfm: null,
      clusters: { skipped: 'fewer than 10 customers', clusters: [] },
    });
    expect(fixtureView({ analysis }).budget).toBeNull();
  });
});

/** The fixture's groups with value figures: predicted value and what the likely lost would bring if won back. */
function valued(figures: Record<string, [predictedValue: number, valueIfRetained: number]>): ReportGroup[] {
  return GROUPS.map((group) => {
    const [predictedValue, valueIfRetained] = figures[group.key] ?? [0, 0];
    return {
      ...group,
      value: {
        key: group.key,
        customers: group.kpis.customers,
        predictedValue,
        customersLikelyLost: 0,
        valueIfRetained,
        meanProbabilityAlive: 0.5,
      },
    };
  });
}

describe('planBudgets on the value at stake', () => {
  // Budgets as above: champions 2,000, loyal 2,000, potentialLoyalists 2,400, atRisk 1,800, hibernating 500.
  const groups = valued({
    champions: [200_000, 0], // growth, 0.02 x 200,000 = 4,000: ROI 1
    loyal: [50_000, 0], // growth, 0.03 x 50,000 = 1,500 < 2,000: not recommended
    potentialLoyalists: [60_000, 0], // growth, 0.05 x 60,000 = 3,000: ROI 0.25
    atRisk: [1_000, 80_000], // win-back, 0.05 x 80,000 = 4,000: ROI 1.2222
    hibernating: [20_000, 10_000], // win-back, 0.02 x 10,000 = 200 < 500: not recommended
  });

  it('returns the uplift on predicted value (growth) or on the value of the likely lost (win-back)', () => {
    const { basis, plans } = planBudgets(groups, DEFAULT_PLAYBOOK);
    expect(basis).toBe('predicted-value');
    expect(plans.map((plan) => [plan.group.key, plan.kind, plan.valueAtStake, plan.expectedReturn])).toEqual([
      ['champions', 'growth', 200_000, 4000],
      ['loyal', 'growth', 50_000, 1500],
      ['potentialLoyalists', 'growth', 60_000, 3000],
      ['atRisk', 'win-back', 80_000, 4000],
      ['hibernating', 'win-back', 10_000, 200],
    ]);
  });

  it('does not recommend a plan that costs more than it returns, and derives every priority from the return', () => {
    const { plans } = planBudgets(groups, DEFAULT_PLAYBOOK);
    expect(plans.map((plan) => [plan.group.key, plan.paysOff, plan.funded, plan.priority])).toEqual([
      ['champions', true, true, 'medium'],
      ['loyal', false, false, 'low'],
      ['potentialLoyalists', true, true, 'medium'],
      ['atRisk', true, true, 'high'], // the best net return (2,200) of the three funded: the best third
      ['hibernating', false, false, 'low'],
    ]);
    expect(plans.every((plan) => !plan.priorityPinned)).toBe(true);
  });

  it('funds the best ROI first within a total budget', () => {
    // atRisk (ROI 1.22, 1,800) then champions (1, 2,000) fit 4,000; potentialLoyalists (0.25, 2,400) does not.
    const { plans } = planBudgets(groups, DEFAULT_PLAYBOOK, 4000);
    expect(plans.filter((plan) => plan.funded).map((plan) => plan.group.key)).toEqual([
      'champions',
      'atRisk',
    ]);
    expect(plans.find((plan) => plan.group.key === 'potentialLoyalists')).toMatchObject({
      paysOff: true,
      funded: false,
      priority: 'low',
    });
    expect(totalPlan(plans)).toMatchObject({ budget: 3800, expectedReturn: 8000, customers: 250 });
  });

  it('keeps a priority pinned in the configuration', () => {
    const playbook = mergePlaybook(DEFAULT_PLAYBOOK, { loyal: { priority: 'high' } });
    const loyal = planBudgets(groups, playbook).plans.find((plan) => plan.group.key === 'loyal');
    expect(loyal).toMatchObject({ paysOff: false, priority: 'high', priorityPinned: true });
  });

  it('falls back to past revenue when a group has no value figures', () => {
    const mixed = [...groups.slice(0, 4), ...GROUPS.slice(4)];
    expect(planBudgets(mixed, DEFAULT_PLAYBOOK).basis).toBe('past-revenue');
    expect(planBudgets(mixed, DEFAULT_PLAYBOOK).plans[0]?.expectedReturn).toBeCloseTo(8000, 9);
  });
});

describe('the budget table when no paid plan pays off', () => {
  it('shows no table of zeros, says so in one line, and next steps say it plainly with automated actions', () => {
    const playbook = Object.fromEntries(GROUPS.map((group) => [group.key, { expectedUplift: 0.001 }]));
    const view = fixtureView({ settings: { playbook } });
    expect(view.budget?.rows).toEqual([]);
    expect(view.budget?.decisions).toEqual([
      'No paid plan returns more than it costs this period: automation only for every segment.',
    ]);
    expect(view.nextSteps[0]).toBe('No paid action pays off this period: keep to the automated ones below.');
    expect(view.nextSteps[1]).toMatch(/^Potential loyalists \(automation only, no paid budget\): /);
    expect(view.keyPoints.some((point) => point.text.startsWith('Biggest opportunity'))).toBe(false);
    expect(view.strategies.every((card) => card.priorityLevel === 'low')).toBe(true);
  });

  it('names the plans left out: not recommended, and not funded within the total budget', () => {
    const view = fixtureView({
      settings: { totalBudget: 4000, playbook: { hibernating: { expectedUplift: 0.001 } } },
    });
    expect(view.budget?.decisions).toEqual([
      'Not recommended this period, automation only (the paid plan would cost more than it returns): Hibernating.',
      'Pays off but left out of the total budget of $4,000 (better returns funded first): Champions, Loyal, At risk.',
    ]);
  });
});
