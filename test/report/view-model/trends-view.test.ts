/**
 * The trends section's view from hand-made trends (test/report/fixtures/trends-fixture.ts): present with its three
 * charts and the forecast's line, absent for an analysis without trends, one line when the history is too short;
 * the early warnings in words in the alerts, the strongest as the first key point, and the thresholds in the
 * footer, in English and French. Whether a warning fires is the engine's (test/engine/trends/).
 */
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../lambda/engine/analysis/analysis-types.ts';
import type { Trends } from '../../../lambda/engine/trends/compute-trends.ts';
import { renderText } from '../../../lambda/report/render/render-text.ts';
import { buildReport } from '../../../lambda/report/view-model/build-report-view.ts';
import { analysisFixture } from '../fixtures/analysis-fixture.ts';
import { fixtureView, reportInput } from '../fixtures/report-input.ts';
import { HOLT_REVENUE, trendsFixture } from '../fixtures/trends-fixture.ts';

/** French numbers' no-break spaces as plain ones, so that the expected sentences read as written. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function withTrends(trends: Trends | null): Analysis {
  return { ...analysisFixture(), trends };
}

function view(trends: Trends | null, locale: 'en' | 'fr' = 'en') {
  return fixtureView({ analysis: withTrends(trends), settings: { locale } });
}

describe('the trends section', () => {
  it('is absent without trends (a customer table, an analysis archived before them)', () => {
    expect(fixtureView().trends).toBeNull();
    expect(view(null).trends).toBeNull();
    expect(buildReport(reportInput()).charts).toEqual([]);
  });

  it('shows the three charts in order, 600 px wide, sized and described from their numbers', () => {
    const trends = view(trendsFixture()).trends;
    expect(trends?.title).toBe('Trends');
    expect(trends?.images.map((image) => [image.cid, image.width, image.height])).toEqual([
      ['revenue-trend@segment-report', 600, 300],
      // One row of legend (two segments: the one without buyers is left out): the title's 28 px, one 13 px
      // legend row, a 16 px gap, the 250 px plot.
      ['segment-buyers@segment-report', 600, 307],
      // Three cohorts whose next month is over: 84 + 3 x 22.
      ['cohort-retention@segment-report', 600, 150],
    ]);
    expect(trends?.images.map((image) => image.alt)).toEqual([
      'Revenue by month, Jan 2024 to Jul 2024: from $10.0K to $13.5K; forecast for the next 3 months $11.0K to $17.8K',
      'Customers who bought, by segment, Jan 2024 to Jul 2024: Champions from 30 to 33; Loyal from 20 to 27; total from 50 to 60',
      'Customers buying again, by first-purchase month, 3 cohorts, Jan 2024 to Jun 2024: after 1 month: lowest 20.0% (Jun 2024), highest 40.0% (Jan 2024); after 6 months: lowest 27.0% (Jan 2024), highest 27.0% (Jan 2024)',
    ]);
  });

  it('says the chosen model and its backtest error against the baseline’s, in English and French', () => {
    expect(view(trendsFixture()).trends?.note).toBe(
      'Forecast: exponential smoothing with a linear trend (Holt), chosen by a backtest from the last 3 months: it missed revenue by $120 a month on average, against $150 for the baseline, naive (each period repeats the last one). The band is the 80.0% interval.',
    );
    expect(plain(view(trendsFixture(), 'fr').trends?.note ?? '')).toBe(
      'Prévision : lissage exponentiel avec tendance linéaire (Holt), retenue par un test rétrospectif sur les 3 derniers mois : écart moyen de 120 € par mois sur le chiffre d’affaires, contre 150 € pour la référence, naïve (chaque période reprend la précédente). La bande est l’intervalle à 80,0 %.',
    );
  });

  it('says the baseline is shown when no model beat it, and why there is no forecast', () => {
    const naive = {
      ...HOLT_REVENUE,
      model: { kind: 'naive' as const, residualSd: 900 },
      beatsBaseline: false,
    };
    expect(view(trendsFixture({ revenue: naive })).trends?.note).toBe(
      'Forecast: the baseline, naive (each period repeats the last one), is shown: no model beat it in a backtest from the last 3 months (it missed revenue by $150 a month on average). The band is the 80.0% interval.',
    );
    const none = {
      key: 'revenue',
      status: 'none' as const,
      reason: { code: 'too-short' as const, periods: 4, needed: 6 },
    };
    const short = view(trendsFixture({ revenue: none, periods: 5, warnings: [] })).trends;
    expect(short?.note).toBe('No forecast: 4 complete months of history, at least 6 are needed.');
    expect(short?.images).toHaveLength(3);
    expect(
      plain(view(trendsFixture({ revenue: none, periods: 5, warnings: [] }), 'fr').trends?.note ?? ''),
    ).toBe('Pas de prévision : 4 mois complets d’historique, il en faut au moins 6.');
  });

  it('is one line, without charts, when fewer than two months are complete', () => {
    const one = view(trendsFixture({ periods: 2, warnings: [] })).trends;
    expect(one).toEqual({
      title: 'Trends',
      images: [],
      note: 'No trends yet: the file covers 1 month, at least 2 are needed to draw one.',
      table: null,
    });
  });

  it('gives the plain text the same numbers as a short table', () => {
    const text = renderText(view(trendsFixture()));
    const section = text.slice(text.indexOf('TRENDS'), text.indexOf('KEY POINTS'));
    expect(section.split('\n').slice(2, 21)).toEqual([
      'Revenue by month:',
      '  Feb 2024  $12,000',
      '  Mar 2024  $11,000',
      '  Apr 2024  $13,000',
      '  May 2024  $12,500',
      '  Jun 2024  $14,000',
      '  Jul 2024  $13,500',
      '  Aug 2024  forecast $14,000 ($12,000 to $16,000)',
      '  Sep 2024  forecast $14,200 ($11,500 to $16,900)',
      '  Oct 2024  forecast $14,400 ($11,000 to $17,800)',
      'Customers who bought in Jul 2024 (in Apr 2024):',
      '  Champions  33 (35)',
      '  Loyal  27 (25)',
      'Share of each cohort buying again the month after its first:',
      '  Jan 2024  40.0%',
      '  Feb 2024  30.0%',
      '  Jun 2024  20.0%',
      'Forecast: exponential smoothing with a linear trend (Holt), chosen by a backtest from the last 3 months: it missed revenue by $120 a month on average, against $150 for the baseline, naive (each period repeats the last one). The band is the 80.0% interval.',
      '',
    ]);
  });
});

describe('the early warnings', () => {
  it('join the alerts, one sentence each with its numbers, and the strongest leads the key points', () => {
    const english = view(trendsFixture());
    expect(english.alerts).toEqual([
      'Revenue of the Champions segment fell 3 months in a row, from $5,000 to $1,500.',
      'The number of customers who bought in Jul 2024 was 122, above the 100 to 115 forecast from the periods before (80.0% interval).',
      'Customers who first bought in Jun 2024 came back less: 20.0% bought again the next month, against 35.0% on average for the 2 cohorts before (threshold: 10 points lower).',
      'Revenue of the Loyal segment turned volatile: its changes from one month to the next varied by 25.0% over the last 4 months, against 10.0% in the 4 before (2.50 times as much; threshold 1.50).',
    ]);
    expect(english.keyPoints[0]).toEqual({
      segment: 'Champions',
      text: 'Early warning: Revenue of the Champions segment fell 3 months in a row, from $5,000 to $1,500.',
    });
  });

  it('say the same in French', () => {
    const french = view(trendsFixture(), 'fr');
    expect(french.alerts.map(plain)).toEqual([
      'Le chiffre d’affaires du segment Champions a baissé 3 mois de suite, de 5 000 € à 1 500 €.',
      'Le nombre de clients acheteurs en juil. 2024 s’établit à 122, au-dessus de la prévision de 100 à 115 faite sur les périodes d’avant (intervalle à 80,0 %).',
      'Les clients arrivés en juin 2024 reviennent moins : 20,0 % ont racheté le mois suivant, contre 35,0 % en moyenne pour les 2 cohortes d’avant (seuil : 10 points de moins).',
      'Le chiffre d’affaires du segment Fidèles devient instable : ses variations d’un mois à l’autre ont un écart type de 25,0 % sur les 4 derniers mois, contre 10,0 % sur les 4 d’avant (2,50 fois plus ; seuil 1,50).',
    ]);
    expect(plain(french.keyPoints[0]?.text ?? '')).toBe(
      'Signal d’alerte : Le chiffre d’affaires du segment Champions a baissé 3 mois de suite, de 5 000 € à 1 500 €.',
    );
  });

  it('put good news (above the interval) as a key point only when nothing else warns', () => {
    const [, above] = trendsFixture().outlook?.warnings ?? [];
    const only = view(trendsFixture({ warnings: above ? [above] : [] }));
    expect(only.keyPoints[0]?.text).toBe(
      'Early warning: The number of customers who bought in Jul 2024 was 122, above the 100 to 115 forecast from the periods before (80.0% interval).',
    );
    expect(only.keyPoints[0]?.segment).toBe('');
    const none = view(trendsFixture({ warnings: [] }));
    expect(none.alerts).toEqual([]);
    expect(none.keyPoints[0]?.text).not.toMatch(/Early warning/);
  });

  it('have their thresholds in the footer’s method lines, in both languages', () => {
    expect(view(trendsFixture()).footer.methods).toContain(
      "Trends: by calendar month (by week for a file under four months), segments recomputed at each period's end; forecast of the next 3 periods with their 80.0% interval, the model chosen by a rolling-origin backtest against the seasonal naive baseline. Warnings: a fall 3 periods in a row, the last period outside its interval, volatility over 1.5 times that of the 4 periods before, a new cohort buying again more than 10 points below the earlier ones (cohorts of 30 customers or more).",
    );
    const french = view(trendsFixture(), 'fr').footer.methods.map(plain);
    expect(french.find((line) => line.startsWith('Tendances'))).toContain(
      'une baisse 3 périodes de suite, la dernière période hors de son intervalle, une volatilité plus de 1,5 fois celle des 4 périodes d’avant, une nouvelle cohorte qui rachète plus de 10 points sous les précédentes (cohortes d’au moins 30 clients)',
    );
    expect(fixtureView().footer.methods.some((line) => line.startsWith('Trends'))).toBe(false);
  });
});
