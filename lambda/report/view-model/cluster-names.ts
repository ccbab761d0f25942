/**
 * The names of customer-table clusters in the report's language. The engine names a cluster after the columns
 * where it is farthest from the average (its traits) and keeps the column names in its own name, which the
 * customers file and the archive key on; the report words the traits with the column labels (the settings' own
 * first, then the built-in families): "High MntMeatProducts, high MntWines" reads "Meat and wine buyers" /
 * "Acheteurs de viande et de vin". Clusters without traits (RFM names) keep the engine's name.
 */
import type { Analysis } from '../../engine/analysis/analysis-types.ts';
import type { ClusterTrait } from '../../engine/clustering/segmentation/clustering-types.ts';
import type { ColumnLabelOverrides } from '../column-label-settings.ts';
import {
  type ColumnMeaning,
  columnMeaning,
  overriddenMeaning,
  type SpendingCategory,
} from '../locale/column-labels.ts';
import type { ReportLocale, ReportSettings } from '../report-settings.ts';

/**
 * The longest name made of several traits: the traits after the first are left out beyond it, so that a name
 * takes at most two lines in the segment table on a 375 px phone (test/report/render/segment-names-layout.test.ts).
 */
export const MAX_NAME_LENGTH = 60;

/** Each cluster's name in the report, by cluster key; unique ("(2)" after a repeated one). */
export function clusterNames(
  analysis: Pick<Analysis, 'clusters' | 'input'>,
  settings: Pick<ReportSettings, 'locale' | 'columnLabels'>,
): Map<string, string> {
  const meaningOf = (feature: string) =>
    meaningOfColumn(feature, analysis.input.columns, settings.columnLabels);
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const cluster of analysis.clusters.clusters) {
    const wanted = cluster.traits?.length
      ? wordTraits(cluster.traits, settings.locale, meaningOf)
      : cluster.name[settings.locale];
    let name = wanted;
    for (let suffix = 2; taken.has(name); suffix++) name = `${wanted} (${suffix})`;
    taken.add(name);
    names.set(cluster.key, name);
  }
  return names;
}

/**
 * What a clustered column means: the settings' label for it (by its name as clustered, or by the header column it
 * comes from, e.g. `Dt_Customer` for `Dt_Customer_days_since`), else its family's.
 */
function meaningOfColumn(
  feature: string,
  sources: Readonly<Record<string, string>>,
  overrides: ColumnLabelOverrides,
): ColumnMeaning {
  const source = sources[feature];
  const override =
    (Object.hasOwn(overrides, feature) ? overrides[feature] : undefined) ??
    (source !== undefined && Object.hasOwn(overrides, source) ? overrides[source] : undefined);
  return override ? overriddenMeaning(override) : columnMeaning(feature);
}

/**
 * The traits in words, most distinctive first, joined by commas; spending categories of the same direction are
 * said once where the first of them stands ("Wine and meat buyers, high income"). As many traits as fit in
 * MAX_NAME_LENGTH characters, the first one always.
 */
export function wordTraits(
  traits: readonly ClusterTrait[],
  locale: ReportLocale,
  meaningOf: (feature: string) => ColumnMeaning,
): string {
  for (let count = traits.length; count > 1; count--) {
    const name = allTraitsInWords(traits.slice(0, count), locale, meaningOf);
    if (name.length <= MAX_NAME_LENGTH) return name;
  }
  return allTraitsInWords(traits.slice(0, 1), locale, meaningOf);
}

function allTraitsInWords(
  traits: readonly ClusterTrait[],
  locale: ReportLocale,
  meaningOf: (feature: string) => ColumnMeaning,
): string {
  const parts: (string | { high: boolean; categories: SpendingCategory[] })[] = [];
  const spending = new Map<boolean, { high: boolean; categories: SpendingCategory[] }>();
  for (const { feature, high } of traits) {
    const meaning = meaningOf(feature);
    if (meaning.kind === 'trait') {
      parts.push(meaning.label[locale][high ? 'high' : 'low']);
      continue;
    }
    const group = spending.get(high);
    if (group) group.categories.push(meaning.category);
    else {
      const created = { high, categories: [meaning.category] };
      spending.set(high, created);
      parts.push(created);
    }
  }
  const text = parts
    .map((part) => (typeof part === 'string' ? part : spendingWords(part, locale)))
    .join(', ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** "wine and meat buyers", "low wine spending"; "acheteurs de vin et de viande", "peu d’achats de vin". */
function spendingWords(
  group: { high: boolean; categories: SpendingCategory[] },
  locale: ReportLocale,
): string {
  if (locale === 'en') {
    const list = listOf(
      group.categories.map((category) => category.en),
      'and',
    );
    return group.high ? `${list} buyers` : `low ${list} spending`;
  }
  const list = listOf(
    group.categories.map((category) => partitive(category.fr)),
    'et',
  );
  return group.high ? `acheteurs ${list}` : `peu d’achats ${list}`;
}

/** "a", "a and b", "a, b and c". */
function listOf(items: readonly string[], and: string): string {
  const last = items.at(-1) ?? '';
  return items.length < 2 ? last : `${items.slice(0, -1).join(', ')} ${and} ${last}`;
}

/** "de vin", "d’or": French elides "de" before a vowel or a mute h. */
function partitive(noun: string): string {
  return /^[aeiouyhàâéèêëîïôœ]/i.test(noun) ? `d’${noun}` : `de ${noun}`;
}
