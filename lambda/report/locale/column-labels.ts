/**
 * Human words for the columns of a customer table, by family (spending per category `Mnt*`, purchases per channel
 * `Num*Purchases`, web visits, household, income, campaign acceptance, recency, age, tenure, complaints), in
 * English and French: what a cluster above or below the average on that column is called. The engine names
 * clusters after columns; the report words them here, so that "High MntMeatProducts, high MntWines" reads
 * "Meat and wine buyers". A column of no known family reads as its name in words ("loyalty points").
 */
import type { LanguageLabel } from '../column-label-settings.ts';
import type { ReportLocale } from '../report-settings.ts';

/** What a cluster above (`high`) or below (`low`) the average on one column is called, in one language. */
export interface TraitWords {
  high: string;
  low: string;
}

/** A column's trait words in each language. */
export type ColumnLabel = Record<ReportLocale, TraitWords>;

/** A spending category's noun in each language; two of them read as one trait ("Wine and meat buyers"). */
export type SpendingCategory = Record<ReportLocale, string>;

/** What a column means to a reader: a spending category, or a trait with its own words. */
export type ColumnMeaning =
  { kind: 'spending'; category: SpendingCategory } | { kind: 'trait'; label: ColumnLabel };

/** Customer Personality's `Mnt*` columns (spending over two years), by what follows `Mnt`, lower case. */
const SPENDING_CATEGORIES: Record<string, SpendingCategory> = {
  wines: { en: 'wine', fr: 'vin' },
  fruits: { en: 'fruit', fr: 'fruits' },
  meatproducts: { en: 'meat', fr: 'viande' },
  fishproducts: { en: 'fish', fr: 'poisson' },
  sweetproducts: { en: 'sweets', fr: 'sucreries' },
  goldprods: { en: 'gold', fr: 'or' },
};

/** Purchase channels (`Num*Purchases`), as they follow "frequent ... buyers" and "achats ... fréquents". */
const CHANNELS: Record<string, SpendingCategory> = {
  web: { en: 'web', fr: 'en ligne' },
  catalog: { en: 'catalog', fr: 'sur catalogue' },
  store: { en: 'store', fr: 'en magasin' },
};

function label(en: [high: string, low: string], fr: [high: string, low: string]): ColumnMeaning {
  return { kind: 'trait', label: { en: { high: en[0], low: en[1] }, fr: { high: fr[0], low: fr[1] } } };
}

function channel(name: string, feature: string): ColumnMeaning {
  if (name === 'deals')
    return label(['deal seekers', 'few deals'], ['chasseurs de promotions', 'peu de promotions']);
  const words = humanize(feature).replace(/^num | purchases$/g, '');
  const { en, fr } = CHANNELS[name] ?? { en: words, fr: words };
  return label(
    [`frequent ${en} buyers`, `few ${en} purchases`],
    [`achats ${fr} fréquents`, `peu d’achats ${fr}`],
  );
}

function spending(category: string, feature: string): ColumnMeaning {
  const words = humanize(feature).replace(/^mnt /, '');
  return { kind: 'spending', category: SPENDING_CATEGORIES[category] ?? { en: words, fr: words } };
}

function campaign(number: string): ColumnMeaning {
  return label(
    [`campaign ${number} responders`, `ignored campaign ${number}`],
    [`réceptifs à la campagne ${number}`, `insensibles à la campagne ${number}`],
  );
}

/** The families, first match wins; matched on the feature's name, without case, `_` or spaces. */
const FAMILIES: readonly {
  pattern: RegExp;
  meaning: (match: RegExpExecArray, feature: string) => ColumnMeaning;
}[] = [
  { pattern: /^mnt(.+)$/, meaning: ([, category = ''], feature) => spending(category, feature) },
  {
    pattern: /^numwebvisits/,
    meaning: () =>
      label(['frequent site visitors', 'few site visits'], ['visites web fréquentes', 'peu de visites web']),
  },
  { pattern: /^num(.+)purchases$/, meaning: ([, name = ''], feature) => channel(name, feature) },
  {
    pattern: /^income$/,
    meaning: () => label(['high income', 'low income'], ['revenu élevé', 'revenu modeste']),
  },
  {
    pattern: /^kids?home$/,
    meaning: () =>
      label(['with young children', 'no young children'], ['avec jeunes enfants', 'sans jeunes enfants']),
  },
  {
    pattern: /^teens?home$/,
    meaning: () => label(['with teenagers', 'no teenagers'], ['avec adolescents', 'sans adolescents']),
  },
  { pattern: /^acceptedcmp(\d+)$/, meaning: ([, number = '']) => campaign(number) },
  {
    pattern: /^response$/,
    meaning: () =>
      label(
        ['last campaign responders', 'ignored last campaign'],
        ['réceptifs à la dernière campagne', 'insensibles à la dernière campagne'],
      ),
  },
  {
    pattern: /^recency/,
    meaning: () => label(['no recent purchase', 'recent buyers'], ['sans achat récent', 'acheteurs récents']),
  },
  // A later year of birth is a younger customer.
  {
    pattern: /^(yearbirth|birthyear)$/,
    meaning: () => label(['younger', 'older'], ['plus jeunes', 'plus âgés']),
  },
  { pattern: /^age$/, meaning: () => label(['older', 'younger'], ['plus âgés', 'plus jeunes']) },
  // Days since the customer joined (a date column becomes days since that date): more days, longer a customer.
  {
    pattern: /^dtcustomer/,
    meaning: () =>
      label(['long-standing customers', 'new customers'], ['clients de longue date', 'clients récents']),
  },
  {
    pattern: /^complain/,
    meaning: () => label(['complained', 'no complaints'], ['ont réclamé', 'sans réclamation']),
  },
];

/** What the column `feature` means to a reader: its family's words, or its name in words. */
export function columnMeaning(feature: string): ColumnMeaning {
  const compact = feature.toLowerCase().replace(/[\s_-]+/g, '');
  for (const family of FAMILIES) {
    const match = family.pattern.exec(compact);
    if (match) return family.meaning(match, feature);
  }
  return { kind: 'trait', label: plainLabel({ en: humanize(feature), fr: humanize(feature) }) };
}

/** A column named by a noun phrase in each language: "high loyalty points" / "loyalty points élevé". */
export function plainLabel(noun: Record<ReportLocale, string>): ColumnLabel {
  return {
    en: { high: `high ${noun.en}`, low: `low ${noun.en}` },
    fr: { high: `${noun.fr} élevé`, low: `${noun.fr} faible` },
  };
}

/** A column name in words: `loyalty_points` and `LoyaltyPoints` read "loyalty points". */
export function humanize(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_\s-]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A column as the settings word it: the words given, or the noun phrase as "high ..." / "... élevé". */
export function overriddenMeaning(override: Record<ReportLocale, LanguageLabel>): ColumnMeaning {
  const wordsOf = (given: LanguageLabel, locale: ReportLocale): TraitWords =>
    typeof given === 'string' ? plainLabel({ en: given, fr: given })[locale] : given;
  return { kind: 'trait', label: { en: wordsOf(override.en, 'en'), fr: wordsOf(override.fr, 'fr') } };
}
