// Purchase diversity as the ledger accumulates it (product-spend.ts, customer-item-pairs.ts): distinct products,
// distinct categories and the top product's share of spend, computed by hand on small logs, then against a plain
// Map count on random ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerLedger } from '../../../lambda/engine/transactions/customer-ledger.ts';
import type { LedgerCustomers } from '../../../lambda/engine/transactions/ledger-customers.ts';

const DAY = Date.parse('2024-03-01T10:00:00Z');

/** A line: customer, order, product, category (undefined: the log has none), amount. */
type Line = readonly [string, string, string, string | undefined, number];

function ledgerOf(lines: readonly Line[], options = { categories: true }): LedgerCustomers {
  const ledger = new CustomerLedger({ products: true, categories: options.categories });
  for (const [customer, order, product, category, amount] of lines) {
    ledger.add(customer, order, DAY, amount);
    ledger.addProduct(product, category, amount);
  }
  return ledger.customersInIdOrder();
}

/** Each customer's [id, distinct products, distinct categories, top product share], in row order. */
function rowsOf(customers: LedgerCustomers): [string, number, number | undefined, number][] {
  const diversity = customers.diversity;
  if (diversity === undefined) throw new Error('expected purchase diversity');
  return Array.from({ length: customers.count }, (_, row) => [
    customers.idAt(row),
    diversity.distinctProducts[row] as number,
    diversity.distinctCategories?.[row],
    diversity.topProductShare[row] as number,
  ]);
}

describe('purchase diversity in the ledger', () => {
  it('gives a customer of one product 1 product and a share of exactly 1, over several lines and orders', () => {
    const customers = ledgerOf([
      ['A', 'o1', '85123A', 'Home', 0.1],
      ['A', 'o1', '85123A', 'Home', 0.2],
      ['A', 'o2', '85123A', 'Home', 0.7],
    ]);
    expect(rowsOf(customers)).toEqual([['A', 1, 1, 1]]);
  });

  it('shares a tie for the top product: two products of 5 each give 0.5', () => {
    const customers = ledgerOf([
      ['A', 'o1', 'P1', 'C1', 5],
      ['A', 'o1', 'P2', 'C1', 2],
      ['A', 'o2', 'P2', 'C1', 3],
    ]);
    expect(rowsOf(customers)).toEqual([['A', 2, 1, 0.5]]);
  });

  it('sums a product over lines that are not consecutive, and keeps customers apart', () => {
    const customers = ledgerOf([
      ['A', 'o1', 'P1', 'C1', 3],
      ['A', 'o1', 'P2', 'C2', 1],
      ['B', 'o2', 'P1', 'C1', 4],
      // B's P1 again right after A's P1 line would be the same product text: another customer's pair.
      ['A', 'o3', 'P1', 'C1', 3],
      ['A', 'o3', 'P3', 'C2', 2],
      ['B', 'o2', 'P1', 'C1', 1],
    ]);
    // A: P1 6, P2 1, P3 2 of 9; B: P1 5 of 5.
    expect(rowsOf(customers)).toEqual([
      ['A', 3, 2, 6 / 9],
      ['B', 1, 1, 1],
    ]);
  });

  it('counts an empty product as no product, its amount still in the spend; likewise an empty category', () => {
    const customers = ledgerOf([
      ['A', 'o1', '', '', 5],
      ['A', 'o1', 'P1', 'C1', 5],
      ['B', 'o2', '', 'C1', 7],
    ]);
    expect(rowsOf(customers)).toEqual([
      ['A', 1, 1, 0.5],
      ['B', 0, 1, 0],
    ]);
  });

  it('gives the features in customer id order, like the other columns', () => {
    const customers = ledgerOf([
      ['10', 'o1', 'P1', 'C1', 1],
      ['9', 'o2', 'P1', 'C1', 1],
      ['9', 'o2', 'P2', 'C2', 3],
    ]);
    expect(rowsOf(customers)).toEqual([
      ['9', 2, 2, 0.75],
      ['10', 1, 1, 1],
    ]);
    expect(Array.from(customers.monetary)).toEqual([4, 1]);
  });

  it('has no category counts without a category column, and no diversity at all without a product column', () => {
    const customers = ledgerOf([['A', 'o1', 'P1', undefined, 1]], { categories: false });
    expect(customers.diversity?.distinctCategories).toBeUndefined();
    expect(rowsOf(customers)).toEqual([['A', 1, undefined, 1]]);
    const plain = new CustomerLedger();
    plain.add('A', 'o1', DAY, 1);
    expect(plain.customersInIdOrder().diversity).toBeUndefined();
  });

  it('equals a plain Map count on random logs, past the tables growing', () => {
    const line = fc.tuple(
      fc.integer({ min: 0, max: 400 }),
      fc.integer({ min: 0, max: 30 }),
      fc.integer({ min: 0, max: 6 }),
      fc.integer({ min: 1, max: 10_000 }),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 2000, maxLength: 3000 }), (draws) => {
        // Product 0 is the empty text; a product's category is its number modulo 3 ('' for 0).
        const lines: Line[] = draws.map(([customer, product, category, cents]) => [
          `c${customer}`,
          'o',
          product === 0 ? '' : `P${product}`,
          category === 0 ? '' : `K${category % 3}`,
          cents / 100,
        ]);
        const actual = new Map(rowsOf(ledgerOf(lines)).map(([id, ...rest]) => [id, rest]));
        expect(actual).toEqual(plainCount(lines));
      }),
      { numRuns: 30 },
    );
  });
});

/** The same three numbers with Maps of strings: the obvious way, for comparison. */
function plainCount(lines: readonly Line[]): Map<string, [number, number, number]> {
  const spend = new Map<string, number>();
  const productSpend = new Map<string, Map<string, number>>();
  const categories = new Map<string, Set<string>>();
  for (const [customer, , product, category, amount] of lines) {
    spend.set(customer, (spend.get(customer) ?? 0) + amount);
    if (!productSpend.has(customer)) productSpend.set(customer, new Map());
    if (!categories.has(customer)) categories.set(customer, new Set());
    const products = productSpend.get(customer) as Map<string, number>;
    if (product !== '') products.set(product, (products.get(product) ?? 0) + amount);
    if (category !== undefined && category !== '') categories.get(customer)?.add(category);
  }
  return new Map(
    [...spend].map(([customer, total]) => {
      const products = productSpend.get(customer) as Map<string, number>;
      const top = Math.max(0, ...products.values());
      const share = top === 0 ? 0 : Math.min(1, top / total);
      return [customer, [products.size, categories.get(customer)?.size ?? 0, share]];
    }),
  );
}
