/** The streaming reader of one customer-table column, which judges at the end what the column holds. */
import { DateOrderInference } from '../input/date-order-inference.ts';
import { type DateOrder, readDate } from '../input/date-parsing.ts';
import { type DecimalMark, MAX_PLAUSIBLE_TABLE_VALUE, parseDecimal } from '../input/number-parsing.ts';
import { CELL, type CellKind, dateOf, describe, isBlank, numberOf, packDayOrMonth } from './column-cells.ts';
import type { ColumnProfile } from './column-profile.ts';

/** Share of non-empty values that must parse for a column to count as numeric or as dates. */
export const PARSE_SHARE = 0.95;

/** Storage starts with room for this many cells and grows by half each time it is full. */
const FIRST_CAPACITY = 64;
const COMPACT_DATE = /^\s*\d{8}\s*$/;
/** Text columns keep no values (their profile's `values` is empty), so 10,000 of them cost nothing. */
const NO_VALUES = new Float64Array(0);

/**
 * Reads one customer-table column as its cells stream in, 8 bytes a cell (the number or the date; 9 once a date
 * appears, to tell dates from numbers), never the text: a 10,000-column table keeps no string per cell. Whether
 * the column is numeric, dates or text is known only at the end (95% of the non-empty values must parse), so a
 * cell that is not a number is read as a date too, and the dates' day/month order is settled at the end.
 */
export class ColumnReader {
  readonly name: string;
  readonly #decimalMark: DecimalMark;
  /** Per cell, its number, date or packed date (NaN when none); room grows as cells come. */
  #values = new Float64Array(FIRST_CAPACITY);
  /**
   * Per cell, what it held (CELL), from the first date on: until then a cell is a number exactly when its value is
   * not NaN (empty, text and implausible cells are all NaN), so a column without dates costs 8 bytes a cell.
   */
  #kinds: Uint8Array | undefined;
  #length = 0;
  #nonEmpty = 0;
  #numbers = 0;
  #implausible = 0;
  #dates = 0;
  #dayFirstExample: string | undefined;
  #monthFirstExample: string | undefined;
  #dayOrMonthExample: string | undefined;

  constructor(name: string, decimalMark: DecimalMark) {
    this.name = name;
    this.#decimalMark = decimalMark;
  }

  /** Reads the column's next cell. */
  add(cell: string): void {
    if (isBlank(cell)) return this.#push(CELL.empty, Number.NaN);
    this.#nonEmpty++;
    const number = parseDecimal(cell, this.#decimalMark);
    if (!Number.isNaN(number)) {
      this.#numbers++;
      if (COMPACT_DATE.test(cell) && readDate(cell).kind !== 'invalid') this.#dates++;
      if (Math.abs(number) <= MAX_PLAUSIBLE_TABLE_VALUE) return this.#push(CELL.number, number);
      this.#implausible++;
      return this.#push(CELL.implausible, Number.NaN);
    }
    const reading = readDate(cell);
    if (reading.kind === 'invalid') return this.#push(CELL.text, Number.NaN);
    this.#dates++;
    if (reading.kind === 'exact') return this.#push(CELL.date, reading.ms);
    if (reading.first > 12) this.#dayFirstExample ??= cell;
    if (reading.second > 12) this.#monthFirstExample ??= cell;
    this.#dayOrMonthExample ??= cell;
    this.#push(CELL.dayOrMonth, packDayOrMonth(reading));
  }

  /**
   * The column's profile: numeric, date (day/month order given, else proven by the data) or text, or empty when no
   * cell holds anything. Throws when a date column mixes both orders or never tells which. Frees the cells.
   */
  finish(dateOrder: DateOrder | undefined, sourceName: string): ColumnProfile {
    const rows = this.#length;
    const base = { name: this.name, implausible: this.#implausible };
    let profile: ColumnProfile;
    if (this.#nonEmpty === 0) {
      profile = { ...base, kind: 'empty', values: NO_VALUES, missing: rows, constant: true };
    } else if (this.#numbers >= PARSE_SHARE * this.#nonEmpty) {
      profile = describe({ ...base, kind: 'numeric' }, this.#collect(numberOf));
    } else if (this.#dates < PARSE_SHARE * this.#nonEmpty) {
      profile = { ...base, kind: 'text', values: NO_VALUES, missing: rows - this.#nonEmpty, constant: false };
    } else {
      const order = this.#dateOrder(dateOrder, sourceName);
      profile = describe(
        { ...base, kind: 'date' },
        this.#collect((kind, value) => dateOf(kind, value, order)),
      );
    }
    this.#kinds = undefined;
    this.#values = new Float64Array(0);
    return profile;
  }

  #dateOrder(given: DateOrder | undefined, sourceName: string): DateOrder {
    const inference = new DateOrderInference(this.name, sourceName);
    for (const example of [this.#dayFirstExample, this.#monthFirstExample]) {
      if (example !== undefined) inference.observe(readDate(example), example);
    }
    const order = given ?? inference.order;
    if (order === undefined && this.#dayOrMonthExample !== undefined) {
      throw inference.ambiguityError(this.#dayOrMonthExample);
    }
    return order ?? 'dmy';
  }

  #push(kind: CellKind, value: number): void {
    const length = this.#length;
    if (length === this.#values.length) this.#grow();
    if (this.#kinds === undefined && (kind === CELL.date || kind === CELL.dayOrMonth)) this.#startKinds();
    if (this.#kinds !== undefined) this.#kinds[length] = kind;
    this.#values[length] = value;
    this.#length = length + 1;
  }

  /** The kinds of the cells so far, none a date: a number, or NaN (read as empty: nothing to keep). */
  #startKinds(): void {
    const kinds = new Uint8Array(this.#values.length);
    for (let row = 0; row < this.#length; row++) {
      kinds[row] = Number.isNaN(this.#values[row]) ? CELL.empty : CELL.number;
    }
    this.#kinds = kinds;
  }

  /** Half as much room again: at most a third of the room is unused, and each cell is copied twice on average. */
  #grow(): void {
    const capacity = Math.ceil(this.#values.length * 1.5);
    const values = new Float64Array(capacity);
    values.set(this.#values);
    this.#values = values;
    if (this.#kinds === undefined) return;
    const kinds = new Uint8Array(capacity);
    kinds.set(this.#kinds);
    this.#kinds = kinds;
  }

  /** One value per cell, in order, from what each cell held. */
  #collect(valueOf: (kind: number, value: number) => number): Float64Array {
    const collected = new Float64Array(this.#length);
    const kinds = this.#kinds;
    for (let row = 0; row < this.#length; row++) {
      const value = this.#values[row] as number;
      const kind =
        kinds === undefined ? (Number.isNaN(value) ? CELL.empty : CELL.number) : (kinds[row] as number);
      collected[row] = valueOf(kind, value);
    }
    return collected;
  }
}
