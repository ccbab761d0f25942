/**
 * Segment and cluster names as a reader sees them on a phone: each name in the email's segment tables, laid out
 * by headless Chromium at 375 px, takes at most two lines (issue 13: "High Mnt Meat Products, high Mnt Wines" took
 * five), in English and French, for the three real data sets and for the longest names the labels can make.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../lambda/engine/analysis/analysis-types.ts';
import type { ClusterTrait } from '../../../lambda/engine/clustering/segmentation/clustering-types.ts';
import { columnMeaning } from '../../../lambda/report/locale/column-labels.ts';
import { renderReport } from '../../../lambda/report/render/render-report.ts';
import { parseReportSettings, type ReportLocale } from '../../../lambda/report/report-settings.ts';
import { MAX_NAME_LENGTH, wordTraits } from '../../../lambda/report/view-model/cluster-names.ts';
import { launchChromium, leadingTextLines, openHtml } from '../../support/browser.ts';
import { analyzeFile } from '../../support/analyze-file.ts';
import { CDNOW, CUSTOMER_PERSONALITY, ONLINE_RETAIL } from '../../../tools/real-data.ts';
import { testChartAssets } from '../../support/chart-assets.ts';

const BROWSER_TIMEOUT = 60_000;
const PHONE_WIDTH = 375;
const MAX_NAME_LINES = 2;
/**
 * The first cell of each body row of the segment tables (the header row has `th` cells): a name, or the priority
 * under a name that has a row of its own. Their first line is matched against the names of the view.
 */
const NAME_CELLS = '.section-overview table[cellpadding="3"] tr > td:first-child';

const DATA_SETS = {
  'online-retail': ONLINE_RETAIL,
  cdnow: CDNOW,
  'customer-personality': CUSTOMER_PERSONALITY,
};
type DataSet = keyof typeof DATA_SETS;

const analyses = new Map<DataSet, Analysis>();
let browser: Browser;

beforeAll(async () => {
  const [launched] = await Promise.all([
    launchChromium(),
    ...Object.entries(DATA_SETS).map(async ([dataSet, path]) => {
      analyses.set(dataSet as DataSet, (await analyzeFile(path)).analysis);
    }),
  ]);
  browser = launched;
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

const CASES = (Object.keys(DATA_SETS) as DataSet[]).flatMap((dataSet) =>
  (['en', 'fr'] as const).map((locale) => ({ dataSet, locale })),
);

/** The names of the email's segment tables as laid out at 375 px: each with its number of lines. */
async function namesAtPhoneWidth(analysis: Analysis, locale: ReportLocale) {
  const { html, view } = await renderReport(
    {
      analysis,
      settings: parseReportSettings({ locale }),
      kind: 'upload',
      now: new Date('2025-01-06T08:00:00Z'),
    },
    { chartAssets: testChartAssets },
  );
  const page = await openHtml(browser, html, PHONE_WIDTH);
  try {
    const expected = view.overviews.flatMap((table) => table.rows.map((row) => row.name));
    const names = (await leadingTextLines(page, NAME_CELLS)).filter((cell) => expected.includes(cell.text));
    expect(names.map((name) => name.text)).toEqual(expected);
    for (const name of names) expect(name.lines, name.text).toBeGreaterThan(0);
    return names;
  } finally {
    await page.close();
  }
}

describe.each(CASES)('the $dataSet email in $locale at 375 px', ({ dataSet, locale }) => {
  it(
    `shows every segment name on at most ${MAX_NAME_LINES} lines`,
    async () => {
      const names = await namesAtPhoneWidth(analyses.get(dataSet) as Analysis, locale);
      const tooLong = names.filter((name) => name.lines > MAX_NAME_LINES);
      expect(tooLong, `names over ${MAX_NAME_LINES} lines at ${PHONE_WIDTH} px`).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});

describe.each(['en', 'fr'] as const)('the longest cluster names the labels can make, in %s', (locale) => {
  it(
    `take at most ${MAX_NAME_LINES} lines at 375 px`,
    async () => {
      const analysis = analyses.get('customer-personality') as Analysis;
      const traits = longestTraits(analysis, locale);
      const clusters = analysis.clusters.clusters.map((cluster, index) => ({
        ...cluster,
        traits: index === 0 ? traits : traits.map((trait) => ({ ...trait, high: !trait.high })),
      }));
      const names = await namesAtPhoneWidth(
        { ...analysis, clusters: { ...analysis.clusters, clusters } },
        locale,
      );
      expect(names.at(-2)?.text.length).toBeGreaterThan(MAX_NAME_LENGTH - 15);
      const tooLong = names.filter((name) => name.lines > MAX_NAME_LINES);
      expect(tooLong, `names over ${MAX_NAME_LINES} lines at ${PHONE_WIDTH} px`).toEqual([]);
    },
    BROWSER_TIMEOUT,
  );
});

/** The three traits, among the table's columns and the campaign ones, whose name in words is the longest. */
function longestTraits(analysis: Analysis, locale: ReportLocale): ClusterTrait[] {
  const features = [...analysis.clusters.features.map((feature) => feature.name), 'AcceptedCmp1', 'Response'];
  let longest: ClusterTrait[] = [];
  let length = 0;
  for (const first of features)
    for (const second of features)
      for (const third of features)
        for (const direction of [0, 1, 2, 3, 4, 5, 6, 7]) {
          const traits = [first, second, third].map((feature, place) => ({
            feature,
            high: (direction & (1 << place)) !== 0,
          }));
          const name = wordTraits(traits, locale, columnMeaning);
          if (name.length > length) [longest, length] = [traits, name.length];
        }
  return longest;
}
