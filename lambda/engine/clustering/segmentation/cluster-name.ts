/**
 * A cluster's key and bilingual name, and the rule that keeps them unique within one result.
 */

/** Key (kebab-case) and display names of one cluster. */
export interface ClusterName {
  key: string;
  name: { en: string; fr: string };
}

/**
 * Keeps the first of each duplicated key as it is and numbers the next ones in order ("-2", " (2)", ...), so
 * names are unique and, given clusters in a stable order, stable too.
 */
export function makeNamesUnique<Name extends ClusterName>(names: readonly Name[]): Name[] {
  const taken = new Set<string>();
  return names.map((candidate) => {
    let result = candidate;
    for (let suffix = 2; taken.has(result.key); suffix++) {
      result = {
        ...candidate,
        key: `${candidate.key}-${suffix}`,
        name: { en: `${candidate.name.en} (${suffix})`, fr: `${candidate.name.fr} (${suffix})` },
      };
    }
    taken.add(result.key);
    return result;
  });
}

/** Turns a feature name such as "MntWines" or "recency_days" into kebab-case ("mnt-wines", "recency-days"). */
export function toKebabCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
