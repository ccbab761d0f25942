// One meaning per word (issue 13): the group of customers the KPIs count as at risk (At risk, Can't lose them,
// About to sleep) is named, with its segments, wherever it is counted, and never by the At risk segment's name.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../lambda/engine/analysis/analysis-types.ts';
import { formatSummary } from '../../../lambda/cli/format-summary.ts';
import { buildReportView } from '../../../lambda/report/view-model/build-report-view.ts';
import { CDNOW } from '../../../tools/real-data.ts';
import { analyzeFile } from '../../support/analyze-file.ts';
import { reportInput } from '../fixtures/report-input.ts';

let cdnow: Analysis;

beforeAll(async () => {
  cdnow = (await analyzeFile(CDNOW)).analysis;
}, 120_000);

const GROUP = {
  en: "At risk, Can't lose them, About to sleep",
  fr: 'À risque, À ne pas perdre, En train de s’endormir',
};

describe('the customers slipping away', () => {
  it.each(['en', 'fr'] as const)('are named with their segments wherever they are counted (%s)', (locale) => {
    const view = buildReportView(reportInput({ analysis: cdnow, settings: { locale } }));
    const segmentNames = (cdnow.rfm?.segments ?? []).map((segment) => segment.name[locale]);
    const tile = view.headline.find((kpi) => kpi.key === 'atRiskShare');
    expect(segmentNames).not.toContain(tile?.label);
    expect(tile?.detail).toBe(GROUP[locale]);
    const counted = (cdnow.rfm?.segments ?? [])
      .filter((segment) => ['atRisk', 'cantLoseThem', 'aboutToSleep'].includes(segment.key))
      .reduce((sum, segment) => sum + segment.customers, 0);
    const atRiskAlone = cdnow.rfm?.segments.find((segment) => segment.key === 'atRisk')?.customers;
    expect(counted).toBeGreaterThan(atRiskAlone ?? 0);
    const retention = view.keyPoints.find((point) => point.text.includes(`(${GROUP[locale]})`));
    expect(retention?.text).toContain(counted.toLocaleString(locale === 'en' ? 'en-US' : 'fr-FR'));
    expect(view.alerts.filter((alert) => alert.includes(`(${GROUP[locale]})`))).toHaveLength(1);
    const watch = view.watch.find((row) => row.kpi === tile?.label);
    expect(watch).toBeDefined();
  });

  it('are named with their segments in the terminal summary too', () => {
    const line = formatSummary(cdnow)
      .split('\n')
      .find((candidate) => candidate.includes('slipping away'));
    expect(line).toMatch(
      /^ {2}slipping away \(At risk, Can't lose them, About to sleep\) [\d.]+% of customers/,
    );
    expect(line).toContain('lost (Hibernating, Lost)');
  });
});
