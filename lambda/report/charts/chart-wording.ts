/**
 * The sentences the charts' alt texts and legends are made of, in English and French. Functions rather than
 * strings: the languages put the numbers in different places and agree nouns with counts differently.
 */
import type { PeriodUnit } from './chart-types.ts';

export interface ChartWording {
  /** "Dec 2010 to Dec 2011". */
  span(first: string, last: string): string;
  /** "from 570K to 1.16M". */
  change(first: string, last: string): string;
  /** "forecast for the next 3 months 0.9M to 1.2M". */
  forecast(count: number, unit: PeriodUnit, low: string, high: string): string;
  /** "13 cohorts, Dec 2010 to Dec 2011". */
  cohorts(count: number, span: string): string;
  /** "after 1 month: lowest 10% (Mar 2011), highest 38% (Dec 2010)". */
  retention(
    after: number,
    unit: PeriodUnit,
    low: string,
    lowCohort: string,
    high: string,
    highCohort: string,
  ): string;
  /** What joins a chart's title to its numbers: ": " in English, " : " in French. */
  colon: string;
  /** The legend of the forecast chart and the stacked total. */
  actual: string;
  forecastLegend: string;
  interval: string;
  total: string;
  /** The heat map's horizontal axis: "Months since first purchase". */
  periodsSince(unit: PeriodUnit): string;
}

const EN_UNITS: Record<PeriodUnit, [string, string]> = {
  month: ['month', 'months'],
  week: ['week', 'weeks'],
};
const FR_UNITS: Record<PeriodUnit, [string, string]> = {
  month: ['mois', 'mois'],
  week: ['semaine', 'semaines'],
};

function noun(units: Record<PeriodUnit, [string, string]>, count: number, unit: PeriodUnit): string {
  return units[unit][count === 1 ? 0 : 1];
}

/** "le prochain mois", "les 3 prochaines semaines": the adjective agrees with the noun's gender and number. */
function frNext(count: number, unit: PeriodUnit): string {
  const feminine = unit === 'week';
  if (count === 1) return feminine ? 'la prochaine semaine' : 'le prochain mois';
  return `les ${count} ${feminine ? 'prochaines' : 'prochains'} ${noun(FR_UNITS, count, unit)}`;
}

export const CHART_WORDING_EN: ChartWording = {
  span: (first, last) => `${first} to ${last}`,
  change: (first, last) => `from ${first} to ${last}`,
  forecast: (count, unit, low, high) =>
    `forecast for the next ${count} ${noun(EN_UNITS, count, unit)} ${low} to ${high}`,
  cohorts: (count, span) => `${count} ${count === 1 ? 'cohort' : 'cohorts'}, ${span}`,
  retention: (after, unit, low, lowCohort, high, highCohort) =>
    `after ${after} ${noun(EN_UNITS, after, unit)}: lowest ${low} (${lowCohort}), highest ${high} (${highCohort})`,
  colon: ': ',
  actual: 'Actual',
  forecastLegend: 'Forecast',
  interval: 'Interval',
  total: 'total',
  periodsSince: (unit) => `${unit === 'month' ? 'Months' : 'Weeks'} since first purchase`,
};

export const CHART_WORDING_FR: ChartWording = {
  span: (first, last) => `de ${first} à ${last}`,
  change: (first, last) => `de ${first} à ${last}`,
  forecast: (count, unit, low, high) => `prévision pour ${frNext(count, unit)} : de ${low} à ${high}`,
  cohorts: (count, span) => `${count} ${count === 1 ? 'cohorte' : 'cohortes'}, ${span}`,
  retention: (after, unit, low, lowCohort, high, highCohort) =>
    `après ${after} ${noun(FR_UNITS, after, unit)} : au plus bas ${low} (${lowCohort}), au plus haut ${high} (${highCohort})`,
  colon: ' : ',
  actual: 'Réel',
  forecastLegend: 'Prévision',
  interval: 'Intervalle',
  total: 'total',
  periodsSince: (unit) => `${unit === 'month' ? 'Mois' : 'Semaines'} depuis le premier achat`,
};
