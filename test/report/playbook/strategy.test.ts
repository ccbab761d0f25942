import { describe, expect, it } from 'vitest';
import { RFM_SEGMENT_KEYS } from '../../../lambda/engine/rfm/rfm-segments.ts';
import { ACTION_BOUNDS, actionsOf } from '../../../lambda/report/playbook/action-schema.ts';
import { DEFAULT_PLAYBOOK } from '../../../lambda/report/playbook/default-playbook.ts';
import {
  mergePlaybook,
  STRATEGY_BOUNDS,
  strategyFor,
  strategyOverrideSchema,
} from '../../../lambda/report/playbook/strategy.ts';

describe('mergePlaybook', () => {
  it('returns the base unchanged when nothing is overridden', () => {
    expect(mergePlaybook(DEFAULT_PLAYBOOK, {})).toEqual(DEFAULT_PLAYBOOK);
  });

  it('replaces only the fields given and skips fields given as undefined', () => {
    const merged = mergePlaybook(DEFAULT_PLAYBOOK, {
      lost: { expectedUplift: 0, priority: undefined, investmentPerCustomer: 3 },
    });
    expect(merged.lost).toEqual({ ...DEFAULT_PLAYBOOK.lost, expectedUplift: 0, investmentPerCustomer: 3 });
    // No priority unless configured: the report derives it (view-model/budget-plan.ts).
    expect(merged.lost?.priority).toBeUndefined();
    expect(mergePlaybook(DEFAULT_PLAYBOOK, { lost: { priority: 'high' } }).lost?.priority).toBe('high');
  });

  it('starts a new key from the default strategy', () => {
    const merged = mergePlaybook(DEFAULT_PLAYBOOK, { 'big-spenders': { investmentPerCustomer: 40 } });
    expect(merged['big-spenders']).toEqual({ ...DEFAULT_PLAYBOOK.default, investmentPerCustomer: 40 });
  });

  it('starts a new key from the configured default when `default` is overridden too, in any order', () => {
    // A configuration that changes `default` means it for every group without its own entry, configured or not.
    const before = mergePlaybook(DEFAULT_PLAYBOOK, {
      'big-spenders': { priority: 'high' },
      default: { investmentPerCustomer: 1 },
    });
    const after = mergePlaybook(DEFAULT_PLAYBOOK, {
      default: { investmentPerCustomer: 1 },
      'big-spenders': { priority: 'high' },
    });
    for (const merged of [before, after]) {
      expect(merged.default.investmentPerCustomer).toBe(1);
      expect(strategyFor(merged, 'unconfigured-group').investmentPerCustomer).toBe(1);
      expect(merged['big-spenders']).toEqual({
        ...DEFAULT_PLAYBOOK.default,
        investmentPerCustomer: 1,
        priority: 'high',
      });
    }
    // An existing key still starts from its own default entry, not from `default`.
    expect(mergePlaybook(DEFAULT_PLAYBOOK, { default: { investmentPerCustomer: 1 } }).champions).toEqual(
      DEFAULT_PLAYBOOK.champions,
    );
  });
});

describe('strategyFor', () => {
  it('finds the strategy of every RFM segment in the default playbook', () => {
    for (const key of RFM_SEGMENT_KEYS)
      expect(strategyFor(DEFAULT_PLAYBOOK, key)).toBe(DEFAULT_PLAYBOOK[key]);
  });

  it('uses the same strategies for the K-means cluster names that mean the same thing', () => {
    expect(strategyFor(DEFAULT_PLAYBOOK, 'high-value-loyal')).toEqual(DEFAULT_PLAYBOOK.champions);
    expect(strategyFor(DEFAULT_PLAYBOOK, 'lapsed-high-value')).toEqual(DEFAULT_PLAYBOOK.cantLoseThem);
    expect(strategyFor(DEFAULT_PLAYBOOK, 'lapsed-low-value')).toEqual(DEFAULT_PLAYBOOK.hibernating);
  });

  it('falls back to `default` for any other key', () => {
    expect(strategyFor(DEFAULT_PLAYBOOK, 'income-high-web-buyers')).toBe(DEFAULT_PLAYBOOK.default);
    expect(actionsOf(DEFAULT_PLAYBOOK.default.subStrategies)[0]?.name.en).toBe(
      'Send offers matched to the group’s profile',
    );
  });
});

