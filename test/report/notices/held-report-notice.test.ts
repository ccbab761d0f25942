/**
 * The notice of a held report: one sentence per failed check with its value now, its value before and its
 * threshold in the report's words, in English and French; where the held report lies; how to release or discard.
 */
import { describe, expect, it } from 'vitest';
import type { PlausibilityFinding } from '../../../lambda/engine/plausibility/plausibility-checks.ts';
import { PLAUSIBILITY_CHECKS } from '../../../lambda/engine/plausibility/plausibility-settings.ts';
import { makeFormatters } from '../../../lambda/report/locale/formatters.ts';
import { type HeldReport, heldReportNotice } from '../../../lambda/report/notices/held-report-notice.ts';

/** One finding of each check, just past its default threshold. */
const FINDINGS: PlausibilityFinding[] = [
  { check: 'rows', now: 498, before: 1000, threshold: 0.5, measured: -0.502 },
  { check: 'customers', now: 601, before: 400, threshold: 0.5, measured: 0.5025 },
  { check: 'orders', now: 249, before: 500, threshold: 0.5, measured: -0.502 },
  { check: 'revenue', now: 9_000, before: 20_000, threshold: 0.5, measured: -0.55 },
  { check: 'period-not-advancing', now: '2011-11-27', before: '2011-11-27', threshold: null },
  { check: 'period-too-short', now: 1, before: 7, threshold: 0.6, measured: 1 / 7 },
  { check: 'rejected-lines', now: 0.071, before: 0.02, threshold: 0.05, measured: 0.051 },
  {
    check: 'new-rejection-reason',
    subject: 'unreadableDate',
    now: 6,
    before: 0,
    threshold: 0.005,
    measured: 0.006,
  },
  { check: 'column-mapping', subject: 'amount', now: 'Total', before: 'Amount', threshold: null },
  { check: 'value-parameters', subject: 'alpha', now: 15.01, before: 10, threshold: 0.5, measured: 0.501 },
  { check: 'segment-shares', subject: 'champions', now: 0.301, before: 0.2, threshold: 0.1, measured: 0.101 },
  { check: 'duplicate-content', subject: 'rows', now: 'x', before: 'x', threshold: null },
];

const HELD: HeldReport = {
  report: 'Weekly report, Nov 28, 2011 to Dec 4, 2011',
  location: 's3://data/archive/weekly/2011-W48/',
  findings: FINDINGS,
  release: 'segment-report release weekly/2011-W48',
  discard: 'segment-report discard weekly/2011-W48 --reason "..."',
  approval: 's3://data/approvals/weekly/2011-W48.release',
  discardApproval: 's3://data/approvals/weekly/2011-W48.discard',
  firstReport: false,
  expires: new Date('2011-12-12T08:00:00Z'),
};

