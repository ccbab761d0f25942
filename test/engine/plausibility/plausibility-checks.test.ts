/**
 * Every plausibility check fails just past its threshold and passes just short of it (and at it), with the value
 * now, the value before and the threshold in its finding; a check turned off never fails.
 */
import { describe, expect, it } from 'vitest';
import { checkPlausibility } from '../../../lambda/engine/plausibility/plausibility-checks.ts';
import type { PlausibilityFacts } from '../../../lambda/engine/plausibility/plausibility-facts.ts';
import { LAST_WEEK_FACTS } from '../../support/plausibility-facts.ts';
import {
  ALL_CHECKS_ON,
  PLAUSIBILITY_CHECKS,
  PLAUSIBILITY_DEFAULTS,
  type PlausibilityCheck,
} from '../../../lambda/engine/plausibility/plausibility-settings.ts';

const BEFORE: PlausibilityFacts = LAST_WEEK_FACTS;

/** This week's facts: the same base a week on. */
const NOW: PlausibilityFacts = {
  ...BEFORE,
  firstPurchase: '2011-11-28',
  lastPurchase: '2011-12-04',
  fingerprint: { bytes: 'bytes-2', rows: 'rows-2' },
};

const WEEK = { days: 7 };

function failed(current: PlausibilityFacts, previous: PlausibilityFacts | undefined = BEFORE) {
  return checkPlausibility(current, previous, ALL_CHECKS_ON, WEEK, [BEFORE.fingerprint ?? {}]);
}

const checks = (current: PlausibilityFacts) => failed(current).map((finding) => finding.check);

