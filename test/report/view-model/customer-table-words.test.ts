/**
 * A customer table's report in words a reader knows (issue 13): cluster names from column labels instead of raw
 * column names ("High MntMeatProducts, high MntWines"), the settings' own labels first, and a subject and header
 * that describe the data instead of "Customer table (no transaction dates)". On the real Customer Personality
 * file, in English and French.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../lambda/engine/analysis/analysis-types.ts';
import { renderReport } from '../../../lambda/report/render/render-report.ts';
import { parseReportSettings, type ReportSettingsInput } from '../../../lambda/report/report-settings.ts';
import { analyzeFile } from '../../support/analyze-file.ts';
import { CUSTOMER_PERSONALITY } from '../../../tools/real-data.ts';
import { testChartAssets } from '../../support/chart-assets.ts';

/** What a raw Customer Personality column name starts with: `MntWines`, `NumWebPurchases`, `AcceptedCmp3`. */
const RAW_COLUMN = /Mnt|Num|Cmp/;

let analysis: Analysis;

beforeAll(async () => {
  analysis = (await analyzeFile(CUSTOMER_PERSONALITY)).analysis;
}, 60_000);

function report(settings: ReportSettingsInput = {}) {
  return renderReport(
    {
      analysis,
      settings: parseReportSettings(settings),
      kind: 'upload',
      now: new Date('2025-01-06T08:00:00Z'),
    },
    { chartAssets: testChartAssets },
  );
}

/** The names of the cluster table (the last overview: RFM segments come first). */
async function clusterNames(settings: ReportSettingsInput): Promise<string[]> {
  const { view } = await report(settings);
  return view.overviews.at(-1)?.rows.map((row) => row.name) ?? [];
}

describe('Customer Personality cluster names', () => {
  it('read as buyers of categories, in English and French, with no raw column name', async () => {
    // The engine's clusters: high meat and wine spending, and low (its names keep the columns).
    expect(analysis.clusters.clusters.map((cluster) => cluster.name.en)).toEqual([
      'High MntMeatProducts, high MntWines',
      'Low MntMeatProducts, low MntWines',
    ]);
    expect(await clusterNames({ locale: 'en' })).toEqual([
      'Meat and wine buyers',
      'Low meat and wine spending',
    ]);
    expect(await clusterNames({ locale: 'fr' })).toEqual([
      'Acheteurs de viande et de vin',
      'Peu d’achats de viande et de vin',
    ]);
  });

  it.each(['en', 'fr'] as const)('name no raw column anywhere in the %s email', async (locale) => {
    const { view, text } = await report({ locale });
    for (const table of view.overviews) {
      for (const row of table.rows) expect(row.name).not.toMatch(RAW_COLUMN);
    }
    for (const card of view.strategies) expect(JSON.stringify(card)).not.toMatch(RAW_COLUMN);
    for (const line of text.split('\n').filter((line) => /customers|clients/.test(line))) {
      expect(line).not.toMatch(RAW_COLUMN);
    }
  });

  it('take the labels of the settings first, by column name, in each language', async () => {
    const columnLabels = {
      MntMeatProducts: {
        en: { high: 'Carnivores', low: 'Little meat' },
        fr: { high: 'Carnivores', low: 'Peu de viande' },
      },
      MntWines: { en: 'wine budget', fr: 'budget vin' },
    };
    expect(await clusterNames({ locale: 'en', columnLabels })).toEqual([
      'Carnivores, high wine budget',
      'Little meat, low wine budget',
    ]);
    expect(await clusterNames({ locale: 'fr', columnLabels })).toEqual([
      'Carnivores, budget vin élevé',
      'Peu de viande, budget vin faible',
    ]);
    // A label for another column changes nothing here.
    expect(
      await clusterNames({ locale: 'en', columnLabels: { Income: { en: 'pay', fr: 'salaire' } } }),
    ).toEqual(['Meat and wine buyers', 'Low meat and wine spending']);
  });
});

function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ');
}

describe('the subject and header of a customer-table report', () => {
  it('describe the data in English: customers and customer table', async () => {
    const { subject, view } = await report({ locale: 'en', currency: 'USD' });
    expect(subject).toBe('Customer segmentation report, 2,240 customers, customer table: revenue $1.4M');
    expect(view.header.period).toBe('2,240 customers, customer table');
  });

  it('and in French', async () => {
    const { subject, view } = await report({ locale: 'fr', currency: 'EUR' });
    // Intl's French thousands separator and the space before € are no-break spaces.
    expect(plainSpaces(subject)).toBe(
      'Rapport de segmentation client, 2 240 clients, table clients : chiffre d’affaires 1,4 M €',
    );
    expect(plainSpaces(view.header.period)).toBe('2 240 clients, table clients');
  });

  it('name the period of a scheduled report before the table', async () => {
    const { subject } = await renderReport(
      {
        analysis,
        settings: parseReportSettings({ locale: 'en' }),
        kind: 'weekly',
        now: new Date('2025-01-06T08:00:00Z'),
        reportPeriod: { first: '2024-12-30', last: '2025-01-05' },
      },
      { chartAssets: testChartAssets },
    );
    expect(subject).toMatch(
      /^Weekly report, Dec 30, 2024 to Jan 5, 2025, 2,240 customers, customer table: revenue /,
    );
  });
});

describe('Customer Personality budget assumptions', () => {
  it.each(['en', 'fr'] as const)(
    'speak of the spending the table records, not of a period it does not have (%s)',
    async (locale) => {
      const { view } = await report({ locale });
      const assumptions = (view.budget?.assumptions ?? []).join('\n');
      expect(assumptions).not.toMatch(
        /no transaction dates|sans dates de transaction|period covered|période couverte/,
      );
      expect(assumptions).toMatch(
        locale === 'en' ? /as the customer table records it/ : /table clients les enregistre/,
      );
      expect(assumptions).toMatch(locale === 'en' ? /need dated orders/ : /demandent des commandes datées/);
    },
  );
});
