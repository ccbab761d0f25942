/**
 * The one formatting policy (lambda/report/locale/formatters.ts), on the formatters and on the reports of real data
 * sets: amounts in whole units, but for per-customer and per-order amounts, which keep their cents; percentages
 * with one decimal; ratios with two.
 */
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../lambda/engine/analysis/analysis-types.ts';
import { makeFormatters } from '../../../lambda/report/locale/formatters.ts';
import { parseReportSettings } from '../../../lambda/report/report-settings.ts';
import type { ReportView } from '../../../lambda/report/templates/report-view.ts';
import { buildReportView } from '../../../lambda/report/view-model/build-report-view.ts';
import { analyzeFile } from '../../support/analyze-file.ts';
import { CDNOW, ONLINE_RETAIL } from '../../../tools/real-data.ts';

const NOW = new Date('2025-01-06T08:00:00Z');

describe('the formatters', () => {
  const en = makeFormatters('en', 'GBP', 'UTC');
  const fr = makeFormatters('fr', 'EUR', 'UTC');

  it('show amounts in whole units whatever their size, so that £930 stands beside £1,220', () => {
    expect([en.money(930), en.money(1_220), en.money(85.36), en.money(-12.5)]).toEqual([
      '£930',
      '£1,220',
      '£85',
      '-£13',
    ]);
    expect(fr.money(930.4)).toBe('930\u00a0€');
  });

  it('keep the cents of per-customer and per-order amounts', () => {
    expect([en.moneyExact(85.36), en.moneyExact(1_220)]).toEqual(['£85.36', '£1,220.00']);
  });

  it('show percentages with one decimal and ratios with two', () => {
    expect([en.percent(0.15), en.percent(0.198)]).toEqual(['15.0%', '19.8%']);
    expect([en.ratio(2.3), en.ratio(12.1249), fr.ratio(4.27)]).toEqual(['2.30', '12.12', '4,27']);
  });
});

/** Every string of a view with its path (the last field name is what the string is). */
function stringsOf(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsOf(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => stringsOf(item, path ? `${path}.${key}` : key));
  return [];
}

/** Fields that hold a per-customer or per-order amount. */
const EXACT_FIELDS = /\.(averageOrderValue|perCustomer)$/;

/** Amounts with cents: `£85.36` in English (GBP), `85,36 €` in French (EUR). */
const CENTS = { en: /-?£[\d,]+\.\d\d/g, fr: /-?\d[\d\u202f]*,\d\d\u00a0€/g } as const;

const LANGUAGES = [
  { locale: 'en', currency: 'GBP' },
  { locale: 'fr', currency: 'EUR' },
] as const;

describe.each([
  { name: 'Online Retail', path: ONLINE_RETAIL },
  { name: 'CDNOW', path: CDNOW },
])('the $name report', ({ path }) => {
  let analysis: Analysis;
  beforeAll(async () => {
    analysis = (await analyzeFile(path, { sourceName: basename(path) })).analysis;
  }, 60_000);

  const viewIn = (locale: 'en' | 'fr', currency: string): ReportView =>
    buildReportView({
      analysis,
      settings: parseReportSettings({ locale, currency }),
      kind: 'upload',
      now: NOW,
    });

  it.each(LANGUAGES)(
    'has cents ($locale) only on per-customer and per-order amounts',
    ({ locale, currency }) => {
      // The average order values (the base's, each segment's and cluster's) are per-order amounts wherever they
      // are said: the headline tile, the up-sell key point, the alert on their drop.
      const format = makeFormatters(locale, currency, 'UTC');
      const perOrder = new Set(
        [
          analysis.kpis,
          ...(analysis.rfm?.segments ?? []),
          ...analysis.clusters.clusters.map((cluster) => cluster.kpis),
        ].map((kpis) => format.moneyExact(kpis.averageOrderValue)),
      );
      const strays = stringsOf(viewIn(locale, currency))
        .filter(({ path: field }) => !EXACT_FIELDS.test(field))
        .flatMap(({ path: field, text }) =>
          [...text.matchAll(CENTS[locale])]
            .map(([amount]) => amount)
            .filter((amount) => !perOrder.has(amount))
            .map((amount) => `${field}: ${amount}`),
        );
      expect(strays).toEqual([]);
    },
  );

  it('shows orders per customer with two decimals in the headline and the segment table alike', () => {
    const view = viewIn('en', 'GBP');
    const ratios = [
      view.headline.find((tile) => tile.key === 'ordersPerCustomer')?.value,
      ...view.overviews.flatMap((table) => table.rows.map((row) => row.frequency)),
    ];
    expect(ratios.length).toBeGreaterThan(2);
    for (const ratio of ratios) expect(ratio).toMatch(/^\d+\.\d\d$/);
  });
});