describe('the default playbook', () => {
  it('has texts in both languages and sane money assumptions for every entry', () => {
    for (const [key, strategy] of Object.entries(DEFAULT_PLAYBOOK)) {
      const names = strategy.subStrategies.flatMap((sub) => [sub.name, ...sub.actions.map((a) => a.name)]);
      const texts = [...names, strategy.channel, strategy.frequency, strategy.tone];
      for (const text of texts) {
        expect(text.en, key).not.toBe('');
        expect(text.fr, key).not.toBe('');
        expect(text.fr, key).not.toBe(text.en);
      }
      const actions = actionsOf(strategy.subStrategies);
      expect(actions.length, key).toBeGreaterThan(0);
      // Costed by its actions, not by a flat amount; every action reaches someone and costs something.
      expect(strategy.investmentPerCustomer, key).toBeUndefined();
      for (const action of actions) {
        expect(action.unitCost, key).toBeGreaterThan(0);
        expect(action.reach, key).toBeGreaterThan(0);
      }
      expect(strategy.expectedUplift, key).toBeGreaterThan(0);
      expect(strategy.expectedUplift, key).toBeLessThanOrEqual(1);
    }
  });

  it('costs from 1 (Lost) to 30 (Can’t lose them) per customer of the segment', () => {
    // Per customer = sum of unit cost x reach, by hand from default-playbook.ts.
    const perCustomer = (key: string) =>
      actionsOf(strategyFor(DEFAULT_PLAYBOOK, key).subStrategies).reduce(
        (sum, action) => sum + action.unitCost * action.reach,
        0,
      );
    expect(perCustomer('lost')).toBeCloseTo(1, 10); // 0.2 x 1 + 2 x 0.4
    expect(perCustomer('cantLoseThem')).toBeCloseTo(30, 10); // 25 x 0.6 + 40 x 0.25 + 20 x 0.25
    expect(perCustomer('atRisk')).toBeCloseTo(12, 10); // 2.5 x 0.8 + 14 x 0.6 + 0.4 x 1 + 12 x 0.1
  });

  it('lies within the bounds a configuration is held to: every entry is a valid override of itself', () => {
    for (const [key, strategy] of Object.entries(DEFAULT_PLAYBOOK)) {
      expect(strategyOverrideSchema.safeParse(strategy).success, key).toBe(true);
      expect(strategy.expectedUplift, key).toBeLessThanOrEqual(STRATEGY_BOUNDS.maxExpectedUplift);
      expect(strategy.subStrategies.length, key).toBeLessThanOrEqual(ACTION_BOUNDS.maxSubStrategies);
      expect(actionsOf(strategy.subStrategies).length, key).toBeLessThanOrEqual(ACTION_BOUNDS.maxActions);
    }
  });
});

describe('configured sub-strategies and a flat amount per customer', () => {
  const callCampaign = [
    { name: 'Calls', actions: [{ name: 'Call within 7 days', unitCost: 9.5, reach: 0.3 }] },
  ];

  it('replaces the whole list of sub-strategies, names given once for both languages', () => {
    const override = strategyOverrideSchema.parse({ subStrategies: callCampaign });
    const merged = mergePlaybook(DEFAULT_PLAYBOOK, { atRisk: override });
    expect(merged.atRisk?.subStrategies).toEqual([
      {
        name: { en: 'Calls', fr: 'Calls' },
        actions: [
          { name: { en: 'Call within 7 days', fr: 'Call within 7 days' }, unitCost: 9.5, reach: 0.3 },
        ],
      },
    ]);
    expect(merged.atRisk?.channel).toEqual(DEFAULT_PLAYBOOK.atRisk?.channel);
  });

  it('keeps the actions listed under a configured flat amount, and drops an inherited one for costed actions', () => {
    const flat = mergePlaybook(DEFAULT_PLAYBOOK, { lost: { investmentPerCustomer: 3 } });
    expect(flat.lost?.investmentPerCustomer).toBe(3);
    expect(flat.lost?.subStrategies).toEqual(DEFAULT_PLAYBOOK.lost?.subStrategies);
    const costed = mergePlaybook(DEFAULT_PLAYBOOK, {
      default: { investmentPerCustomer: 1 },
      'big-spenders': strategyOverrideSchema.parse({ subStrategies: callCampaign }),
    });
    expect(costed['big-spenders']?.investmentPerCustomer).toBeUndefined();
    expect(strategyFor(costed, 'other-group').investmentPerCustomer).toBe(1);
  });

  it('refuses both at once, and actions outside a sub-strategy, with one line each', () => {
    const both = strategyOverrideSchema.safeParse({ investmentPerCustomer: 3, subStrategies: callCampaign });
    expect(both.error?.issues.map((issue) => issue.message)).toEqual([
      'set investmentPerCustomer (a flat amount per customer) or subStrategies (costed actions), not both',
    ]);
    const moved = strategyOverrideSchema.safeParse({ actions: ['Call them'] });
    expect(moved.error?.issues[0]?.path).toEqual(['actions']);
    expect(moved.error?.issues[0]?.message).toContain('"subStrategies"');
  });
});
