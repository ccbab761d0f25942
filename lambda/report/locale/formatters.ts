/**
 * Every number, amount, percentage and date of the report goes through `Intl`, in the report's language,
 * currency and time zone, so that English and French readers each see their own conventions.
 *
 * The one formatting policy, for the email, its plain text and the terminal summary (lambda/cli/format-summary.ts):
 *
 * | what                               | formatter    | shows                                         |
 * | ---------------------------------- | ------------ | --------------------------------------------- |
 * | totals, tables, tiles, budgets     | `money`      | whole units at any size: £930 beside £1,220   |
 * | subjects and headers               | `moneyShort` | compact: £8.9M                                |
 * | per-customer and per-order amounts | `moneyExact` | cents: average order £85.36, £5.00 a customer |
 * | shares, rates, ROI                 | `percent`    | one decimal: 15.0%, 863.7%                    |
 * | ratios (orders per customer)       | `ratio`      | two decimals: 2.30                            |
 *
 * Cents on a total would be noise beside the thousands around it and make £930.00 look more precise than £1,220;
 * an amount per customer or per order is small and compared with others of its kind, where the cents tell.
 */
import type { ReportLocale } from '../report-settings.ts';
import type { PeriodUnit } from './messages.ts';

const INTL_LOCALES: Record<ReportLocale, string> = { en: 'en-US', fr: 'fr-FR' };

export interface Formatters {
  /** An amount in whole units, whatever its size: totals, budgets, returns, values at stake. */
  money(value: number): string;
  /** A short amount for subjects and headlines: €8.9M, 8,9 M€. */
  moneyShort(value: number): string;
  /** An amount with cents always, only for per-customer and per-order amounts (average order value). */
  moneyExact(value: number): string;
  integer(value: number): string;
  /** A ratio such as orders per customer, with two decimals. */
  ratio(value: number): string;
  decimal(value: number, fractionDigits?: number): string;
  /** A share 0..1 as a percentage with one decimal (or `fractionDigits`). */
  percent(share: number, fractionDigits?: number): string;
  /** A relative change as a signed percentage: +4.2%, −12.0% (one decimal, or `fractionDigits`). */
  change(relative: number, fractionDigits?: number): string;
  /** A change in percentage points: +1.5 pts (one decimal, or `fractionDigits`). */
  pointsChange(difference: number, fractionDigits?: number): string;
  /** An ISO day (YYYY-MM-DD), shown as a date with no time. */
  day(isoDay: string): string;
  /** A trend period by its first day (YYYY-MM-DD): a month as "Dec 2010", a week by its Monday as "Nov 28, 2011". */
  period(isoDay: string, unit: PeriodUnit): string;
  /** The calendar day of a moment in the report's time zone, with no time. */
  dayOf(date: Date): string;
  /** A moment, with the time zone shown. */
  moment(date: Date): string;
}

/**
 * The formatters of one language, currency and time zone. With no currency (the file names none and none is
 * configured), amounts are plain numbers, `8.9M`, `1,234.50`: a sign would invent a currency.
 */
export function makeFormatters(
  locale: ReportLocale,
  currency: string | undefined,
  timeZone: string,
): Formatters {
  const tag = INTL_LOCALES[locale];
  const { whole: moneyWhole, cents: moneyCents, compact: moneyCompact } = moneyFormats(tag, currency);
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const ratio = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(tag, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const change = new Intl.NumberFormat(tag, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const points = new Intl.NumberFormat(tag, {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const day = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const localDay = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone });
  const moment = new Intl.DateTimeFormat(tag, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
  return {
    money: (value) => moneyWhole.format(value),
    moneyShort: (value) => moneyCompact.format(value),
    moneyExact: (value) => moneyCents.format(value),
    integer: (value) => integer.format(value),
    ratio: (value) => ratio.format(value),
    decimal: (value, fractionDigits = 1) =>
      new Intl.NumberFormat(tag, {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }).format(value),
    percent: (value, digits) => (digits === undefined ? percent : withDigits(percent, digits)).format(value),
    change: (value, digits) => (digits === undefined ? change : withDigits(change, digits)).format(value),
    pointsChange: (value, digits) =>
      `${(digits === undefined ? points : withDigits(points, digits)).format(value * 100)} pts`,
    day: (isoDay) => day.format(new Date(`${isoDay}T00:00:00Z`)),
    period: (isoDay, unit) => (unit === 'month' ? month : day).format(new Date(`${isoDay}T00:00:00Z`)),
    dayOf: (date) => localDay.format(date),
    moment: (date) => moment.format(date),
  };
}

/** Whole, cents and compact amounts: with the currency's sign, or plain numbers when there is no currency. */
function moneyFormats(tag: string, currency: string | undefined) {
  const money = currency === undefined ? {} : ({ style: 'currency', currency } as const);
  return {
    whole: new Intl.NumberFormat(tag, { ...money, maximumFractionDigits: 0 }),
    cents: new Intl.NumberFormat(tag, { ...money, minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    compact: new Intl.NumberFormat(tag, { ...money, notation: 'compact', maximumFractionDigits: 1 }),
  };
}

/** The same number format with `digits` decimals (a notice showing that 50.02% is past 50.0%). */
function withDigits(format: Intl.NumberFormat, digits: number): Intl.NumberFormat {
  const { locale, ...options } = format.resolvedOptions();
  return new Intl.NumberFormat(locale, {
    ...(options as Intl.NumberFormatOptions),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
