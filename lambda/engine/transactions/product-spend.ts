/**
 * What each customer bought, for the purchase-diversity features: the product (and category) texts interned once
 * per log (a log names thousands of products over millions of lines), and the distinct (customer, product)
 * pairs with their spend, (customer, category) pairs too, in CustomerItemPairs. At the end, per customer: the
 * distinct products, the distinct categories, and the share of their spend in their top product.
 *
 * A line whose product is empty (after trimming) names no product: it is not counted as one, and its amount stays
 * in the customer's spend (the share's denominator), so a customer who bought only such lines has 0 products and
 * a share of 0. An empty category likewise counts as no category.
 *
 * @example
 * const spend = new ProductSpend(false);
 * spend.add(0, 'A', undefined, 6);
 * spend.add(0, 'B', undefined, 2);
 * spend.add(0, 'A', undefined, 2);
 * spend.diversity(Int32Array.of(0), () => 10); // 2 products, top share 8 / 10 = 0.8
 */
import { CustomerItemPairs } from './customer-item-pairs.ts';
import { InternTable } from './intern-table.ts';
import type { PurchaseDiversity } from './ledger-customers.ts';

export class ProductSpend {
  readonly #products = new InternTable();
  readonly #productPairs = new CustomerItemPairs();
  readonly #categories: InternTable | undefined;
  readonly #categoryPairs: CustomerItemPairs | undefined;
  /** The previous line's product and category texts: the same text again skips interning it. */
  #previousProductText = '';
  #previousProduct = -1;
  #previousCategoryText = '';
  #previousCategory = -1;

  /** `categories`: the log has a category column. */
  constructor(categories: boolean) {
    this.#categories = categories ? new InternTable() : undefined;
    this.#categoryPairs = categories ? new CustomerItemPairs() : undefined;
  }

  /** One used line of ledger customer `customer`: its trimmed product and category texts and its amount. */
  add(customer: number, product: string, category: string | undefined, amount: number): void {
    if (product !== '') {
      if (product !== this.#previousProductText) {
        this.#previousProductText = product;
        this.#previousProduct = this.#products.intern(product);
      }
      this.#productPairs.add(customer, this.#previousProduct, amount);
    }
    if (category === undefined || category === '' || this.#categoryPairs === undefined) return;
    if (category !== this.#previousCategoryText) {
      this.#previousCategoryText = category;
      this.#previousCategory = (this.#categories as InternTable).intern(category);
    }
    this.#categoryPairs.add(customer, this.#previousCategory, amount);
  }

  /**
   * The features of each customer in `order` (row r: ledger customer order[r]); `spendOf` gives a ledger
   * customer's whole spend, the share's denominator.
   */
  diversity(order: Int32Array, spendOf: (customer: number) => number): PurchaseDiversity {
    const rowOf = new Int32Array(order.length);
    for (let row = 0; row < order.length; row++) rowOf[order[row] as number] = row;
    const categories = this.#categoryPairs;
    return {
      distinctProducts: distinctPerRow(this.#productPairs, rowOf),
      distinctCategories: categories === undefined ? undefined : distinctPerRow(categories, rowOf),
      topProductShare: topShares(this.#productPairs, rowOf, (row) => spendOf(order[row] as number)),
    };
  }
}

/** The number of pairs of each row's customer (`rowOf`: a ledger customer's row). */
function distinctPerRow(pairs: CustomerItemPairs, rowOf: Int32Array): Int32Array {
  const counts = new Int32Array(rowOf.length);
  pairs.forEach((customer) => {
    const row = rowOf[customer] as number;
    counts[row] = (counts[row] as number) + 1;
  });
  return counts;
}

/** Each row's largest pair spend over `spendOfRow` (0 for a row without a pair; ties give the same share). */
function topShares(
  pairs: CustomerItemPairs,
  rowOf: Int32Array,
  spendOfRow: (row: number) => number,
): Float64Array {
  const shares = new Float64Array(rowOf.length);
  pairs.forEach((customer, spend) => {
    const row = rowOf[customer] as number;
    if (spend > (shares[row] as number)) shares[row] = spend;
  });
  for (let row = 0; row < shares.length; row++) {
    const top = shares[row] as number;
    // The top product's spend is part of the whole (min: two sums of the same amounts may differ by an ulp).
    if (top > 0) shares[row] = Math.min(1, top / spendOfRow(row));
  }
  return shares;
}
