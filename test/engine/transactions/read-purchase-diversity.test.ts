// Purchase diversity read from a CSV the way analyzeCsv reads it (readLogLedger): the product and category columns
// found by their header names or mapped, only the lines the cleaning rules keep counted, and the same numbers
// whether a line is read on the fast path (no quote) or the general one (quoted fields).
import { describe, expect, it } from 'vitest';
import { readLogLedger } from '../../../lambda/engine/read-order-columns.ts';
import type { AnalyzeOptions } from '../../../lambda/engine/analysis/analyze-options.ts';

const NOW = new Date('2024-06-01T00:00:00Z');

async function* bytesOf(text: string): AsyncGenerator<Uint8Array> {
  yield Buffer.from(text, 'utf8');
}

/** Each customer's [id, distinct products, distinct categories, top product share], in id order. */
async function diversityOf(lines: readonly string[], options: Partial<AnalyzeOptions> = {}) {
  const { read } = await readLogLedger(bytesOf(lines.join('\n')), {
    sourceName: 'log.csv',
    now: NOW,
    purchaseDiversity: true,
    ...options,
  });
  const customers = read.ledger.customersInIdOrder();
  const { diversity } = customers;
  return {
    rowsUsed: read.rowsUsed,
    rows:
      diversity &&
      Array.from({ length: customers.count }, (_, row) => [
        customers.idAt(row),
        diversity.distinctProducts[row],
        diversity.distinctCategories?.[row],
        diversity.topProductShare[row],
      ]),
  };
}

describe('purchase diversity read from a transaction log', () => {
  it('is not read with purchase diversity off', async () => {
    const lines = [
      'InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID',
      '1,A,1,2024-01-02,2.5,c1',
    ];
    expect(await diversityOf(lines, { purchaseDiversity: false })).toEqual({ rowsUsed: 1, rows: undefined });
    expect((await diversityOf(lines)).rows).toEqual([['c1', 1, undefined, 1]]);
  });

  it('counts only the lines the cleaning rules keep (Online Retail layout, product found as StockCode)', async () => {
    const result = await diversityOf([
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
      '1,P1,Lamp,2,2024-05-01 10:00:00,5,A,UK',
      '1,P2,Mug,1,2024-05-01 10:00:00,10,A,UK',
      // Rejected: a cancellation, a return, a free line, no customer, a future date. None is A's or B's product.
      'C2,P9,Vase,1,2024-05-02 10:00:00,100,A,UK',
      '3,P9,Vase,-1,2024-05-02 10:00:00,100,A,UK',
      '3,P9,Vase,1,2024-05-02 10:00:00,0,A,UK',
      '3,P9,Vase,1,2024-05-02 10:00:00,100,,UK',
      '4,P9,Vase,1,2024-07-02 10:00:00,100,B,UK',
      '5,P1,Lamp,1,2024-05-03 10:00:00,5,B,UK',
    ]);
    expect(result).toEqual({
      rowsUsed: 3,
      rows: [
        ['A', 2, undefined, 0.5],
        ['B', 1, undefined, 1],
      ],
    });
  });

  it('finds French product and category columns (Code article, Famille), trimming their texts', async () => {
    const result = await diversityOf([
      'Code client;Date facture;Montant TTC;Code article;Famille',
      'A;2024-05-01;30;REF-1 ;Luminaires',
      'A;2024-05-01;10; REF-1;Luminaires ',
      'A;2024-05-02;60;REF-2;Cuisine',
      'B;2024-05-02;8;;Cuisine',
    ]);
    expect(result.rows).toEqual([
      ['A', 2, 2, 0.6],
      ['B', 0, 1, 0],
    ]);
  });

  it('reads quoted lines (the general path) as the fast path reads plain ones', async () => {
    const plain = await diversityOf([
      'Customer,Date,Amount,Product,Category',
      'A,2024-05-01,3,P1,K1',
      'A,2024-05-01,1,P2,K2',
    ]);
    const quoted = await diversityOf([
      'Customer,Date,Amount,Product,Category',
      '"A",2024-05-01,3,"P1","K1"',
      'A,2024-05-01,1,"P2",K2',
    ]);
    expect(quoted).toEqual(plain);
    expect(plain.rows).toEqual([['A', 2, 2, 0.75]]);
  });

  it('takes the columns the map option names, and has no diversity without a product column', async () => {
    const lines = [
      'Client,Date,Montant,Libellé,Rubrique',
      'A,2024-05-01,3,Lampe,Maison',
      'A,2024-05-01,1,Bol,Cuisine',
    ];
    expect((await diversityOf(lines)).rows).toBeUndefined();
    const mapped = await diversityOf(lines, { map: 'product=Libellé,category=Rubrique' });
    expect(mapped.rows).toEqual([['A', 2, 2, 0.75]]);
  });
});
