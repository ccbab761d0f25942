import { describe, expect, it } from 'vitest';
import {
  findTransactionColumns,
  normaliseHeader,
  readColumnMapping,
} from '../../../lambda/engine/input/column-roles.ts';
import { ColumnError } from '../../../lambda/errors/input-errors.ts';

describe('normaliseHeader', () => {
  it.each([
    ['N° Facture', 'nfacture'],
    ['Quantité', 'quantite'],
    ['Prix unitaire', 'prixunitaire'],
    ['  CustomerID ', 'customerid'],
    ['Customer_ID', 'customerid'],
    ['Montant TTC (€)', 'montantttc'],
    ['RÉFÉRENCE CLIENT', 'referenceclient'],
  ])('%j -> %j', (name, normalised) => {
    expect(normaliseHeader(name)).toBe(normalised);
  });
});

describe('findTransactionColumns', () => {
  it('finds every role of the UCI Online Retail header', () => {
    const header = [
      'InvoiceNo',
      'StockCode',
      'Description',
      'Quantity',
      'InvoiceDate',
      'UnitPrice',
      'CustomerID',
      'Country',
    ];
    expect(findTransactionColumns(header, {})).toEqual({
      order: 0,
      quantity: 3,
      date: 4,
      price: 5,
      customer: 6,
    });
  });

  it('finds the roles of a French ERP header, whatever the case and accents', () => {
    const header = ['N° facture', 'Client', 'Date', 'QUANTITÉ', 'prix unitaire', 'Libellé'];
    expect(findTransactionColumns(header, {})).toEqual({
      order: 0,
      customer: 1,
      date: 2,
      quantity: 3,
      price: 4,
    });
  });

  it('finds an amount column in French (Montant TTC) and a customer code (Code client)', () => {
    const header = ['Code client', 'Date facture', 'Montant TTC', 'Numéro de commande'];
    expect(findTransactionColumns(header, {})).toEqual({
      customer: 0,
      date: 1,
      amount: 2,
      order: 3,
    });
  });

  it('prefers an exact name to a name that merely contains the word', () => {
    // "Customer segment" contains "customer", but "Client" is an exact name and wins.
    const header = ['Customer segment', 'Client', 'Order date', 'Total'];
    const columns = findTransactionColumns(header, {});
    expect(columns.customer).toBe(1);
    expect(columns.date).toBe(2);
    expect(columns.amount).toBe(3);
  });

  it('gives each column at most one role: "Order date" is the date, not the order', () => {
    expect(findTransactionColumns(['Client', 'Order date', 'Amount'], {})).toEqual({
      customer: 0,
      date: 1,
      amount: 2,
    });
  });

  it('does not give a column taken by the mapping to another role', () => {
    // Without the mapping, "Total" would be the amount; mapped as the order, the amount goes to "Montant".
    const columns = findTransactionColumns(['Client', 'Date', 'Total', 'Montant'], { order: 'Total' });
    expect(columns).toEqual({ order: 2, customer: 0, date: 1, amount: 3 });
  });

  it('leaves out the roles no column matches', () => {
    expect(findTransactionColumns(['ID', 'Income', 'Recency'], {})).toEqual({});
  });

  it('lets an explicit mapping win over the names, by exact or normalised header name', () => {
    const header = ['Tiers', 'Pièce', 'Jour', 'Valeur', 'Client'];
    const { mapping } = readColumnMapping('customer=Tiers,order=piece,date=Jour,amount=Valeur');
    expect(findTransactionColumns(header, mapping)).toEqual({
      customer: 0,
      order: 1,
      date: 2,
      amount: 3,
    });
  });

  it('rejects a mapping to a column the header does not have, naming the role, the column and the map option', () => {
    const call = () =>
      findTransactionColumns(['Client', 'Date', 'Montant'], { amount: 'Total TTC' }, 'ventes.csv');
    expect(call).toThrow(ColumnError);
    expect(call).toThrow(
      'ventes.csv: map amount=Total TTC: no column "Total TTC" in the header (Client, Date, Montant)',
    );
    expect(call).toThrow(expect.objectContaining({ option: 'map' }));
  });
});

describe('readColumnMapping', () => {
  it('reads role=column pairs, trimming spaces', () => {
    expect(readColumnMapping(' customer = Client , date=Date,quantity=Qté, price=PU ')).toEqual({
      mapping: { customer: 'Client', date: 'Date', quantity: 'Qté', price: 'PU' },
      wrongPair: undefined,
    });
  });

  it('reads an empty option as no mapping', () => {
    expect(readColumnMapping('  ')).toEqual({ mapping: {}, wrongPair: undefined });
  });

  it.each(['customer', 'buyer=Client', 'customer=', '=Client'])('gives %j as the wrong pair', (pair) => {
    expect(readColumnMapping(`date=Jour,${pair},amount=Montant`).wrongPair).toBe(pair);
  });
});