describe('checkPlausibility', () => {
  it('finds nothing wrong with a normal week', () => {
    expect(failed(NOW)).toEqual([]);
  });

  it.each(['rows', 'customers', 'orders', 'revenue'] as const)(
    '%s: fails past a change of half its previous value, up or down, not at it',
    (check) => {
      const before = BEFORE[check];
      const limit = PLAUSIBILITY_DEFAULTS.volumeChange;
      expect(checks({ ...NOW, [check]: before * (1 - limit) })).toEqual([]);
      expect(checks({ ...NOW, [check]: before * (1 + limit) })).toEqual([]);
      expect(checks({ ...NOW, [check]: before * (1 - limit) * 0.999 })).toEqual([check]);
      const [finding] = failed({ ...NOW, [check]: before * (1 + limit) * 1.001 });
      expect(finding).toMatchObject({ check, before, threshold: limit });
      expect(finding?.measured).toBeCloseTo(0.5015, 6);
    },
  );

  it('period-not-advancing: fails when the last purchase day is not after the previous one', () => {
    expect(checks({ ...NOW, firstPurchase: '2011-11-22', lastPurchase: '2011-11-28' })).toEqual([]);
    expect(failed({ ...NOW, firstPurchase: '2011-11-21', lastPurchase: '2011-11-27' })).toEqual([
      { check: 'period-not-advancing', now: '2011-11-27', before: '2011-11-27', threshold: null },
    ]);
    expect(checks({ ...NOW, firstPurchase: '2011-11-20', lastPurchase: '2011-11-26' })).toEqual([
      'period-not-advancing',
    ]);
  });

  it('period-too-short: a weekly file spanning under 60% of the week (4 of 7 days: 57%) fails, 5 days pass', () => {
    expect(checks({ ...NOW, firstPurchase: '2011-11-30' })).toEqual([]); // 5 days: 71%
    expect(failed({ ...NOW, firstPurchase: '2011-12-01' })).toEqual([
      { check: 'period-too-short', now: 4, before: 7, threshold: 0.6, measured: 4 / 7 },
    ]);
    // One day of the week's data.
    expect(checks({ ...NOW, firstPurchase: '2011-12-04' })).toEqual(['period-too-short']);
    // Exactly at the threshold passes: 6 of 10 days.
    const tenDays = { days: 10 };
    const sixDays = { ...NOW, firstPurchase: '2011-11-29' };
    expect(checkPlausibility(sixDays, BEFORE, ALL_CHECKS_ON, tenDays)).toEqual([]);
  });

  it('rejected-lines: fails when the share rejected rises by more than 10 points', () => {
    expect(checks({ ...NOW, rowsRejected: 119 })).toEqual([]); // 2% -> 11.9%
    expect(checks({ ...NOW, rowsRejected: 120 })).toEqual([]); // 2% -> 12%: at the threshold
    const [finding] = failed({ ...NOW, rowsRejected: 121 });
    expect(finding).toMatchObject({ check: 'rejected-lines', now: 0.121, before: 0.02, threshold: 0.1 });
  });

  it('new-rejection-reason: a reason no line had before, rejecting more than 0.5% of the lines read', () => {
    expect(checks({ ...NOW, rejectionReasons: {} })).toEqual([]);
    // 5 lines of 1,000: at the threshold, no news; 6: past it.
    expect(checks({ ...NOW, rejectionReasons: { cancelled: 20, unparseableDate: 5 } })).toEqual([]);
    expect(failed({ ...NOW, rejectionReasons: { cancelled: 20, unparseableDate: 6 } })).toEqual([
      {
        check: 'new-rejection-reason',
        subject: 'unparseableDate',
        now: 6,
        before: 0,
        threshold: 0.005,
        measured: 0.006,
      },
    ]);
    // A reason seen last time is never new, however many lines it rejects now.
    expect(checks({ ...NOW, rejectionReasons: { cancelled: 400 } })).not.toContain('new-rejection-reason');
  });

  it('column-mapping: a role read from another header, or gone, or new', () => {
    const columns = { ...BEFORE.columns, amount: 'Total', quantity: 'Qty' };
    expect(failed({ ...NOW, columns })).toEqual([
      { check: 'column-mapping', subject: 'amount', now: 'Total', before: 'Amount', threshold: null },
      { check: 'column-mapping', subject: 'quantity', now: 'Qty', before: null, threshold: null },
    ]);
  });

  it('column-mapping: a product or category column the previous analysis did not list holds nothing', () => {
    // The previous analysis was written before purchase diversity was read (or with it off): no purchase role.
    const found = { ...BEFORE.columns, product: 'StockCode', category: 'Family' };
    expect(failed({ ...NOW, columns: found })).toEqual([]);
    // Alone it holds nothing; beside an order role that moved, only that role is a finding.
    expect(failed({ ...NOW, columns: { ...found, amount: 'Total' } })).toEqual([
      { check: 'column-mapping', subject: 'amount', now: 'Total', before: 'Amount', threshold: null },
    ]);
  });

  it('column-mapping: a product column that moves to another header, or disappears, is a finding', () => {
    const withProduct = { ...BEFORE, columns: { ...BEFORE.columns, product: 'StockCode' } };
    expect(failed({ ...NOW, columns: { ...BEFORE.columns, product: 'Description' } }, withProduct)).toEqual([
      {
        check: 'column-mapping',
        subject: 'product',
        now: 'Description',
        before: 'StockCode',
        threshold: null,
      },
    ]);
    expect(failed({ ...NOW, columns: BEFORE.columns }, withProduct)).toEqual([
      { check: 'column-mapping', subject: 'product', now: null, before: 'StockCode', threshold: null },
    ]);
    expect(failed({ ...NOW, columns: withProduct.columns }, withProduct)).toEqual([]);
  });

  it('column-mapping: compares the columns of two runs read the same way only', () => {
    const table = { customer: 'customer_id', order: 'invoice', date: 'invoice_date', amount: 'total' };
    // The week's files went to Athena (over the configured size): the table's column names, not the headers.
    expect(checks({ ...NOW, columns: table, aggregatedBy: 'athena' })).not.toContain('column-mapping');
    expect(
      failed(
        { ...NOW, columns: { ...table, amount: 'net' }, aggregatedBy: 'athena' },
        { ...BEFORE, columns: table, aggregatedBy: 'athena' },
      ),
    ).toEqual([{ check: 'column-mapping', subject: 'amount', now: 'net', before: 'total', threshold: null }]);
  });

  it('value-parameters: a parameter that moved by more than 50%', () => {
    const moved = (alpha: number) => ({ ...NOW, valueParameters: { ...BEFORE.valueParameters, alpha } });
    expect(checks(moved(15))).toEqual([]);
    expect(checks(moved(5))).toEqual([]);
    expect(failed(moved(15.01))).toEqual([
      {
        check: 'value-parameters',
        subject: 'alpha',
        now: 15.01,
        before: 10,
        threshold: 0.5,
        measured: expect.closeTo(0.501, 9),
      },
    ]);
    // Withheld predictions now: nothing to compare.
    expect(checks({ ...NOW, valueParameters: {} })).toEqual([]);
  });

  it('segment-shares: a segment whose share of customers moved by more than 15 points', () => {
    const shares = (champions: number) => ({
      ...NOW,
      segmentShares: { champions, loyal: 0.3, lost: 0.7 - champions },
    });
    expect(checks(shares(0.35))).toEqual([]);
    const found = failed(shares(0.351));
    expect(found.map((finding) => finding.subject)).toEqual(['champions', 'lost']);
    expect(found[0]).toMatchObject({ check: 'segment-shares', now: 0.351, before: 0.2, threshold: 0.15 });
  });

  it('duplicate-content: the same bytes, or the same rows, as an earlier file', () => {
    expect(failed({ ...NOW, fingerprint: { bytes: 'bytes-1', rows: 'rows-1' } })).toEqual([
      { check: 'duplicate-content', subject: 'bytes', now: 'bytes-1', before: 'bytes-1', threshold: null },
    ]);
    expect(checks({ ...NOW, fingerprint: { bytes: 'bytes-3', rows: 'rows-1' } })).toContain(
      'duplicate-content',
    );
    // A source's first report: only the duplicate and length checks can hold it.
    expect(checkPlausibility({ ...NOW, rows: 1 }, undefined, ALL_CHECKS_ON, WEEK)).toEqual([]);
  });

  it('never fails a check that is turned off', () => {
    const everythingWrong: PlausibilityFacts = {
      ...BEFORE,
      rows: 1,
      customers: 1,
      orders: 1,
      revenue: 1,
      firstPurchase: '2011-11-27',
      rowsRejected: 900,
      rejectionReasons: { new: 900 },
      columns: {},
      valueParameters: { r: 100 },
      segmentShares: { champions: 1 },
    };
    const all = checkPlausibility(everythingWrong, BEFORE, ALL_CHECKS_ON, WEEK, [BEFORE.fingerprint ?? {}]);
    expect(new Set(all.map((finding) => finding.check))).toEqual(new Set(PLAUSIBILITY_CHECKS));
    for (const off of PLAUSIBILITY_CHECKS) {
      const enabled = new Set<PlausibilityCheck>(PLAUSIBILITY_CHECKS.filter((check) => check !== off));
      const found = checkPlausibility(everythingWrong, BEFORE, { ...ALL_CHECKS_ON, enabled }, WEEK, [
        BEFORE.fingerprint ?? {},
      ]);
      expect(found.map((finding) => finding.check)).not.toContain(off);
    }
  });
});
