/**
 * The French report says nothing in English: built from the same analysis as the English one, no text of it is
 * the English text (but for a short list of words both languages share), no fixed part of an English message or
 * playbook text appears in it, and its numbers and dates follow French conventions.
 */
import { describe, expect, it } from 'vitest';
import { makeFormatters } from '../../../lambda/report/locale/formatters.ts';
import { MESSAGES_EN } from '../../../lambda/report/locale/messages-en.ts';
import { DEFAULT_PLAYBOOK } from '../../../lambda/report/playbook/default-playbook.ts';
import { renderText } from '../../../lambda/report/render/render-text.ts';
import type { ReportView } from '../../../lambda/report/templates/report-view.ts';
import { analysisFixture } from '../fixtures/analysis-fixture.ts';
import { fixtureView } from '../fixtures/report-input.ts';

/** Words that are the same in both languages. */
const SAME_IN_BOTH = new Set(['Champions', 'Segment', 'Segments (RFM)', 'ROI', 'Total', 'Actions', 'Budget']);
/** Fields that hold identifiers, not text for readers. */
const IDENTIFIER_FIELDS = new Set(['key', 'priorityLevel', 'trend']);
/** Narrow no-break space (French thousands) and no-break space (before € and %). */
const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** Every string of a view with its path. */
function stringsOf(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsOf(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      IDENTIFIER_FIELDS.has(key) ? [] : stringsOf(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

const MARK = '\u0000';
/** Stands for any argument of a message function: a string, an object of strings, or a string's method. */
const ANY_ARGUMENT: unknown = new Proxy(
  {},
  {
    get: (_target, property) =>
      property === Symbol.toPrimitive || property === 'toLowerCase' || property === 'toString'
        ? () => MARK
        : MARK,
  },
);

/** The fixed parts of every message: static strings, and the text between the arguments of functions. */
function fixedPartsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(MARK);
  if (typeof value === 'function') {
    const result: unknown = (value as (...args: unknown[]) => unknown)(
      ANY_ARGUMENT,
      ANY_ARGUMENT,
      ANY_ARGUMENT,
    );
    return fixedPartsOf(result);
  }
  if (Array.isArray(value)) return value.flatMap(fixedPartsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(fixedPartsOf);
  return [];
}

/** A fragment long enough and wordy enough to be English rather than punctuation. */
const isWording = (fragment: string) => fragment.length >= 5 && /[a-z]{3}/i.test(fragment);

/** The same analysis with a previous report, alerts, a response rate and a customer file: most messages show. */
function views(): { en: ReportView; fr: ReportView } {
  const analysis = analysisFixture({
    kpis: { activeCustomers: 600, retentionRate: 0.7, atRiskRevenueShare: 0.3, averageOrderValue: 300 },
    input: { undecodableCharacters: 2 },
  });
  const previous = analysisFixture({ kpis: { revenue: 800_000 } });
  return {
    en: fixtureView({ analysis, previous, settings: { locale: 'en' } }),
    fr: fixtureView({ analysis, previous, settings: { locale: 'fr' } }),
  };
}

describe('the French report', () => {
  it('has the same shape as the English one', () => {
    const { en, fr } = views();
    expect(stringsOf(fr).map((entry) => entry.path)).toEqual(stringsOf(en).map((entry) => entry.path));
    expect(fr.alerts).toHaveLength(4);
    expect(fr.locale).toBe('fr');
  });

  it('has no text equal to the English one, but for words both languages share and plain numbers', () => {
    const { en, fr } = views();
    const english = new Map(stringsOf(en).map((entry) => [entry.path, entry.text]));
    const same = stringsOf(fr).filter(
      (entry) =>
        english.get(entry.path) === entry.text &&
        !SAME_IN_BOTH.has(entry.text) &&
        !/^[\d\s.,%]*$/.test(entry.text),
    );
    expect(same).toEqual([]);
  });

  it('contains no fixed part of an English message nor of an English playbook text', () => {
    const { fr } = views();
    const french = stringsOf(fr).map((entry) => entry.text);
    const playbookEnglish = Object.values(DEFAULT_PLAYBOOK).flatMap((strategy) =>
      [
        ...strategy.subStrategies.flatMap((sub) => [sub.name, ...sub.actions.map((action) => action.name)]),
        strategy.channel,
        strategy.frequency,
        strategy.tone,
      ].map((text) => text.en),
    );
    const fragments = [
      ...new Set([...fixedPartsOf(MESSAGES_EN), ...playbookEnglish].map((part) => part.trim())),
    ]
      .filter(isWording)
      .filter((fragment) => !SAME_IN_BOTH.has(fragment));
    expect(fragments.length).toBeGreaterThan(100);
    const leaks = fragments.filter((fragment) => french.some((text) => text.includes(fragment)));
    expect(leaks).toEqual([]);
    // and the plain-text version neither
    const text = renderText(fr);
    expect(fragments.filter((fragment) => text.includes(fragment))).toEqual([]);
  });

  it('writes numbers the French way: narrow no-break space for thousands, decimal comma, € after', () => {
    const { fr } = views();
    const value = (key: string) => fr.headline.find((kpi) => kpi.key === key)?.value;
    expect(value('customers')).toBe(`1${NNBSP}000`);
    expect(value('revenue')).toBe(`1${NNBSP}000${NNBSP}000${NBSP}€`);
    expect(value('averageOrderValue')).toBe(`300,00${NBSP}€`);
    expect(value('ordersPerCustomer')).toBe('2,00');
    expect(value('repeatRate')).toBe(`55,0${NBSP}%`);
    expect(fr.budget?.total).toMatchObject({ budget: `8${NNBSP}700${NBSP}€`, roi: `262,1${NBSP}%` });
    // revenue 1,000,000 against 800,000: +25 %
    expect(fr.subject).toContain(`chiffre d’affaires 1,0${NBSP}M${NBSP}€ (+25,0${NBSP}%)`);
    expect(fr.headline.find((kpi) => kpi.key === 'atRiskShare')?.value).toBe(`15,0${NBSP}%`);
    for (const { text } of stringsOf(fr)) {
      expect(text).not.toMatch(/\$/);
      expect(text).not.toMatch(/\d,\d{3}\b/);
    }
  });

  it('writes dates in French', () => {
    const { fr } = views();
    expect(fr.header.period).toBe('du 1 juin 2023 au 31 mai 2024');
    expect(fr.header.asOf).toBe('Situation au 1 juin 2024');
    expect(fr.nextSteps.at(-1)).toBe(
      'Mesurer les résultats dans le prochain rapport, prévu vers le 10 juin 2024.',
    );
    expect(fr.footer.generated).toBe('Généré le 3 juin 2024, 09:30 UTC (UTC).');
    for (const { text } of stringsOf(fr)) expect(text).not.toMatch(/\b(Jun|May|AM|PM)\b/);
  });

  it('names segments and clusters in French', () => {
    const { fr } = views();
    expect(fr.overviews.flatMap((table) => table.rows.map((row) => row.name))).toEqual([
      'Champions',
      'Fidèles',
      'Fidèles potentiels',
      'À risque',
      'En hibernation',
      'Clients fidèles à forte valeur',
      'Clients perdus à faible valeur',
    ]);
    // The best expected net return first (view-model/budget-plan.ts): Potential loyalists.
    expect(fr.strategies[0]).toMatchObject({
      segment: 'Fidèles potentiels',
      priority: 'Haute',
      objective: 'fréquence (acheter plus souvent), valeur (dépenser plus)',
      channel: 'E-mail',
      frequency: 'Toutes les deux semaines',
    });
  });
});

describe('makeFormatters', () => {
  it('formats each kind of value in both languages', () => {
    const en = makeFormatters('en', 'USD', 'UTC');
    const fr = makeFormatters('fr', 'EUR', 'UTC');
    // whole units at any size; cents only for per-customer and per-order amounts (moneyExact)
    expect([en.money(1234.5), en.money(999.4), en.moneyExact(1234.5)]).toEqual([
      '$1,235',
      '$999',
      '$1,234.50',
    ]);
    expect([fr.money(1234.5), fr.money(999.4), fr.moneyExact(999.5)]).toEqual([
      `1${NNBSP}235${NBSP}€`,
      `999${NBSP}€`,
      `999,50${NBSP}€`,
    ]);
    expect([en.percent(0.1234), fr.percent(0.1234)]).toEqual(['12.3%', `12,3${NBSP}%`]);
    expect([en.change(-0.042), en.change(0.042), en.change(0)]).toEqual(['-4.2%', '+4.2%', '0.0%']);
    expect([en.pointsChange(0.015), fr.pointsChange(-0.015)]).toEqual(['+1.5 pts', '-1,5 pts']);
    expect([en.day('2024-12-31'), fr.day('2024-12-31')]).toEqual(['Dec 31, 2024', '31 déc. 2024']);
    expect([en.decimal(2.345, 2), fr.decimal(2.345, 2)]).toEqual(['2.35', '2,35']);
  });

  it('shows a day as that calendar day whatever the time zone', () => {
    // An ISO day is a date, not a moment: Pacific/Honolulu (UTC-10) must not turn 1 June into 31 May.
    expect(makeFormatters('en', 'USD', 'Pacific/Honolulu').day('2024-06-01')).toBe('Jun 1, 2024');
  });
});
