import { describe, expect, it } from 'vitest';
import { REJECTION_REASONS } from '../../../lambda/engine/analysis/rejection-reasons.ts';
import { RejectionTally } from '../../../lambda/engine/shared-steps/rejection-tally.ts';

describe('RejectionTally', () => {
  it('starts every zeroed reason at 0, one per reason, in their order; each tally its own counts', () => {
    const tally = new RejectionTally(REJECTION_REASONS);
    expect(Object.keys(tally.counts)).toEqual([...REJECTION_REASONS]);
    expect(Object.values(tally.counts).every((count) => count === 0)).toBe(true);
    tally.reject('cancelled', 3);
    expect(new RejectionTally(REJECTION_REASONS).counts.cancelled).toBe(0);
  });

  it('counts each rejection and keeps the first line of each reason', () => {
    const tally = new RejectionTally<'duplicateCustomer' | 'missingCustomer'>();
    tally.reject('duplicateCustomer', 14);
    tally.reject('missingCustomer', 9);
    tally.reject('duplicateCustomer', 20);
    expect(tally.counts).toEqual({ duplicateCustomer: 2, missingCustomer: 1 });
    expect(Object.keys(tally.counts)).toEqual(['duplicateCustomer', 'missingCustomer']);
    expect(tally.firstLines).toEqual({ duplicateCustomer: 14, missingCustomer: 9 });
  });
});
