/**
 * Short emails to the data team: a file was rejected (with the reason, one line naming the file and the line or
 * column), or a scheduled period had no new data. Plain text with a minimal HTML twin; every value escaped.
 */
import { escapeHtml } from '../../../templates/escape-html.ts';
import { MESSAGES_EN } from '../locale/messages-en.ts';
import { MESSAGES_FR } from '../locale/messages-fr.ts';
import type { ReportKind } from '../locale/messages.ts';
import type { ReportLocale } from '../report-settings.ts';

export interface Notice {
  subject: string;
  text: string;
  html: string;
}

const MESSAGES = { en: MESSAGES_EN, fr: MESSAGES_FR } as const;

/** The notice for a file that could not be analysed. */
export function rejectedFileNotice(
  locale: ReportLocale,
  file: string,
  reason: string,
  errorReportLocation: string,
): Notice {
  const messages = MESSAGES[locale].notice;
  const paragraphs = [
    messages.rejectedIntro(file),
    `${messages.rejectedReason}: ${reason}`,
    messages.rejectedKeep(errorReportLocation),
  ];
  return { subject: messages.rejectedSubject(file), ...asTextAndHtml(locale, paragraphs) };
}

/** The notice for a scheduled period without any new file. */
export function noNewDataNotice(
  locale: ReportLocale,
  kind: Exclude<ReportKind, 'upload'>,
  period: string,
  incomingPrefix: string,
  newestFile: string | null,
): Notice {
  const all = MESSAGES[locale];
  const kindLabel = all.kindLabel[kind];
  return {
    subject: all.notice.noDataSubject(kindLabel, period),
    ...asTextAndHtml(locale, [
      all.notice.noDataBody({ kind: kindLabel, period, prefix: incomingPrefix, newest: newestFile }),
    ]),
  };
}

function asTextAndHtml(locale: ReportLocale, paragraphs: string[]): { text: string; html: string } {
  const body = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
  return {
    text: `${paragraphs.join('\n\n')}\n`,
    html: `<!doctype html>\n<html lang="${locale}"><body style="font-family:Helvetica,Arial,sans-serif;font-size:14px;">\n${body}\n</body></html>\n`,
  };
}
