/**
 * Which of a customer table's clustered features a prospect has. A prospect is someone the company has no history
 * with yet: what they are (birth year, income, children at home, region) comes with them from a sign-up form or a
 * bought list; what they did with the company does not exist. So a feature is descriptive unless
 *  - its column has a role (id, recency, purchase counts, spending, campaign response);
 *  - it is a date made into "days since" (a sign-up, first or last order date: the relationship's dates, tenure);
 *  - its header names a dealing with the company: purchases, orders, deals, visits, campaigns (`AcceptedCmp3`),
 *    complaints, spending, baskets, returns, tenure, in English or French (BEHAVIOUR_WORDS).
 * A behaviour a prospect lacks is not zero for them: fed as 0, web visits or past campaign answers would place
 * every prospect with the least engaged customers. The rule is a default: an explicit list overrides it.
 */
import { normaliseHeader } from '../input/column-roles.ts';
import { listNames, quoteName } from '../input/message-text.ts';
import type { CustomerTableRoles } from './customer-table-columns.ts';
import { ColumnError } from '../../errors/input-errors.ts';

/**
 * Parts of a normalised header (lower case, letters and digits) that name a dealing with the company. `cmp` is
 * the campaign columns of Customer Personality; `mnt` (amount) is taken as a prefix only.
 */
export const BEHAVIOUR_WORDS = [
  'purchase',
  'order',
  'deal',
  'visit',
  'campaign',
  'cmp',
  'accepted',
  'complain',
  'spend',
  'spent',
  'amount',
  'revenue',
  'basket',
  'return',
  'tenure',
  'respon',
  'achat',
  'commande',
  'visite',
  'campagne',
  'reclamation',
  'plainte',
  'depense',
  'montant',
  'panier',
  'retour',
  'anciennete',
] as const;

/** The suffix prepare-feature-columns.ts gives a date column made into days before the as-of day. */
const DAYS_SINCE_SUFFIX = '_days_since';

/**
 * The clustered features a prospect has, in clustering order: `prospectFeatures` when given (each must be a
 * clustered feature), else those the rule above keeps. `featureSources` maps each clustered feature to its header
 * column (the analysis's `input.columns`); `header` and `roles` are the table's. Empty: no prospect model.
 */
export function descriptiveFeatures(
  featureSources: Readonly<Record<string, string>>,
  header: readonly string[],
  roles: CustomerTableRoles,
  prospectFeatures?: readonly string[],
): string[] {
  const clustered = Object.keys(featureSources);
  if (prospectFeatures !== undefined) return checkedChoice(clustered, prospectFeatures);
  const roleColumns = [roles.id, roles.recency, roles.response, ...roles.frequency, ...roles.monetary];
  const roleNames = new Set(roleColumns.flatMap((column) => (column === undefined ? [] : [header[column]])));
  return clustered.filter((feature) => {
    const source = featureSources[feature] as string;
    if (roleNames.has(source)) return false;
    if (feature.startsWith(`${source}${DAYS_SINCE_SUFFIX}`)) return false;
    return !namesBehaviour(source);
  });
}

/** True when a header names a dealing with the company rather than a trait of the person. */
export function namesBehaviour(header: string): boolean {
  const name = normaliseHeader(header);
  return name.startsWith('mnt') || BEHAVIOUR_WORDS.some((word) => name.includes(word));
}

/** The features given, each once and each clustered, in the order given. */
function checkedChoice(clustered: readonly string[], chosen: readonly string[]): string[] {
  const names = [...new Set(chosen.map((name) => name.trim()))];
  if (names.length === 0) {
    throw new ColumnError('--prospect-features: no feature given', { option: 'prospectFeatures' });
  }
  for (const name of names) {
    if (!clustered.includes(name)) {
      throw new ColumnError(
        `--prospect-features: ${quoteName(name)} is not a clustered feature (clustered: ${listNames(clustered)})`,
        { option: 'prospectFeatures', column: name },
      );
    }
  }
  return names;
}
