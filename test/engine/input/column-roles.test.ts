import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findTransactionColumns,
  normaliseHeader,
  readColumnMapping,
} from '../../../lambda/engine/input/column-roles.ts';
import { ROLE_NAMES, ROUNDS, TRANSACTION_ROLES } from '../../../lambda/engine/input/column-role-names.ts';
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
  it('finds every role of the UCI Online Retail header, StockCode as the product', () => {
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
      product: 1,
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

describe('findTransactionColumns: the product and category of a line', () => {
  it.each([
    [['Customer', 'Date', 'Amount', 'SKU', 'Category'], 3, 4],
    [['Code client', 'Date', 'Montant', 'Code article', 'Famille'], 3, 4],
    [['Client', 'Date', 'Montant', 'Référence produit', 'Rayon'], 3, 4],
    [['Client', 'Date', 'Montant', 'Désignation', 'Gamme'], 3, 4],
    [['Customer', 'Date', 'Amount', 'Item', 'Department'], 3, 4],
    [['Customer', 'Date', 'Amount', 'Product line', 'Product ID'], 4, 3],
  ])('in %j: product %j, category %j', (header, product, category) => {
    const columns = findTransactionColumns(header, {});
    expect(columns).toMatchObject({ customer: 0, date: 1, amount: 2 });
    expect([columns.product, columns.category]).toEqual([product, category]);
  });

  it('reads ProductCategory as the category, not the product, wherever it stands', () => {
    expect(findTransactionColumns(['Customer', 'Date', 'Amount', 'ProductCategory'], {})).toEqual({
      customer: 0,
      date: 1,
      amount: 2,
      category: 3,
    });
    const columns = findTransactionColumns(
      ['Customer', 'Date', 'Amount', 'ProductCategory', 'ProductName'],
      {},
    );
    expect([columns.product, columns.category]).toEqual([4, 3]);
  });

  it("does not read counts of items as the product (Nombre d'articles, Number of items)", () => {
    for (const count of ["Nombre d'articles", 'Number of items']) {
      expect(findTransactionColumns(['Client', 'Date', 'Montant', count], {}).product).toBeUndefined();
    }
  });

  it('looks for every role once, the product and category last', () => {
    expect([...ROUNDS.flat()].sort()).toEqual([...TRANSACTION_ROLES].sort());
    expect(ROUNDS.at(-1)).toEqual(['category', 'product']);
  });

  it('never gives another role the column of a product or category name, nor takes one another role has', () => {
    // Every header name of every role, in random headers: renaming the product and category columns found to
    // names of no role must leave every other role where it was (the product and category may then move).
    // Exact names, and two words of two roles together (`Product price`, `Famille client`).
    const words = Object.values(ROLE_NAMES).map(({ containing }) => containing);
    const names = [
      ...Object.values(ROLE_NAMES).flatMap(({ exact }) => exact),
      ...words.flatMap((first, role) =>
        words.flatMap((second, other) =>
          role === other ? [] : first.flatMap((word) => second.map((next) => `${word} ${next}`)),
        ),
      ),
    ];
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 12 }), (header) => {
        const columns = findTransactionColumns(header, {});
        const neutral = header.map((name, index) =>
          index === columns.product || index === columns.category ? `column ${index}` : name,
        );
        const { product: _product, category: _category, ...others } = columns;
        const { product: _, category: __, ...othersOfNeutral } = findTransactionColumns(neutral, {});
        expect(othersOfNeutral).toEqual(others);
      }),
      { numRuns: 500 },
    );
  });

  it('takes product and category columns from the map option', () => {
    const { mapping } = readColumnMapping('product=Libellé,category=Rubrique');
    const columns = findTransactionColumns(['Client', 'Date', 'Montant', 'Libellé', 'Rubrique'], mapping);
    expect(columns).toEqual({ customer: 0, date: 1, amount: 2, product: 3, category: 4 });
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
