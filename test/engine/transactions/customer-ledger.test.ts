import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../../../lambda/engine/input/date-parsing.ts';
import { CustomerLedger } from '../../../lambda/engine/transactions/customer-ledger.ts';
import { roundToTenThousandths } from '../../../lambda/engine/numbers/round-sum.ts';

const at = (iso: string) => Date.parse(`${iso}Z`);
const dayOf = (iso: string) => Math.floor(at(iso) / MS_PER_DAY);

describe('CustomerLedger', () => {
  it('counts distinct orders, sums amounts and keeps the last purchase of each customer', () => {
    const ledger = new CustomerLedger();
    ledger.add('17850', '536365', at('2010-12-01T08:26:00'), 15.3);
    ledger.add('17850', '536365', at('2010-12-01T08:26:00'), 20.34);
    ledger.add('17850', '536366', at('2010-12-01T08:28:00'), 11.1);
    ledger.add('13047', '536367', at('2010-12-01T08:34:00'), 54.08);
    // An order seen again after another one (lines out of order) is not counted twice.
    ledger.add('17850', '536365', at('2010-12-01T08:26:00'), 1);
    ledger.add('17850', '536400', at('2010-11-30T10:00:00'), 2);
    expect(ledger.customerCount).toBe(2);
    expect(ledger.histories()).toEqual([
      {
        id: '13047',
        lastPurchaseMs: at('2010-12-01T08:34:00'),
        monetary: 54.08,
        orderDays: [dayOf('2010-12-01')],
      },
      {
        id: '17850',
        lastPurchaseMs: at('2010-12-01T08:28:00'),
        // 15.30 + 20.34 + 11.10 + 1 + 2
        monetary: 49.74,
        // 536365, 536366 (both on 2010-12-01), then 536400 (2010-11-30), in the order first seen.
        orderDays: [dayOf('2010-12-01'), dayOf('2010-12-01'), dayOf('2010-11-30')],
      },
    ]);
    expect(ledger.period).toEqual({ firstMs: at('2010-11-30T10:00:00'), lastMs: at('2010-12-01T08:34:00') });
    // 49.74 + 54.08
    expect(ledger.revenue).toBe(103.82);
  });

  it('sums the amounts of an order whose lines follow one another', () => {
    const ledger = new CustomerLedger();
    ledger.add('A', 'o1', at('2024-01-03T10:00:00'), 10);
    ledger.add('A', 'o1', at('2024-01-03T10:00:00'), 2.5);
    ledger.add('A', 'o2', at('2024-01-04T10:00:00'), 4);
    ledger.add('A', 'o2', at('2024-01-04T10:00:00'), -1);
    ledger.customersInIdOrder();
    expect(Array.from(ledger.takeOrders().amounts)).toEqual([12.5, 3]);
  });

  it('gives its customers in id order as columns, with each distinct order and its day', () => {
    const ledger = new CustomerLedger();
    ledger.add('B7', 'o1', at('2024-01-03T10:00:00'), 10);
    ledger.add('10', 'o2', at('2024-01-05T10:00:00'), 5.5);
    ledger.add('9', 'o3', at('2024-01-02T10:00:00'), 1);
    ledger.add('10', 'o4', at('2024-01-07T10:00:00'), 2);
    // The same order id under another customer is another order.
    ledger.add('9', 'o2', at('2024-01-09T10:00:00'), 3);
    ledger.add('10', 'o2', at('2024-01-05T11:00:00'), 0.25);
    const customers = ledger.customersInIdOrder();
    expect(customers.count).toBe(3);
    expect(Array.from({ length: 3 }, (_, row) => customers.idAt(row))).toEqual(['9', '10', 'B7']);
    expect(Array.from(customers.frequency)).toEqual([2, 2, 1]);
    expect(Array.from(customers.monetary)).toEqual([4, 7.75, 10]);
    expect(Array.from(customers.lastPurchaseDays)).toEqual([
      dayOf('2024-01-09'),
      dayOf('2024-01-07'),
      dayOf('2024-01-03'),
    ]);
    // Orders in the order first seen; customers as ledger indices (B7 = 0, 10 = 1, 9 = 2, as first seen).
    const orders = ledger.takeOrders();
    expect(orders.count).toBe(5);
    expect(Array.from(orders.customers)).toEqual([0, 1, 2, 1, 2]);
    expect(Array.from(orders.days)).toEqual(
      ['2024-01-03', '2024-01-05', '2024-01-02', '2024-01-07', '2024-01-09'].map(dayOf),
    );
    // 10's o2 comes back after its o4 and 9's o2: its amount still joins its own order.
    expect(Array.from(orders.amounts)).toEqual([10, 5.75, 1, 2, 3]);
    expect(ledger.takeOrders().count).toBe(0);
    expect(() => ledger.add('9', 'o5', at('2024-01-10T10:00:00'), 1)).toThrow(/after customersInIdOrder/);
  });

  it('counts an order once however its lines interleave with other orders and customers', () => {
    const ledger = new CustomerLedger();
    const day = at('2024-02-01T09:00:00');
    for (const [customer, order] of [
      ['A', '1'],
      ['B', '1'],
      ['A', '2'],
      ['A', '1'],
      ['B', '2'],
      ['A', '3'],
      ['A', '2'],
      ['B', '1'],
      ['A', '1'],
    ] as const) {
      ledger.add(customer, order, day, 1);
    }
    expect(ledger.histories().map((history) => [history.id, history.orderDays.length])).toEqual([
      ['A', 3],
      ['B', 2],
    ]);
  });

  it('has a NaN period while empty', () => {
    const ledger = new CustomerLedger();
    expect(ledger.period.firstMs).toBeNaN();
    expect(ledger.period.lastMs).toBeNaN();
    expect(ledger.histories()).toEqual([]);
  });

  it('gives the same histories whatever the order of the lines', () => {
    const line = fc.record({
      customer: fc.constantFrom('1', '2', '10', 'A7'),
      order: fc.constantFrom('o1', 'o2', 'o3', 'o4'),
      day: fc.integer({ min: 0, max: 30 }),
      cents: fc.integer({ min: 1, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), fc.integer(), (lines, seed) => {
        // An order belongs to one customer on one day, as in a real log.
        const consistent = lines.map((entry) => ({ ...entry, order: `${entry.customer}-${entry.order}` }));
        const dayOfOrder = new Map(consistent.map((entry) => [entry.order, entry.day]));
        const shuffled = [...consistent].sort(
          (left, right) => hash(left.order + left.cents, seed) - hash(right.order + right.cents, seed),
        );
        const summarise = (entries: typeof consistent) => {
          const ledger = new CustomerLedger();
          for (const entry of entries) {
            const ms = (dayOfOrder.get(entry.order) ?? 0) * MS_PER_DAY;
            ledger.add(entry.customer, entry.order, ms, entry.cents / 100);
          }
          return ledger
            .histories()
            .map((history) => ({ ...history, orderDays: [...history.orderDays].sort((a, b) => a - b) }));
        };
        expect(summarise(shuffled)).toEqual(summarise(consistent));
      }),
      { numRuns: 200 },
    );
  });
});

/** A cheap deterministic hash, to shuffle by a seed. */
function hash(text: string, seed: number): number {
  let value = seed | 0;
  for (const character of text) value = Math.imul(value ^ (character.codePointAt(0) ?? 0), 0x9e3779b1);
  return value;
}

describe('roundToTenThousandths', () => {
  it('makes equal totals summed in different orders equal', () => {
    expect(0.1 + 0.2 + 0.3).not.toBe(0.3 + 0.2 + 0.1);
    expect(roundToTenThousandths(0.1 + 0.2 + 0.3)).toBe(roundToTenThousandths(0.3 + 0.2 + 0.1));
    expect(roundToTenThousandths(8_911_407.904_000_01)).toBe(8_911_407.904);
  });
});
