/**
 * Short emails to the data team: a file was rejected (with the reason, one line naming the file and the line or
 * column, and the setting that would fix it), was not a CSV, was gone before it was read, a scheduled period had
 * no new data, a report's email may not have been delivered, or a scheduled run's aggregation failed. Plain text with a minimal HTML twin; every value escaped.
 */
import type { ScheduledReportKind } from '../../vocabulary/report-kind.ts';
import { makeFormatters } from '../locale/formatters.ts';
import { messagesOf } from '../locale/messages-of.ts';
import type { ReportLocale } from '../report-settings.ts';
import { escapeHtml } from '../templates/markup/escape-html.ts';

export interface Notice {
  subject: string;
  text: string;
  html: string;
}

/** The notice for a file that could not be analysed. */
export function rejectedFileNotice(
  locale: ReportLocale,
  file: string,
  reason: string,
  errorReportLocation: string,
  advice?: string,
): Notice {
  const messages = messagesOf(locale).notice;
  const paragraphs = [
    messages.rejectedIntro(file),
    `${messages.rejectedReason}: ${reason}`,
    ...(advice === undefined ? [] : [advice]),
    messages.rejectedKeep(errorReportLocation),
  ];
  return { subject: messages.rejectedSubject(file), ...asTextAndHtml(locale, paragraphs) };
}

/** The notice for a scheduled period without any new file. */
export function noNewDataNotice(
  locale: ReportLocale,
  kind: ScheduledReportKind,
  period: string,
  incomingPrefix: string,
  newestFile: string | null,
): Notice {
  const all = messagesOf(locale);
  const kindLabel = all.kindLabel[kind];
  return {
    subject: all.notice.noDataSubject(kindLabel, period),
    ...asTextAndHtml(locale, [
      all.notice.noDataBody({ kind: kindLabel, period, prefix: incomingPrefix, newest: newestFile }),
    ]),
  };
}

/** The notice for a scheduled run whose aggregation with Athena failed (issue 16): nothing was sent. */
export function aggregationFailedNotice(
  locale: ReportLocale,
  kind: ScheduledReportKind,
  period: string,
  table: string,
  error: string,
): Notice {
  const all = messagesOf(locale);
  const report = `${all.kindLabel[kind]} ${period}`;
  return {
    subject: all.notice.aggregationFailedSubject(report),
    ...asTextAndHtml(locale, [all.notice.aggregationFailedBody({ report, table, error })]),
  };
}

/** The notice for a report whose email the mail service never confirmed: not sent again, to be checked. */
export function uncertainDeliveryNotice(locale: ReportLocale, report: string, claimLocation: string): Notice {
  const messages = messagesOf(locale).notice;
  return {
    subject: messages.uncertainSubject(report),
    ...asTextAndHtml(locale, [messages.uncertainBody({ report, claim: claimLocation })]),
  };
}

/** The notice for an uploaded file deleted or replaced before its run could read it. */
export function missingFileNotice(locale: ReportLocale, file: string): Notice {
  const messages = messagesOf(locale).notice;
  return { subject: messages.missingSubject(file), ...asTextAndHtml(locale, [messages.missingBody(file)]) };
}

/** The notice for an upload left to the scheduled runs on Athena: over the size the configuration sends there. */
export function toAthenaNotice(
  locale: ReportLocale,
  file: string,
  bytes: number,
  limitBytes: number,
): Notice {
  const messages = messagesOf(locale).notice;
  const megabytes = (value: number) => makeFormatters(locale, undefined, 'UTC').integer(value / 1e6);
  const words = { file, megabytes: megabytes(bytes), limit: megabytes(limitBytes) };
  return {
    subject: messages.toAthenaSubject(file),
    ...asTextAndHtml(locale, [messages.toAthenaBody(words)]),
  };
}

/** The notice for a file under the input prefix that is not a CSV. */
export function notCsvNotice(locale: ReportLocale, file: string, incomingPrefix: string): Notice {
  const messages = messagesOf(locale).notice;
  return {
    subject: messages.notCsvSubject(file),
    ...asTextAndHtml(locale, [messages.notCsvBody({ file, prefix: incomingPrefix })]),
  };
}

function asTextAndHtml(locale: ReportLocale, paragraphs: string[]): { text: string; html: string } {
  const body = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
  return { text: `${paragraphs.join('\n\n')}\n`, html: noticeHtml(locale, body) };
}

/** A notice's HTML around its body (already escaped): every notice to the data team looks the same. */
export function noticeHtml(locale: ReportLocale, body: string): string {
  return `<!doctype html>\n<html lang="${locale}"><body style="font-family:Helvetica,Arial,sans-serif;font-size:14px;">\n${body}\n</body></html>\n`;
}