describe('the notice of a held report', () => {
  it('says each failed check with its numbers, in English', () => {
    const notice = heldReportNotice('en', makeFormatters('en', 'GBP', 'UTC'), HELD);
    expect(notice.subject).toBe('Held for your review: Weekly report, Nov 28, 2011 to Dec 4, 2011');
    const lines = notice.text.split('\n').filter((line) => line.startsWith('- '));
    expect(lines).toEqual([
      '- Lines used: 498 against 1,000 last time (-50.2%), beyond the ±50.0% allowed.',
      '- Customers: 601 against 400 last time (+50.3%), beyond the ±50.0% allowed.',
      '- Orders: 249 against 500 last time (-50.2%), beyond the ±50.0% allowed.',
      '- Revenue: £9,000 against £20,000 last time (-55.0%), beyond the ±50.0% allowed.',
      "- The data ends on Nov 27, 2011, not after the previous report's last day, Nov 27, 2011.",
      '- The data covers only 1 of the 7 days expected (14.3%), under the 60.0% required.',
      '- Lines rejected: 7.1% against 2.0% last time (+5.1 pts), beyond the 5.0 pts allowed.',
      '- Lines were rejected for a reason not seen last time: unreadable date, 6 lines (0.6% of the lines read), beyond the 0.5% allowed.',
      '- The amount role is read from the column Total, last time from Amount.',
      '- Customer-value model parameter alpha: 15.0100 against 10.0000 last time (+50.1%), beyond the ±50.0% allowed.',
      '- Champions: 30.1% of customers against 20.0% last time (+10.1 pts), beyond the ±10.0 pts allowed.',
      '- The file has the same orders (in another order or layout) as an earlier file of this source.',
    ]);
    expect(notice.text).toContain('s3://data/archive/weekly/2011-W48/');
    expect(notice.text).toContain('segment-report release weekly/2011-W48');
    expect(notice.text).toContain('s3://data/approvals/weekly/2011-W48.release');
    expect(notice.html).toContain('<li>Revenue: £9,000 against £20,000');
  });

  it('says the same in French, every check in its own words', () => {
    const notice = heldReportNotice('fr', makeFormatters('fr', 'EUR', 'UTC'), HELD);
    // French numbers use no-break spaces (U+00A0, U+202F): compared here as plain spaces.
    const lines = notice.text
      .replace(/[\u00a0\u202f]/gu, ' ')
      .split('\n')
      .filter((line) => line.startsWith('- '));
    expect(lines).toHaveLength(PLAUSIBILITY_CHECKS.length);
    expect(lines[3]).toBe(
      '- Chiffre d’affaires : 9 000 € contre 20 000 € la dernière fois (-55,0 %), au-delà des ±50,0 % admis.',
    );
    expect(lines[10]).toBe(
      '- Champions : 30,1 % des clients contre 20,0 % la dernière fois (+10,1 pts), au-delà des ±10,0 pts admis.',
    );
    expect(notice.subject).toBe(
      'En attente de votre vérification : Weekly report, Nov 28, 2011 to Dec 4, 2011',
    );
    expect(notice.text).not.toMatch(/undefined|NaN/);
  });

  it('escapes what comes from the file in the HTML', () => {
    const notice = heldReportNotice('en', makeFormatters('en', undefined, 'UTC'), {
      ...HELD,
      findings: [
        { check: 'column-mapping', subject: 'amount', now: '<script>', before: 'Amount', threshold: null },
      ],
    });
    expect(notice.html).toContain('&lt;script&gt;');
    expect(notice.html).not.toContain('<script>');
  });

  it('shows a change just past its threshold with the decimals that tell them apart', () => {
    const notice = heldReportNotice('en', makeFormatters('en', 'GBP', 'UTC'), {
      ...HELD,
      findings: [{ check: 'revenue', now: 9_999, before: 20_000, threshold: 0.5, measured: -0.50005 }],
    });
    expect(notice.text).toContain(
      '- Revenue: £9,999 against £20,000 last time (-50.01%), beyond the ±50.0% allowed.',
    );
  });

  it('names a column role in the notice language', () => {
    const finding = {
      check: 'column-mapping' as const,
      subject: 'price',
      now: 'Prix',
      before: 'PU',
      threshold: null,
    };
    const french = heldReportNotice('fr', makeFormatters('fr', 'EUR', 'UTC'), {
      ...HELD,
      findings: [finding],
    });
    const english = heldReportNotice('en', makeFormatters('en', 'EUR', 'UTC'), {
      ...HELD,
      findings: [finding],
    });
    expect(french.text).toContain(
      '- Le rôle prix unitaire est lu dans la colonne Prix, la dernière fois dans PU.',
    );
    expect(english.text).toContain('- The unit price role is read from the column Prix, last time from PU.');
  });

  it('says why a first report is held when no check failed', () => {
    const notice = heldReportNotice('en', makeFormatters('en', 'GBP', 'UTC'), {
      ...HELD,
      findings: [],
      firstReport: true,
    });
    expect(notice.text).toContain('It is the first report of this source');
    expect(notice.text).not.toContain('What looks wrong');
  });
});
