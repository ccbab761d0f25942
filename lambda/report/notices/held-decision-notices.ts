/**
 * The notices that follow a held report (issue 15): the reminder when it expires with nobody's decision (never a
 * send), and the reply to an approval object that could not be acted on. Nothing in them is a customer's data.
 */
import type { Formatters } from '../locale/formatters.ts';
import { messagesOf } from '../locale/messages-of.ts';
import type { ReportLocale } from '../report-settings.ts';
import { escapeHtml } from '../templates/markup/escape-html.ts';
import { type Notice, noticeHtml } from './data-team-notice.ts';

/** The reminder for a held report nobody released or discarded in time: it expired, nothing was sent. */
export function heldExpiredNotice(
  locale: ReportLocale,
  format: Formatters,
  held: { report: string; location: string; heldAt: Date },
): Notice {
  const words = messagesOf(locale).notice;
  const body = words.heldExpiredBody({
    report: held.report,
    location: held.location,
    heldAt: format.moment(held.heldAt),
  });
  return {
    subject: words.heldExpiredSubject(held.report),
    text: `${body}\n`,
    html: noticeHtml(locale, `<p>${escapeHtml(body)}</p>`),
  };
}

/** The notice for an approval object that could not be acted on (no such held report, already decided...). */
export function approvalRefusedNotice(locale: ReportLocale, object: string, reason: string): Notice {
  const words = messagesOf(locale).notice;
  const body = words.approvalRefusedBody({ object, reason });
  return {
    subject: words.approvalRefusedSubject(object),
    text: `${body}\n`,
    html: noticeHtml(locale, `<p>${escapeHtml(body)}</p>`),
  };
}
