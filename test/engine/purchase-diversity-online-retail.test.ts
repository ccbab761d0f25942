// Online Retail's purchase diversity against an independent pandas count of the raw export, on the lines our
// cleaning rules keep (customer present, invoice not starting with C, quantity > 0, price > 0): per customer, the
// distinct StockCodes and the share of their spend in their top StockCode, and, with Description mapped as the
// category, the distinct descriptions. Counts exactly, shares within 1e-9.
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLogLedger } from '../../lambda/engine/read-order-columns.ts';
import { AFTER_ALL_DATA, ONLINE_RETAIL } from '../../tools/real-data.ts';
import { assertReferenceRuntime, SYSTEM_PYTHON } from '../../tools/reference-python.ts';

const PANDAS_DIVERSITY = `
import json, sys
import pandas as pd
lines = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False)
quantity = pd.to_numeric(lines['Quantity'])
price = pd.to_numeric(lines['UnitPrice'])
kept = ((lines['CustomerID'].str.strip() != '') & ~lines['InvoiceNo'].str.startswith('C')
        & (quantity > 0) & (price > 0))
lines = pd.DataFrame({'customer': lines['CustomerID'].str.strip(), 'product': lines['StockCode'].str.strip(),
                      'description': lines['Description'].str.strip(), 'amount': quantity * price})[kept]
spend = lines.groupby('customer')['amount'].sum()
named = lines[lines['product'] != '']
top = named.groupby(['customer', 'product'])['amount'].sum().groupby(level='customer').max()
products = named.groupby('customer')['product'].nunique()
descriptions = lines[lines['description'] != ''].groupby('customer')['description'].nunique()
print(json.dumps({'rows': len(lines), 'customers': {
    customer: [int(products.get(customer, 0)), int(descriptions.get(customer, 0)),
               float(top.get(customer, 0.0) / total)]
    for customer, total in spend.items()}}))
`;

/** Per customer id: distinct products, distinct descriptions, top product share. */
type Diversity = Record<string, [number, number, number]>;

function pandasDiversity(): { rows: number; customers: Diversity } {
  assertReferenceRuntime();
  const run = spawnSync(SYSTEM_PYTHON, ['-c', PANDAS_DIVERSITY, ONLINE_RETAIL], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`pandas failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { rows: number; customers: Diversity };
}

/** Our reading, Description mapped as the category (Online Retail has no category column). */
async function engineDiversity(): Promise<{ rows: number; customers: Diversity }> {
  const { read } = await readLogLedger(createReadStream(ONLINE_RETAIL), {
    sourceName: ONLINE_RETAIL,
    now: AFTER_ALL_DATA,
    map: 'category=Description',
    purchaseDiversity: true,
  });
  const customers = read.ledger.customersInIdOrder();
  const { diversity } = customers;
  if (diversity?.distinctCategories === undefined) throw new Error('expected products and categories');
  const { distinctProducts, distinctCategories, topProductShare } = diversity;
  const byId: Diversity = {};
  for (let row = 0; row < customers.count; row++) {
    byId[customers.idAt(row)] = [
      distinctProducts[row] as number,
      distinctCategories[row] as number,
      topProductShare[row] as number,
    ];
  }
  return { rows: read.rowsUsed, customers: byId };
}

describe('Online Retail purchase diversity', () => {
  let pandas: { rows: number; customers: Diversity };
  let engine: { rows: number; customers: Diversity };
  beforeAll(async () => {
    pandas = pandasDiversity();
    engine = await engineDiversity();
  }, 120_000);

  it('reads the lines pandas keeps: 397,884 of 4,338 customers', () => {
    expect(engine.rows).toBe(pandas.rows);
    expect(pandas.rows).toBe(397_884);
    expect(Object.keys(engine.customers).sort()).toEqual(Object.keys(pandas.customers).sort());
    expect(Object.keys(pandas.customers)).toHaveLength(4_338);
  });

  it('gives every customer the distinct products and descriptions of pandas, and its top share within 1e-9', () => {
    const differences = Object.entries(pandas.customers).flatMap(([id, [products, descriptions, share]]) => {
      const ours = engine.customers[id];
      const same =
        ours !== undefined &&
        ours[0] === products &&
        ours[1] === descriptions &&
        Math.abs(ours[2] - share) <= 1e-9;
      return same ? [] : [{ id, pandas: [products, descriptions, share], ours }];
    });
    expect(differences).toEqual([]);
    // Not all alike: single-product buyers (share 1) and broad baskets (hundreds of products) are both there.
    const shares = Object.values(engine.customers).map(([, , share]) => share);
    expect(shares.filter((share) => share === 1).length).toBeGreaterThan(0);
    expect(Math.max(...Object.values(engine.customers).map(([products]) => products))).toBeGreaterThan(1000);
  });
});
