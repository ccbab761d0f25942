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
  /** The command lines and the approval object that release or discard it. */
  release: string;
  discard: string;
  approval: string;
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
  const intro = words.heldIntro({ report: held.report, location: held.location });
  const howTo = words.heldHowTo({
    release: held.release,
    discard: held.discard,
    approval: held.approval,
    expires: format.moment(held.expires),
  });
  const text = `${intro}\n\n${words.heldFindings}:\n${findings.map((line) => `- ${line}`).join('\n')}\n\n${howTo}\n`;
  const html = noticeHtml(
    locale,
    [
      `<p>${escapeHtml(intro)}</p>`,
      `<p>${escapeHtml(words.heldFindings)}:</p>`,
      `<ul>${findings.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
      `<p>${escapeHtml(howTo)}</p>`,
    ].join('\n'),
  );
  return { subject: words.heldSubject(held.report), text, html };
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
