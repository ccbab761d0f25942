import { describe, expect, it } from 'vitest';
import { RFM_SEGMENT_KEYS } from '../../../lambda/engine/rfm/rfm-segments.ts';
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
    expect(DEFAULT_PLAYBOOK.default.investmentPerCustomer).toBe(5);
  });
});

describe('the default playbook', () => {
  it('has texts in both languages and sane money assumptions for every entry', () => {
    for (const [key, strategy] of Object.entries(DEFAULT_PLAYBOOK)) {
      const texts = [...strategy.actions, strategy.channel, strategy.frequency, strategy.tone];
      for (const text of texts) {
        expect(text.en, key).not.toBe('');
        expect(text.fr, key).not.toBe('');
      }
      expect(strategy.actions.length, key).toBeGreaterThan(0);
      expect(strategy.investmentPerCustomer, key).toBeGreaterThan(0);
      expect(strategy.expectedUplift, key).toBeGreaterThan(0);
      expect(strategy.expectedUplift, key).toBeLessThanOrEqual(1);
    }
  });

  it('lies within the bounds a configuration is held to: every entry is a valid override of itself', () => {
    for (const [key, strategy] of Object.entries(DEFAULT_PLAYBOOK)) {
      expect(strategyOverrideSchema.safeParse(strategy).success, key).toBe(true);
      expect(strategy.investmentPerCustomer, key).toBeGreaterThanOrEqual(
        STRATEGY_BOUNDS.minInvestmentPerCustomer,
      );
      expect(strategy.investmentPerCustomer, key).toBeLessThanOrEqual(
        STRATEGY_BOUNDS.maxInvestmentPerCustomer,
      );
      expect(strategy.expectedUplift, key).toBeLessThanOrEqual(STRATEGY_BOUNDS.maxExpectedUplift);
      expect(strategy.actions.length, key).toBeLessThanOrEqual(STRATEGY_BOUNDS.maxActions);
    }
  });
});
