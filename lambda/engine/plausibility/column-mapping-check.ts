/**
 * The plausibility check `column-mapping` (issue 15): the header each column role was read from, compared with the
 * previous report's. New purchase roles are not a change of the file (issue 18): see columnMapping.
 */
import { PURCHASE_ROLES } from '../input/column-role-names.ts';
import type { PlausibilityFinding } from './plausibility-checks.ts';
import type { PlausibilityFacts } from './plausibility-facts.ts';

/**
 * A role read from another header than last time (a role that disappeared or appeared counts too), but for a
 * purchase role (product, category) the previous analysis did not list: it was written before purchase diversity
 * was read, or with it off, so a product column found now is no change of the file. A purchase role that moves to
 * another header or disappears is a finding as any other.
 */
export function columnMapping(
  current: PlausibilityFacts,
  previous: PlausibilityFacts,
): PlausibilityFinding[] {
  // A run aggregated by Athena names the table's columns, a run on the file its headers: nothing to compare.
  if (current.aggregatedBy !== previous.aggregatedBy) return [];
  const roles = [...new Set([...Object.keys(previous.columns), ...Object.keys(current.columns)])].sort();
  const newPurchaseRole = (role: string) =>
    previous.columns[role] === undefined && (PURCHASE_ROLES as readonly string[]).includes(role);
  return roles
    .filter((role) => current.columns[role] !== previous.columns[role] && !newPurchaseRole(role))
    .map((role) => ({
      check: 'column-mapping',
      subject: role,
      now: current.columns[role] ?? null,
      before: previous.columns[role] ?? null,
      threshold: null,
    }));
}
