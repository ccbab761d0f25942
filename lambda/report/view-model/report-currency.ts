/**
 * The currency the report shows amounts in, never guessed: the one the file names (its currency column, or the
 * signs and codes of its amounts), else the configured one, else none (plain numbers, "in the file's currency").
 * The file's wins over the configuration: the amounts are what the file says they are, and a report setting shared
 * by several files must not relabel them; the footer says when the configuration disagreed.
 */
import type { Analysis } from '../../engine/analysis/analysis-types.ts';
import type { Messages } from '../locale/messages.ts';

export interface ReportCurrency {
  /** ISO 4217; undefined: amounts are plain numbers. */
  code: string | undefined;
  origin: 'column' | 'symbol' | 'configuration' | 'none';
  /** The configured currency when the file named another one (it was not used). */
  overruled: string | undefined;
}

/** The report's currency from the analysis (what the file names) and the configured one, if any. */
export function reportCurrency(analysis: Analysis, configured: string | undefined): ReportCurrency {
  const file = analysis.input.currency;
  if (file?.code) {
    const overruled = configured !== undefined && configured !== file.code ? configured : undefined;
    return { code: file.code, origin: file.source === 'column' ? 'column' : 'symbol', overruled };
  }
  if (configured !== undefined) return { code: configured, origin: 'configuration', overruled: undefined };
  return { code: undefined, origin: 'none', overruled: undefined };
}

/** The footer's line: which currency, and where it came from. */
export function currencyLine(currency: ReportCurrency, messages: Messages): string {
  const words = messages.footer.currency;
  const { code, origin, overruled } = currency;
  if (code === undefined) return words.unknown;
  if (origin === 'configuration') return words.configured(code);
  const line = words.detected({ currency: code, source: origin === 'column' ? words.column : words.signs });
  return overruled === undefined ? line : `${line} ${words.overruled(overruled)}`;
}

/** The data-quality note of lines left out because they name another currency; none when there are none. */
export function otherCurrencyNote(
  analysis: Analysis,
  messages: Messages,
  integer: (value: number) => string,
): string[] {
  const file = analysis.input.currency;
  const others = Object.entries(file?.otherLines ?? {});
  if (!file?.code || others.length === 0) return [];
  const lines = others.map(([code, count]) =>
    messages.quality.linesIn({ lines: integer(count), currency: code }),
  );
  return [messages.quality.otherCurrency({ currency: file.code, lines: lines.join(', ') })];
}
