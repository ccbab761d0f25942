import * as z from 'zod';
import { listNames, quoteName, showName } from './message-text.ts';
import { ColumnError } from '../../errors/input-errors.ts';
import { ROLE_NAMES, ROUNDS, TRANSACTION_ROLES } from './column-role-names.ts';

/** What a transaction-log column means to the analysis (TRANSACTION_ROLES). */
export const TransactionRole = z.enum(TRANSACTION_ROLES);
export type TransactionRole = z.infer<typeof TransactionRole>;

/** Explicit column names per role, from the `map` option (`customer=Client,date=Date,...`). */
export type ColumnMapping = Partial<Record<TransactionRole, string>>;

/** Column index per role; `order` is optional (then an order is a customer's purchases of one day). */
export interface TransactionColumns {
  customer: number;
  date: number;
  order?: number | undefined;
  amount?: number | undefined;
  quantity?: number | undefined;
  price?: number | undefined;
  /** ISO codes naming each line's currency (currency-marks.ts); the amounts' own signs otherwise. */
  currency?: number | undefined;
  /** What each line bought (a product code or name): per customer, distinct products and the top one's share. */
  product?: number | undefined;
  /** The product's category (family, department): per customer, distinct categories. */
  category?: number | undefined;
}

/** Lower-cases and strips accents and everything that is not a letter or digit. */
export function normaliseHeader(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Finds each role's column from the header names; explicit `mapping` entries win. */
export function findTransactionColumns(
  header: readonly string[],
  mapping: ColumnMapping,
  /** Named in the error when a mapped column is missing. */
  sourceName = 'input',
): Partial<TransactionColumns> {
  const normalised = header.map(normaliseHeader);
  const taken = new Set<number>();
  const found: Partial<Record<TransactionRole, number>> = {};
  for (const [role, name] of Object.entries(mapping) as [TransactionRole, string][]) {
    const index = header.findIndex((column) => column.trim() === name.trim());
    const byNormalised = normalised.indexOf(normaliseHeader(name));
    const column = index >= 0 ? index : byNormalised;
    if (column < 0)
      throw new ColumnError(
        `${sourceName}: map ${role}=${showName(name)}: no column ${quoteName(name)} in the header ` +
          `(${listNames(header)})`,
        { option: 'map' },
      );
    found[role] = column;
    taken.add(column);
  }
  for (const roles of ROUNDS) {
    for (const pass of ['exact', 'containing'] as const) {
      for (const role of roles) {
        if (found[role] !== undefined) continue;
        const column = normalised.findIndex(
          (name, index) => !taken.has(index) && matchesRole(name, role, pass),
        );
        if (column >= 0) {
          found[role] = column;
          taken.add(column);
        }
      }
    }
  }
  return found;
}

function matchesRole(name: string, role: TransactionRole, pass: 'exact' | 'containing'): boolean {
  const names = ROLE_NAMES[role];
  return pass === 'exact' ? names.exact.includes(name) : names.containing.some((word) => name.includes(word));
}

/**
 * Reads the `map` option, `customer=Client,order=Facture,date=Date,amount=Montant` (or quantity=...,price=...,
 * product=...,category=...):
 * the column of each role, and the first pair that is not role=column, if any (the input options schema refuses
 * the option then, so the engine only ever reads well-formed mappings). Blank means no mapping.
 */
export function readColumnMapping(option: string): { mapping: ColumnMapping; wrongPair: string | undefined } {
  const mapping: ColumnMapping = {};
  if (option.trim() === '') return { mapping, wrongPair: undefined };
  for (const pair of option.split(',')) {
    const separator = pair.indexOf('=');
    const role = TransactionRole.safeParse(pair.slice(0, separator).trim());
    const column = pair.slice(separator + 1).trim();
    if (separator < 0 || !role.success || column === '') return { mapping, wrongPair: pair };
    mapping[role.data] = column;
  }
  return { mapping, wrongPair: undefined };
}
