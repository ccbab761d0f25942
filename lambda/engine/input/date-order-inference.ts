import type { DateOrder, DateReading } from './date-parsing.ts';
import { quoteName } from './message-text.ts';
import { InputError } from '../../errors/input-errors.ts';

/**
 * Infers day-first or month-first from the data: a first number above 12 proves day-first, a second number above
 * 12 proves month-first. Both in one column is an error; neither leaves the order open (truly ambiguous).
 */
export class DateOrderInference {
  #dayFirstExample: string | undefined;
  #monthFirstExample: string | undefined;
  readonly #columnName: string;
  readonly #sourceName: string;

  constructor(columnName: string, sourceName: string) {
    this.#columnName = columnName;
    this.#sourceName = sourceName;
  }

  /** Takes one reading into account; throws when the column has already shown both orders. */
  observe(reading: DateReading, raw: string): void {
    if (reading.kind !== 'day-or-month') return;
    if (reading.first > 12 && this.#dayFirstExample === undefined) this.#dayFirstExample = raw;
    if (reading.second > 12 && this.#monthFirstExample === undefined) this.#monthFirstExample = raw;
    if (this.#dayFirstExample !== undefined && this.#monthFirstExample !== undefined) {
      throw new InputError(
        `${this.#sourceName}: column ${quoteName(this.#columnName)} mixes day-first ` +
          `(${quoteName(this.#dayFirstExample)}) and month-first (${quoteName(this.#monthFirstExample)}) dates`,
      );
    }
  }

  /** The order the data proves, or undefined while it proves none. */
  get order(): DateOrder | undefined {
    if (this.#dayFirstExample !== undefined) return 'dmy';
    if (this.#monthFirstExample !== undefined) return 'mdy';
    return undefined;
  }

  /** The error for a column whose dates never showed their order: the `dateFormat` option must tell it. */
  ambiguityError(example: string): InputError {
    return new InputError(
      `${this.#sourceName}: column ${quoteName(this.#columnName)}: dates such as ${quoteName(example)} can be ` +
        'read day-first or month-first',
      { option: 'dateFormat' },
    );
  }
}
