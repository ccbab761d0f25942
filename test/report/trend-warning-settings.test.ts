/**
 * The thresholds of the trends' early warnings in the report settings (`trendWarnings`): given ones over the
 * engine's defaults, each refused outside its range with its path; and the analysis draws its warnings with them,
 * records them, and the report's footer states the ones used.
 */
import { describe, expect, it } from 'vitest';
import { analyzeCsv } from '../../lambda/engine/analyze-csv.ts';
import { WARNING_DEFAULTS } from '../../lambda/engine/trends/warnings/warning-rules.ts';
import { renderReport } from '../../lambda/report/render/render-report.ts';
import { parseReportSettings } from '../../lambda/report/report-settings.ts';
import { testChartAssets } from '../support/chart-assets.ts';

describe('trendWarnings in the report settings', () => {
  it('keeps the defaults, and takes given thresholds one by one over them', () => {
    expect(parseReportSettings().trendWarnings).toEqual(WARNING_DEFAULTS);
    expect(
      parseReportSettings({ trendWarnings: { fallingPeriods: 2, cohortDropPoints: 0.2 } }).trendWarnings,
    ).toEqual({ ...WARNING_DEFAULTS, fallingPeriods: 2, cohortDropPoints: 0.2 });
  });

  it.each([
    [{ fallingPeriods: 0 }, 'trendWarnings.fallingPeriods: must be a whole number from 1 to 24, got 0'],
    [{ fallingPeriods: 2.5 }, 'trendWarnings.fallingPeriods: must be a whole number from 1 to 24, got 2.5'],
    [
      { volatilityRatio: 0.9 },
      'trendWarnings.volatilityRatio: must be a ratio from 1 to 100 (1.5 = half as volatile again), got 0.9',
    ],
    [{ volatilityWindow: 13 }, 'trendWarnings.volatilityWindow: must be a whole number from 2 to 12, got 13'],
    [
      { cohortDropPoints: 10 },
      'trendWarnings.cohortDropPoints: must be a share from 0 to 1 (0.1 = 10 points), got 10',
    ],
    [
      { cohortMinCustomers: null },
      'trendWarnings.cohortMinCustomers: must be a whole number from 1 to 1000000, got null',
    ],
  ])('refuses %j, naming the field and quoting the value', (trendWarnings, message) => {
    expect(() => parseReportSettings({ trendWarnings })).toThrow(`report settings: ${message}`);
  });

  it('refuses a key it does not know', () => {
    expect(() => parseReportSettings({ trendWarnings: { fallingWeeks: 3 } })).toThrow(/trendWarnings/);
  });
});

/** Monthly revenue that falls over its last two months only: 2 falls, a warning at 2 periods, none at 3. */
function fallingLog(): string {
  const lines = ['Invoice,Customer,Date,Amount'];
  const amounts = [100, 104, 100, 104, 100, 104, 100, 104, 100, 104, 90, 80];
  amounts.forEach((amount, month) => {
    for (let customer = 0; customer < 5; customer++) {
      const day = `2024-${String(month + 1).padStart(2, '0')}-10`;
      lines.push(`I${month}-${customer},C${customer},${day},${amount}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

async function analysed(trendWarnings?: typeof WARNING_DEFAULTS) {
  const bytes = (async function* () {
    yield new TextEncoder().encode(fallingLog());
  })();
  return (
    await analyzeCsv(bytes, {
      sourceName: 'falling.csv',
      now: new Date('2025-02-01T00:00:00Z'),
      asOf: '2025-01-01',
      trendWarnings,
    })
  ).analysis;
}

describe('the analysis and the report with the thresholds given', () => {
  it('draw the warnings with them, record them, and the footer states them', async () => {
    const byDefault = await analysed();
    const falling = (analysis: typeof byDefault) =>
      analysis.trends?.outlook?.warnings.filter(
        (warning) => warning.kind === 'falling' && warning.segment === null,
      );
    expect(falling(byDefault)).toEqual([]);
    const twoFalls = { ...WARNING_DEFAULTS, fallingPeriods: 2 };
    const configured = await analysed(twoFalls);
    expect(configured.trends?.outlook?.thresholds).toEqual(twoFalls);
    expect(falling(configured)).toEqual([
      { kind: 'falling', series: 'revenue', segment: null, periods: 2, from: 520, to: 400 },
    ]);
    const { text } = await renderReport(
      {
        analysis: configured,
        settings: parseReportSettings({ trendWarnings: { fallingPeriods: 2 } }),
        kind: 'upload',
        now: new Date('2025-02-01T00:00:00Z'),
      },
      { chartAssets: testChartAssets },
    );
    expect(text).toContain('Warnings: a fall 2 periods in a row');
  }, 60_000);
});
