/**
 * The notice to the data team for a report held by the plausibility checks (issue 15): why, with each failed
 * check's value now, value before and threshold in the report's words, where the held report is, and how to
 * release or discard it. Nothing in it is a customer's data.
 */
import type { PlausibilityFinding } from '../../engine/plausibility/plausibility-checks.ts';
import { RFM_SEGMENT_KEYS, RFM_SEGMENT_NAMES, type RfmSegmentKey } from '../../engine/rfm/rfm-segments.ts';
import type { Formatters } from '../locale/formatters.ts';
import type { HeldFindingWords, Messages } from '../locale/messages.ts';
import { messagesOf } from '../locale/messages-of.ts';
import type { ReportLocale } from '../report-settings.ts';
import { escapeHtml } from '../templates/markup/escape-html.ts';
import { type Notice, noticeHtml } from './data-team-notice.ts';

export interface HeldReport {
  /** The report's subject, as the executives would have read it. */
  report: string;
  /** Where the held report lies (its archive folder). */
  location: string;
  findings: readonly PlausibilityFinding[];
  /** The command lines and the approval objects that release or discard it. */
  release: string;
  discard: string;
  approval: string;
  discardApproval: string;
  /** Held as a source's first report (the configuration's `holdFirstReport`). */
  firstReport: boolean;
  /** The attached preview of the email, when there is one. */
  preview?: string | undefined;
  /** When the held report expires if nobody decides. */
  expires: Date;
}

/** The notice for a held report, in `locale`, numbers formatted by `format`. */
export function heldReportNotice(locale: ReportLocale, format: Formatters, held: HeldReport): Notice {
  const messages = messagesOf(locale);
  const words = messages.notice;
  const findings = held.findings.map((finding) =>
    words.heldFinding[finding.check](findingWords(finding, locale, format, messages)),
  );
  const intro = [
    words.heldIntro({ report: held.report, location: held.location }),
    ...(held.preview === undefined ? [] : [words.heldPreview(held.preview)]),
  ].join(' ');
  const howTo = words.heldHowTo({
    release: held.release,
    discard: held.discard,
    approval: held.approval,
    discardApproval: held.discardApproval,
    expires: format.moment(held.expires),
  });
  const why =
    findings.length === 0
      ? { text: words.heldFirstReport, html: `<p>${escapeHtml(words.heldFirstReport)}</p>` }
      : {
          text: `${words.heldFindings}:\n${findings.map((line) => `- ${line}`).join('\n')}${held.firstReport ? `\n\n${words.heldFirstReport}` : ''}`,
          html: [
            `<p>${escapeHtml(words.heldFindings)}:</p>`,
            `<ul>${findings.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
            ...(held.firstReport ? [`<p>${escapeHtml(words.heldFirstReport)}</p>`] : []),
          ].join('\n'),
        };
  const text = `${intro}\n\n${why.text}\n\n${howTo}\n`;
  const html = noticeHtml(
    locale,
    [`<p>${escapeHtml(intro)}</p>`, why.html, `<p>${escapeHtml(howTo)}</p>`].join('\n'),
  );
  return { subject: words.heldSubject(held.report), text, html };
}

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

/** A finding's numbers in the words its sentence uses. */
function findingWords(
  finding: PlausibilityFinding,
  locale: ReportLocale,
  format: Formatters,
  messages: Messages,
): HeldFindingWords {
  const none = messages.notice.noValue;
  const text = (value: number | string | null, asNumber: (value: number) => string) =>
    value === null ? none : typeof value === 'number' ? asNumber(value) : value;
  const measured = finding.measured;
  const dayOf = (value: number | string | null) => (typeof value === 'string' ? format.day(value) : none);
  const threshold = finding.threshold ?? 0;
  const unsignedPoints = (share: number) => format.pointsChange(share).replace(/^[+−-]/u, '');
  const words = (
    asNumber: (value: number) => string,
    changeOf: (value: number) => string,
    limit: string,
  ) => ({
    subject: finding.subject ?? '',
    now: text(finding.now, asNumber),
    before: text(finding.before, asNumber),
    measured: measured === undefined ? '' : changeOf(measured),
    threshold: limit,
  });
  switch (finding.check) {
    case 'rows':
    case 'customers':
    case 'orders':
      return words(format.integer, format.change, format.percent(threshold));
    case 'revenue':
      return words(format.money, format.change, format.percent(threshold));
    case 'period-not-advancing':
      return {
        ...words(format.integer, format.change, ''),
        now: dayOf(finding.now),
        before: dayOf(finding.before),
      };
    case 'period-too-short':
      return words(format.integer, format.percent, format.percent(threshold));
    case 'rejected-lines':
      return words(format.percent, format.pointsChange, unsignedPoints(threshold));
    case 'value-parameters':
      return words((value) => format.decimal(value, 4), format.change, format.percent(threshold));
    case 'segment-shares':
      return {
        ...words(format.percent, format.pointsChange, unsignedPoints(threshold)),
        subject: segmentName(finding.subject, locale),
      };
    case 'new-rejection-reason':
      return { ...words(format.integer, format.change, ''), subject: reasonWords(finding.subject, messages) };
    case 'column-mapping':
      return words(format.integer, format.change, '');
    case 'duplicate-content':
      return {
        ...words(format.integer, format.change, ''),
        subject: messages.notice.duplicateOf[finding.subject === 'rows' ? 'rows' : 'bytes'],
      };
  }
}

function segmentName(key: string | undefined, locale: ReportLocale): string {
  return RFM_SEGMENT_KEYS.includes(key as RfmSegmentKey)
    ? RFM_SEGMENT_NAMES[key as RfmSegmentKey][locale]
    : (key ?? '');
}

function reasonWords(reason: string | undefined, messages: Messages): string {
  return reason === undefined ? '' : (messages.quality.reasons[reason] ?? reason);
}
