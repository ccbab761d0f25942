/**
 * The alt texts state the numbers, read off the fixtures by hand: the series' first and last values, the
 * forecast's lowest lower bound and highest upper bound, each segment's first and last count and their total,
 * the retention's extremes after one period and after the last.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cohortHeatmapAlt,
  forecastLineAlt,
  segmentAreasAlt,
} from '../../../lambda/report/charts/chart-alt.ts';
import { MESSAGES_EN } from '../../../lambda/report/locale/messages-en.ts';
import { MESSAGES_FR } from '../../../lambda/report/locale/messages-fr.ts';
import { ACTIVE_BY_SEGMENT, RETENTION, REVENUE, REVENUE_FR } from '../../../tools/chart-samples.ts';

describe('forecastLineAlt', () => {
  it('states the first and last month, their values and the forecast interval (English)', () => {
    expect(forecastLineAlt(REVENUE)).toBe(
      'Revenue by month, Dec 2010 to Dec 2011: from 570K to 1.03M; forecast for the next 3 months 900K to 1.2M',
    );
  });

  it('says the same in French, with the caller’s formats', () => {
    // Intl's French compact numbers put a no-break space before "k" and "M".
    expect(forecastLineAlt(REVENUE_FR).replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Chiffre d’affaires par mois, de déc. 2010 à déc. 2011 : de 570 k € à 1,03 M €; prévision pour les 3 prochains mois : de 900 k € à 1,2 M €',
    );
  });

  it('says nothing of a forecast when there is none, and agrees weeks in both languages', () => {
    expect(forecastLineAlt({ ...REVENUE, forecast: [] })).toBe(
      'Revenue by month, Dec 2010 to Dec 2011: from 570K to 1.03M',
    );
    const week = { ...REVENUE, unit: 'week' as const, forecast: REVENUE.forecast.slice(0, 1) };
    expect(forecastLineAlt(week)).toContain('forecast for the next 1 week 900K to 1.1M');
    expect(forecastLineAlt({ ...week, wording: MESSAGES_FR.charts })).toContain(
      '; prévision pour la prochaine semaine : de 900K à 1.1M',
    );
    expect(forecastLineAlt({ ...REVENUE, unit: 'week', wording: MESSAGES_FR.charts })).toContain(
      'les 3 prochaines semaines',
    );
  });

  it('always names the first and last value of any series (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 40 }), (values) => {
        const alt = forecastLineAlt({
          ...REVENUE,
          periods: values.map((_, index) => `P${index}`),
          values,
          forecast: [],
          formatValue: String,
        });
        expect(alt).toBe(
          `Revenue by month, P0 to P${values.length - 1}: from ${values[0]} to ${values.at(-1)}`,
        );
      }),
    );
  });
});

describe('segmentAreasAlt', () => {
  it('gives each segment’s change and the total’s', () => {
    expect(segmentAreasAlt(ACTIVE_BY_SEGMENT)).toBe(
      'Active customers by segment, Dec 2010 to Dec 2011: Champions from 120 to 180; Loyal from 300 to 280; ' +
        'New from 400 to 200; At risk from 80 to 210; Hibernating from 0 to 240; total from 900 to 1,110',
    );
  });
});

describe('cohortHeatmapAlt', () => {
  it('names the lowest and highest cohort after one month and after the last month reached', () => {
    expect(cohortHeatmapAlt(RETENTION)).toBe(
      'Customers buying again, by first-purchase month, 12 cohorts, Dec 2010 to Nov 2011: ' +
        'after 1 month: lowest 10% (Mar 2011), highest 38% (Dec 2010); after 12 months: lowest 27% (Dec 2010), highest 27% (Dec 2010)',
    );
  });

  it('skips the periods a cohort has not reached, and keeps the earliest cohort on a tie', () => {
    const input = { ...RETENTION, cohorts: ['A', 'B', 'C'], shares: [[0.2, 0.3], [0.2, null], [0.5]] };
    expect(cohortHeatmapAlt(input)).toBe(
      'Customers buying again, by first-purchase month, 3 cohorts, A to C: after 1 month: lowest 20% (A), highest 50% (C); ' +
        'after 2 months: lowest 30% (A), highest 30% (A)',
    );
  });

  it('is the head alone when no cohort has bought again yet', () => {
    expect(
      cohortHeatmapAlt({ ...RETENTION, wording: MESSAGES_EN.charts, cohorts: ['A'], shares: [[]] }),
    ).toBe('Customers buying again, by first-purchase month, 1 cohort, A to A');
  });
});
