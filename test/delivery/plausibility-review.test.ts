/**
 * The plausibility review on the in-memory store: a report compared with the previous run archived in its series
 * and with the content of the earlier ones, with the configured checks of its kind.
 */
import { describe, expect, it } from 'vitest';
import { ARCHIVE_FILES } from '../../lambda/delivery/archive-layout.ts';
import { reviewPlausibility, type ReviewedReport } from '../../lambda/delivery/plausibility-review.ts';
import { findPreviousRun } from '../../lambda/delivery/report-history.ts';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import { analyzeText } from '../support/analyze-text.ts';
import { SILENT_LOGGER } from '../support/fake-clock.ts';
import { MemoryDelivery } from '../support/memory-delivery.ts';
import { HOLD_DEFAULTS } from '../support/hold-settings.ts';

const SERIES = 'reports/upload/datasets/erp/';
const NOW = new Date('2024-06-01T12:00:00Z');

/** A week of orders from `firstDay` (YYYY-MM-DD), `perDay` orders a day of 10 each, customers C1..C20. */
function weekOfOrders(firstDay: string, days = 7, perDay = 10, amount = 10): string {
  const lines = ['order,customer,date,amount'];
  const start = Date.parse(firstDay);
  for (let day = 0; day < days; day++) {
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    for (let n = 0; n < perDay; n++) lines.push(`O${day}-${n},C${(day * perDay + n) % 20},${date},${amount}`);
  }
  return lines.join('\n');
}

async function analysisOf(csv: string): Promise<Analysis> {
  return (await analyzeText(csv, { fingerprint: true, value: false })).analysis;
}

async function archive(delivery: MemoryDelivery, runName: string, analysis: Analysis): Promise<void> {
  await delivery.store.write(`${SERIES}${runName}/${ARCHIVE_FILES.analysis}`, JSON.stringify(analysis));
}

/** The week of May 20, 2024: what a weekly report on it is about. */
const WEEK = { first: '2024-05-20', last: '2024-05-26' };

async function review(delivery: MemoryDelivery, analysis: Analysis, kind: ReviewedReport['kind'] = 'upload') {
  const runName = '2024-05-27T00-00-00Z';
  const history = await findPreviousRun(delivery.store, SERIES, runName, SILENT_LOGGER);
  const reportPeriod = kind === 'weekly' ? WEEK : undefined;
  return reviewPlausibility(delivery.context(), {
    kind,
    analysis,
    history,
    seriesFolder: SERIES,
    runName,
    reportPeriod,
  });
}

describe('reviewPlausibility', () => {
  it('passes a normal week after a normal week', async () => {
    const delivery = new MemoryDelivery(NOW, { hold: HOLD_DEFAULTS });
    await archive(delivery, '2024-05-20T00-00-00Z', await analysisOf(weekOfOrders('2024-05-13')));
    const result = await review(delivery, await analysisOf(weekOfOrders('2024-05-20')));
    expect(result).toEqual({ findings: [], firstReport: false, hold: false });
  });

  it('holds one day of a week: too short against the previous upload, and its volumes fall', async () => {
    const delivery = new MemoryDelivery(NOW, { hold: HOLD_DEFAULTS });
    await archive(delivery, '2024-05-20T00-00-00Z', await analysisOf(weekOfOrders('2024-05-13')));
    const result = await review(delivery, await analysisOf(weekOfOrders('2024-05-20', 1)));
    expect(result.hold).toBe(true);
    expect(result.findings.map((finding) => finding.check)).toEqual(
      expect.arrayContaining(['period-too-short', 'rows', 'orders', 'revenue']),
    );
    expect(result.findings.find((finding) => finding.check === 'period-too-short')).toMatchObject({
      now: 1,
      before: 7,
    });
  });

  it('holds a file with the same orders as an earlier one of the series, not only the previous', async () => {
    const delivery = new MemoryDelivery(NOW, { hold: HOLD_DEFAULTS });
    const first = await analysisOf(weekOfOrders('2024-05-06'));
    await archive(delivery, '2024-05-13T00-00-00Z', first);
    await archive(delivery, '2024-05-20T00-00-00Z', await analysisOf(weekOfOrders('2024-05-13')));
    // The week of May 6 again, its lines in another order.
    const [header, ...lines] = weekOfOrders('2024-05-06').split('\n');
    const again = await analysisOf([header, ...lines.reverse()].join('\n'));
    const result = await review(delivery, again);
    expect(result.findings).toContainEqual(
      expect.objectContaining({
        check: 'duplicate-content',
        subject: 'rows',
        now: first.input.contentFingerprint,
      }),
    );
  });

  it('does not hold a first report unless configured to, and uses the configured checks of the kind', async () => {
    const first = await analysisOf(weekOfOrders('2024-05-20'));
    expect(await review(new MemoryDelivery(NOW, { hold: HOLD_DEFAULTS }), first)).toEqual({
      findings: [],
      firstReport: true,
      hold: false,
    });
    expect(
      (await review(new MemoryDelivery(NOW, { hold: { ...HOLD_DEFAULTS, holdFirstReport: true } }), first))
        .hold,
    ).toBe(true);
    // Volume checks off for uploads: one day of a week is still too short, but its volumes are not findings.
    const delivery = new MemoryDelivery(NOW, {
      hold: { upload: { off: ['rows', 'customers', 'orders', 'revenue', 'segment-shares'] } },
    });
    await archive(delivery, '2024-05-20T00-00-00Z', await analysisOf(weekOfOrders('2024-05-13')));
    const result = await review(delivery, await analysisOf(weekOfOrders('2024-05-20', 1)));
    expect(result.findings.map((finding) => finding.check)).toEqual(['period-too-short']);
  });

  it('expects a week of data for the weekly report, whatever the previous one held', async () => {
    const delivery = new MemoryDelivery(NOW, { hold: HOLD_DEFAULTS });
    await archive(delivery, '2024-05-20T00-00-00Z', await analysisOf(weekOfOrders('2024-05-13', 2)));
    const fourDays = await review(delivery, await analysisOf(weekOfOrders('2024-05-20', 4, 35)), 'weekly');
    expect(fourDays.findings.find((finding) => finding.check === 'period-too-short')).toMatchObject({
      now: 4,
      before: 7,
    });
    const fiveDays = await review(delivery, await analysisOf(weekOfOrders('2024-05-20', 5, 28)), 'weekly');
    expect(fiveDays.findings.map((finding) => finding.check)).not.toContain('period-too-short');
  });
});
