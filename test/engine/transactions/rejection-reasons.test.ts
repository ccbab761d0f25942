import { describe, expect, it } from 'vitest';
import {
  emptyRejectionCounts,
  REJECTION_REASONS,
} from '../../../lambda/engine/transactions/rejection-reasons.ts';

describe('REJECTION_REASONS', () => {
  it('lists the reasons in the order lines are checked (the README table)', () => {
    expect(REJECTION_REASONS).toEqual([
      'wrongFieldCount',
      'missingCustomer',
      'cancelled',
      'unreadableDate',
      'unreadableNumber',
      'implausibleAmount',
      'nonPositiveQuantity',
      'nonPositivePrice',
      'nonPositiveAmount',
      'futureDate',
      'afterAsOf',
    ]);
  });

  it('starts every count at zero, one per reason', () => {
    const counts = emptyRejectionCounts();
    expect(Object.keys(counts)).toEqual([...REJECTION_REASONS]);
    expect(Object.values(counts).every((count) => count === 0)).toBe(true);
    counts.cancelled++;
    expect(emptyRejectionCounts().cancelled).toBe(0);
  });
});
