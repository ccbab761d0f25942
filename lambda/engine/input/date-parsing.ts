/** The order of day, month and year in slashed or dashed dates: `31/12/2024` is dmy, `12/31/2024` is mdy. */
export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** A calendar date and time read as written (wall clock, no time zone), as milliseconds since 1970 UTC. */
export type WallClockMs = number;

export const MS_PER_DAY = 86_400_000;

/**
 * The first year read: a date before 1900 is an export error (`0001-01-01` as "no date", a year typed as `0099`),
 * never a purchase; it is unreadable rather than shifted (JavaScript's Date.UTC reads years 0 to 99 as 1900 to 1999).
 * Two-digit years (`31/12/24`) are not read at all: the century would be a guess.
 */
export const FIRST_YEAR = 1900;

const ISO_LIKE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** What a date text says before the day/month order is known. */
export type DateReading =
  | { kind: 'exact'; ms: WallClockMs }
  | { kind: 'day-or-month'; first: number; second: number; year: number; timeMs: number }
  | { kind: 'invalid' };

const INVALID: DateReading = { kind: 'invalid' };

/**
 * Reads ISO dates (`2024-03-31`, `2024-03-31 08:26[:00]`, `T` and offsets accepted), `YYYYMMDD`, and
 * `dd/mm/yyyy [HH:MM[:SS]]` or `mm/dd/yyyy` (also with `-` or `.`), whose order is left open for the caller.
 */
export function readDate(raw: string): DateReading {
  const text = raw.trim();
  const iso = ISO_LIKE.exec(text) ?? COMPACT.exec(text);
  if (iso) {
    const [, year, month, day, hours, minutes, seconds] = iso;
    return exactDate(Number(year), Number(month), Number(day), timeOfDayMs(hours, minutes, seconds));
  }
  const slashed = DAY_MONTH_YEAR.exec(text);
  if (!slashed) return INVALID;
  const [, first, second, year, hours, minutes, seconds] = slashed;
  const timeMs = timeOfDayMs(hours, minutes, seconds);
  if (Number.isNaN(timeMs)) return INVALID;
  const reading: DateReading = {
    kind: 'day-or-month',
    first: Number(first),
    second: Number(second),
    year: Number(year),
    timeMs,
  };
  // A date in the calendar neither way (32/13/2024, 31/02/2024) is unreadable, and says nothing of the order.
  const calendarDate =
    !Number.isNaN(resolveDate(reading, 'dmy')) || !Number.isNaN(resolveDate(reading, 'mdy'));
  return calendarDate ? reading : INVALID;
}

/** Resolves a day-or-month reading with a known order; invalid calendar dates (31/02) give NaN. */
export function resolveDate(reading: DateReading, order: DateOrder): WallClockMs {
  switch (reading.kind) {
    case 'exact':
      return reading.ms;
    case 'invalid':
      return Number.NaN;
    case 'day-or-month': {
      const [day, month] =
        order === 'dmy' ? [reading.first, reading.second] : [reading.second, reading.first];
      const date = exactDate(reading.year, month, day, reading.timeMs);
      return date.kind === 'exact' ? date.ms : Number.NaN;
    }
  }
}

/** The spellings a day/month order is named by in options and in messages. */
export const DATE_FORMATS = ['DD/MM/YYYY', 'MM/DD/YYYY'] as const;

/**
 * Reads the `dateFormat` option: `DD/MM/YYYY`, `MM/DD/YYYY` (any case, any separator), or `dmy` / `mdy`;
 * undefined for anything else (the input options schema says what is accepted).
 */
export function readDateOrderOption(option: string): DateOrder | undefined {
  const normalised = option.toLowerCase().replace(/[^dmy]/g, '');
  if (normalised === 'ddmmyyyy' || normalised === 'dmy') return 'dmy';
  if (normalised === 'mmddyyyy' || normalised === 'mdy') return 'mdy';
  return undefined;
}

/** Formats a wall-clock time as YYYY-MM-DD. */
export function formatIsoDay(ms: WallClockMs): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Parses YYYY-MM-DD strictly (calendar-checked) to the start of that day. */
export function parseIsoDay(text: string): WallClockMs {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return Number.NaN;
  const date = exactDate(Number(match[1]), Number(match[2]), Number(match[3]), 0);
  return date.kind === 'exact' ? date.ms : Number.NaN;
}

function exactDate(year: number, month: number, day: number, timeMs: number): DateReading {
  if (year < FIRST_YEAR || month < 1 || month > 12 || day < 1 || day > 31 || Number.isNaN(timeMs)) {
    return INVALID;
  }
  const ms = Date.UTC(year, month - 1, day);
  if (new Date(ms).getUTCDate() !== day) return INVALID;
  return { kind: 'exact', ms: ms + timeMs };
}

function timeOfDayMs(hours?: string, minutes?: string, seconds?: string): number {
  if (hours === undefined) return 0;
  const [h, m, s] = [Number(hours), Number(minutes ?? 0), Number(seconds ?? 0)];
  if (h > 23 || m > 59 || s > 59) return Number.NaN;
  return ((h * 60 + m) * 60 + s) * 1000;
}
