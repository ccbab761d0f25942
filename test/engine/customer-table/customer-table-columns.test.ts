import { describe, expect, it } from 'vitest';
import {
  allowsRfm,
  findCustomerTableRoles,
} from '../../../lambda/engine/customer-table/customer-table-columns.ts';

describe('findCustomerTableRoles', () => {
  it('finds the roles of the Customer Personality header', () => {
    const header = [
      'ID',
      'Year_Birth',
      'Income',
      'Dt_Customer',
      'Recency',
      'MntWines',
      'MntGoldProds',
      'NumDealsPurchases',
      'NumWebPurchases',
      'NumStorePurchases',
      'NumWebVisitsMonth',
      'Response',
    ];
    const roles = findCustomerTableRoles(header);
    expect(roles).toEqual({
      id: 0,
      recency: 4,
      // deals overlap the channels: left out of the frequency
      frequency: [8, 9],
      monetary: [5, 6],
      response: 11,
    });
    expect(allowsRfm(roles)).toBe(true);
  });

  it('reads French names and falls back to the first column for the id', () => {
    expect(findCustomerTableRoles(['Code client', 'Récence', 'Nb commandes', 'Montant', 'Réponse'])).toEqual({
      id: 0,
      recency: 1,
      frequency: [2],
      monetary: [3],
      response: 4,
    });
    const roles = findCustomerTableRoles(['Ref', 'Age', 'Income']);
    expect(roles).toEqual({ id: 0, recency: undefined, frequency: [], monetary: [], response: undefined });
    expect(allowsRfm(roles)).toBe(false);
  });

  it('needs a recency and a purchase or spending column for RFM', () => {
    expect(allowsRfm({ id: 0, recency: 1, frequency: [], monetary: [2] })).toBe(true);
    expect(allowsRfm({ id: 0, recency: 1, frequency: [], monetary: [] })).toBe(false);
    expect(allowsRfm({ id: 0, frequency: [2], monetary: [3] })).toBe(false);
  });
});
