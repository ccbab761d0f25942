import { describe, expect, it } from 'vitest';
import {
  decideValueVerdict,
  MIN_HISTORY_DAYS,
  MIN_HOLDOUT_DAYS,
  MIN_REPEAT_CUSTOMERS,
  withholdBeforeFit,
} from '../../../lambda/engine/value/value-verdict.ts';

const LONG_ENOUGH = { historyDays: 365, holdoutDays: 91, repeatCustomers: 500 };
const BETTER = { kind: 'compared', modelMae: 0.42, baselineMae: 0.49 } as const;

describe('decideValueVerdict', () => {
  it('shows the predictions when the history suffices and the model beats the baseline, saying by how much', () => {
    expect(decideValueVerdict(LONG_ENOUGH, BETTER)).toEqual({
      status: 'shown',
      note:
        "On the check period the model missed each customer's purchases by 0.42 on average, 14.3% less than " +
        'assuming each keeps their past rate (0.49).',
      spendNote: null,
    });
  });

  it('shows purchases but withholds the value figures when only the spend model failed, saying why', () => {
    const verdict = decideValueVerdict(LONG_ENOUGH, { ...BETTER, spendFailure: 'spend model: q = 0.900' });
    expect(verdict).toMatchObject({ status: 'shown' });
    expect(verdict.status === 'shown' && verdict.spendNote).toBe(
      'Order value and customer value withheld: the spend model could not be fitted (spend model: q = 0.900); ' +
        'expected purchases and P(alive) are shown.',
    );
    const worse = { ...BETTER, modelMae: 0.6, spendFailure: 'spend model: q = 0.900' };
    expect(decideValueVerdict(LONG_ENOUGH, worse)).toMatchObject({ reason: 'no-better-than-baseline' });
  });

  it(`withholds too-short below ${MIN_HISTORY_DAYS} days of history or a ${MIN_HOLDOUT_DAYS}-day holdout, at the edge too`, () => {
    const short = { ...LONG_ENOUGH, historyDays: MIN_HISTORY_DAYS - 1 };
    expect(decideValueVerdict(short, BETTER)).toMatchObject({ status: 'withheld', reason: 'too-short' });
    const shortHoldout = { ...LONG_ENOUGH, holdoutDays: MIN_HOLDOUT_DAYS - 1 };
    expect(decideValueVerdict(shortHoldout, BETTER)).toMatchObject({ reason: 'too-short' });
    const atTheEdge = {
      historyDays: MIN_HISTORY_DAYS,
      holdoutDays: MIN_HOLDOUT_DAYS,
      repeatCustomers: MIN_REPEAT_CUSTOMERS,
    };
    expect(decideValueVerdict(atTheEdge, BETTER).status).toBe('shown');
  });

  it(`withholds too-few-repeat-customers below ${MIN_REPEAT_CUSTOMERS}, after the length check`, () => {
    const few = { ...LONG_ENOUGH, repeatCustomers: MIN_REPEAT_CUSTOMERS - 1 };
    expect(decideValueVerdict(few, BETTER)).toMatchObject({
      status: 'withheld',
      reason: 'too-few-repeat-customers',
    });
    expect(decideValueVerdict({ ...few, historyDays: 60 }, BETTER)).toMatchObject({ reason: 'too-short' });
  });

  it('withholds fit-failed with the detail in the note', () => {
    const detail = 'purchase model: the optimiser did not converge';
    const verdict = decideValueVerdict(LONG_ENOUGH, { kind: 'fit-failed', detail });
    expect(verdict).toEqual({
      status: 'withheld',
      reason: 'fit-failed',
      note: `Predictions withheld: the model could not be fitted (${detail}).`,
    });
  });

  it('withholds no-better-than-baseline when the model errs as much as the baseline or more', () => {
    for (const modelMae of [0.49, 0.6, Number.NaN]) {
      expect(
        decideValueVerdict(LONG_ENOUGH, { kind: 'compared', modelMae, baselineMae: 0.49 }),
      ).toMatchObject({
        status: 'withheld',
        reason: 'no-better-than-baseline',
      });
    }
  });
});

describe('withholdBeforeFit', () => {
  it('lets a long enough history with enough repeat customers go on to the fit', () => {
    expect(withholdBeforeFit(LONG_ENOUGH)).toBeUndefined();
  });

  it('says in plain words what the file has and what is needed', () => {
    expect(withholdBeforeFit({ historyDays: 60, holdoutDays: 15, repeatCustomers: 0 })?.note).toBe(
      'Predictions withheld: the file covers 60 days of purchases with a 15-day check period; checking the ' +
        `model against what customers did needs at least ${MIN_HISTORY_DAYS} days, with at least ` +
        `${MIN_HOLDOUT_DAYS} held back.`,
    );
  });
});
