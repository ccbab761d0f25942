// Purchase diversity in the analysis (issue 18): on by default, K-means on a log with a product column clusters on
// distinct products and the top product's share beside R, F and M and profiles them; off (or without a product
// column), the analysis is exactly that of the same log without its product column, as before the features.
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../support/analyze-text.ts';

/**
 * 60 customers: the first 20 buy one product again and again, the next 20 a few products, the last 20 many
 * (as many as their orders, up to 12 lines each); recency, frequency and amounts vary with the customer's number.
 */
function productLog(withProduct: boolean): string {
  const lines = [
    withProduct
      ? 'InvoiceNo,StockCode,InvoiceDate,CustomerID,Amount'
      : 'InvoiceNo,InvoiceDate,CustomerID,Amount',
  ];
  let invoice = 1;
  for (let customer = 0; customer < 60; customer++) {
    const orders = 1 + (customer % 5);
    for (let order = 0; order < orders; order++, invoice++) {
      const day = String(1 + ((customer * 7 + order * 11) % 28)).padStart(2, '0');
      const month = String(1 + ((customer + order) % 5)).padStart(2, '0');
      const products = customer < 20 ? 1 : customer < 40 ? 2 : 12;
      for (let line = 0; line < Math.min(products, 3); line++) {
        const product = `P${(customer * 3 + order * 5 + line) % products}-${customer < 20 ? customer : 'x'}`;
        const amount = (5 + ((customer * 13 + line * 7) % 40)).toFixed(2);
        const fields = [`${invoice}`, product, `2024-${month}-${day}`, `C${customer}`, amount];
        lines.push((withProduct ? fields : fields.filter((_, index) => index !== 1)).join(','));
      }
    }
  }
  return lines.join('\n');
}

describe('purchase diversity in the analysis', () => {
  it('is on by default: the product column is listed, clustered on and profiled', async () => {
    const { analysis } = await analyzeText(productLog(true));
    expect(analysis.input.columns.product).toBe('StockCode');
    expect(analysis.clusters.features.map((feature) => feature.name)).toEqual([
      'recency_days',
      'frequency',
      'monetary',
      'distinct_products',
      'top_product_share',
    ]);
    for (const cluster of analysis.clusters.clusters) {
      expect(Object.keys(cluster.profile)).toContain('top_product_share');
      expect(cluster.profile.top_product_share).toBeGreaterThan(0);
      expect(cluster.profile.top_product_share).toBeLessThanOrEqual(1);
    }
    // The profile is the clusters' mean: weighted by size, the customers' mean distinct products.
    const meanProducts =
      analysis.clusters.clusters.reduce(
        (sum, cluster) => sum + (cluster.profile.distinct_products ?? 0) * cluster.size,
        0,
      ) / 60;
    // Counted from the log's text itself, not through the engine's reader.
    const distinct = new Map<string, Set<string>>();
    for (const line of productLog(true).split('\n').slice(1)) {
      const [, product = '', , customer = ''] = line.split(',');
      distinct.set(customer, (distinct.get(customer) ?? new Set()).add(product));
    }
    const expected = [...distinct.values()].reduce((sum, products) => sum + products.size, 0) / 60;
    expect(meanProducts).toBeCloseTo(expected, 9);
  });

  it('off, gives exactly the analysis of the same log without its product column', async () => {
    const off = await analyzeText(productLog(true), { purchaseDiversity: false });
    const without = await analyzeText(productLog(false));
    expect(off.analysis.input.columns.product).toBeUndefined();
    expect(off.analysis.clusters.features.map((feature) => feature.name)).toEqual([
      'recency_days',
      'frequency',
      'monetary',
    ]);
    expect(off.analysis).toEqual(without.analysis);
    expect(JSON.stringify([...off.customers])).toBe(JSON.stringify([...without.customers]));
  });

  it('without a product column, is R, F and M whatever the switch says', async () => {
    const on = await analyzeText(productLog(false));
    const off = await analyzeText(productLog(false), { purchaseDiversity: false });
    expect(on.analysis).toEqual(off.analysis);
  });
});
