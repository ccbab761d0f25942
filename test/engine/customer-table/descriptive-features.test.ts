// Which clustered features a prospect has: not the role columns, not the relationship's dates, not the columns
// that name a dealing with the company; an explicit list overrides the rule, each name checked.
import { describe, expect, it } from 'vitest';
import {
  descriptiveFeatures,
  namesBehaviour,
} from '../../../lambda/engine/customer-table/descriptive-features.ts';
import { findCustomerTableRoles } from '../../../lambda/engine/customer-table/customer-table-columns.ts';
import { ColumnError } from '../../../lambda/errors/input-errors.ts';

/** A customer table's header and its clustered features (a date becomes "<name>_days_since"). */
function table(header: string[], dates: string[] = []) {
  const roles = findCustomerTableRoles(header);
  const sources = Object.fromEntries(
    header
      .filter((_, column) => column !== roles.id && column !== roles.response)
      .map((name) => [dates.includes(name) ? `${name}_days_since` : name, name]),
  );
  return { header, roles, sources };
}

describe('descriptiveFeatures', () => {
  it('keeps the traits of a Customer Personality-like table and drops every behaviour', () => {
    const { header, roles, sources } = table(
      [
        'ID',
        'Year_Birth',
        'Income',
        'Kidhome',
        'Teenhome',
        'Dt_Customer',
        'Recency',
        'MntWines',
        'NumDealsPurchases',
        'NumWebPurchases',
        'NumWebVisitsMonth',
        'AcceptedCmp1',
        'Complain',
        'Response',
      ],
      ['Dt_Customer'],
    );
    expect(descriptiveFeatures(sources, header, roles)).toEqual([
      'Year_Birth',
      'Income',
      'Kidhome',
      'Teenhome',
    ]);
  });

  it('reads French headers and keeps an unknown numeric trait', () => {
    const { header, roles, sources } = table([
      'Code client',
      'Âge',
      'Revenu',
      'Nb commandes',
      'Montant total',
      'Visites du site',
      'Réclamations',
      'Ancienneté (mois)',
      'Surface logement',
    ]);
    expect(descriptiveFeatures(sources, header, roles)).toEqual(['Âge', 'Revenu', 'Surface logement']);
  });

  it('takes an explicit list as given, each name once, and refuses a name that is not clustered', () => {
    const { header, roles, sources } = table(['ID', 'Income', 'NumWebVisitsMonth', 'Recency']);
    expect(descriptiveFeatures(sources, header, roles, [' NumWebVisitsMonth', 'Income', 'Income'])).toEqual([
      'NumWebVisitsMonth',
      'Income',
    ]);
    const refuse = (chosen: string[]) => () => descriptiveFeatures(sources, header, roles, chosen);
    expect(refuse(['Age'])).toThrow(ColumnError);
    expect(refuse(['Age'])).toThrow(
      '--prospect-features: "Age" is not a clustered feature (clustered: Income, NumWebVisitsMonth, Recency)',
    );
    expect(refuse([])).toThrow('--prospect-features: no feature given');
  });

  it('gives no feature for a table of behaviours only', () => {
    const { header, roles, sources } = table(['ID', 'Recency', 'Orders', 'Spending']);
    expect(descriptiveFeatures(sources, header, roles)).toEqual([]);
  });
});

describe('namesBehaviour', () => {
  it.each([
    ['NumWebVisitsMonth', true],
    ['AcceptedCmp3', true],
    ['MntGoldProds', true],
    ['Panier moyen', true],
    ['Year_Birth', false],
    ['Kidhome', false],
    ['Mentions', false],
  ])('%s: %s', (header, expected) => {
    expect(namesBehaviour(header)).toBe(expected);
  });
});
