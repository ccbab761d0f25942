import { describe, expect, it } from 'vitest';
import { parseAsOf, resolveAsOfDay } from '../../../lambda/engine/shared-steps/as-of-day.ts';
import { InputError } from '../../../lambda/errors/input-errors.ts';

const DAY = 86_400_000;

describe('parseAsOf', () => {
  it('reads a calendar day as the moment it starts, and nothing as nothing', () => {
    expect(parseAsOf('2024-05-01')).toBe(Date.parse('2024-05-01T00:00:00Z'));
    expect(parseAsOf(undefined)).toBeUndefined();
  });

  it('refuses anything else, naming the option', () => {
    expect(() => parseAsOf('2024-02-30')).toThrow(InputError);
    expect(() => parseAsOf('01/05/2024')).toThrow('--as-of must be a date YYYY-MM-DD, got "01/05/2024"');
    const error = (() => {
      try {
        return parseAsOf('soon');
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).option).toBe('asOf');
  });
});

describe('resolveAsOfDay', () => {
  const latest = Date.parse('2024-03-31T18:00:00Z');
  const now = Date.parse('2024-06-15T09:00:00Z');

  it('takes the day given, else the day after the latest moment, else the day of the analysis', () => {
    expect(resolveAsOfDay(Date.parse('2024-05-01T00:00:00Z'), latest, now) * DAY).toBe(
      Date.parse('2024-05-01'),
    );
    expect(resolveAsOfDay(undefined, latest, now)).toBe(19_814);
    expect(resolveAsOfDay(undefined, latest, now) * DAY).toBe(Date.parse('2024-04-01'));
    expect(resolveAsOfDay(undefined, Number.NEGATIVE_INFINITY, now) * DAY).toBe(Date.parse('2024-06-15'));
  });
});
