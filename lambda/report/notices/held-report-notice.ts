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

/** How a finding's numbers are written: the values, the measured change, the threshold. */
type NumberWords = (
  asNumber: (value: number) => string,
  changeOf: (value: number, digits?: number) => string,
  limit: string,
  limitOf?: (value: number, digits?: number) => string,
) => HeldFindingWords;

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
  const threshold = finding.threshold ?? 0;
  const words: NumberWords = (asNumber, changeOf, limit, limitOf = changeOf) => ({
    subject: finding.subject ?? '',
    now: text(finding.now, asNumber),
    before: text(finding.before, asNumber),
    measured: finding.measured === undefined ? '' : pastLimit(finding.measured, threshold, changeOf, limitOf),
    threshold: limit,
  });
  const dayOf = (value: number | string | null) => (typeof value === 'string' ? format.day(value) : none);
  const identity = words(format.integer, format.change, '');
  switch (finding.check) {
    case 'period-not-advancing':
      return { ...identity, now: dayOf(finding.now), before: dayOf(finding.before) };
    case 'new-rejection-reason':
      return {
        ...words(format.integer, format.percent, format.percent(finding.threshold ?? 0)),
        subject: reasonWords(finding.subject, messages),
      };
    case 'column-mapping':
      return {
        ...identity,
        subject: messages.notice.columnRoles[finding.subject ?? ''] ?? finding.subject ?? '',
      };
    case 'duplicate-content':
      return {
        ...identity,
        subject: messages.notice.duplicateOf[finding.subject === 'rows' ? 'rows' : 'bytes'],
      };
    case 'segment-shares':
      return { ...measuredWords(finding, format, words), subject: segmentName(finding.subject, locale) };
    default:
      return measuredWords(finding, format, words);
  }
}

/** The words of a check that measures a change against a threshold. */
function measuredWords(
  finding: PlausibilityFinding,
  format: Formatters,
  words: NumberWords,
): HeldFindingWords {
  const threshold = finding.threshold ?? 0;
  const unsignedPoints = (share: number) => format.pointsChange(share).replace(/^[+−-]/u, '');
  switch (finding.check) {
    case 'revenue':
      return words(format.money, format.change, format.percent(threshold), format.percent);
    case 'period-too-short':
      return words(format.integer, format.percent, format.percent(threshold));
    case 'rejected-lines':
    case 'segment-shares':
      return words(format.percent, format.pointsChange, unsignedPoints(threshold));
    case 'value-parameters':
      return words(
        (value) => format.decimal(value, 4),
        format.change,
        format.percent(threshold),
        format.percent,
      );
    default:
      return words(format.integer, format.change, format.percent(threshold), format.percent);
  }
}

/**
 * The measured change with enough decimals to differ from the threshold it passed: a change of 50.02% past a
 * limit of 50% reads "50.02%", not "50.0%" beside "50.0% allowed". At most four decimals.
 */
function pastLimit(
  measured: number,
  threshold: number,
  changeOf: (value: number, digits?: number) => string,
  limitOf: (value: number, digits?: number) => string,
): string {
  const unsigned = (text: string) => text.replace(/^[+−-]/u, '');
  for (let digits = 1; digits < 4; digits += 1) {
    if (unsigned(changeOf(measured, digits)) !== unsigned(limitOf(threshold, digits))) {
      return digits === 1 ? changeOf(measured) : changeOf(measured, digits);
    }
  }
  return changeOf(measured, 4);
}

function segmentName(key: string | undefined, locale: ReportLocale): string {
  return RFM_SEGMENT_KEYS.includes(key as RfmSegmentKey)
    ? RFM_SEGMENT_NAMES[key as RfmSegmentKey][locale]
    : (key ?? '');
}

function reasonWords(reason: string | undefined, messages: Messages): string {
  return reason === undefined ? '' : (messages.quality.reasons[reason] ?? reason);
}
