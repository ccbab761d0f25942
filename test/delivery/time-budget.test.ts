import { describe, expect, it } from 'vitest';
import { RESERVE_AFTER_READING_MS, readingTimeBudget } from '../../lambda/delivery/time-budget.ts';
import { InputError, FileTooLargeError } from '../../lambda/errors/input-errors.ts';

/** A clock whose remaining time the test sets, as Lambda's context would report it. */
function clockWith(remaining: number[]) {
  let call = 0;
  return { remainingMs: () => remaining[Math.min(call++, remaining.length - 1)] ?? 0 };
}

describe('readingTimeBudget', () => {
  it('lets the reading go on while the rest of the run still has its reserve', () => {
    const budget = readingTimeBudget(clockWith([300_000, 200_000, RESERVE_AFTER_READING_MS]), 's3://b/k.csv');

    expect(() => budget(100_000)).not.toThrow();
    expect(() => budget(200_000)).not.toThrow();
  });

  it('stops it with the lines read and the time spent, as an input problem for the data team', () => {
    const budget = readingTimeBudget(clockWith([300_000, 59_999]), 's3://b/big.csv');

    let failure: unknown;
    try {
      budget(2_670_000);
    } catch (error) {
      failure = error;
    }

    expect(failure).toBeInstanceOf(FileTooLargeError);
    expect(failure).toBeInstanceOf(InputError);
    expect((failure as Error).message).toBe(
      "s3://b/big.csv: file too large for one function: 2,670,000 lines read in 240.0 s, with 60 s left of the function's time; split the file, or analyse it with the command line",
    );
  });
});
