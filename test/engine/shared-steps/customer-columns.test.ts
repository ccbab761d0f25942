import { describe, expect, it } from 'vitest';
import type { CustomerRow } from '../../../lambda/engine/analysis/analysis-types.ts';
import {
  type CustomerColumns,
  customerRowAt,
  customerRowsView,
} from '../../../lambda/engine/shared-steps/customer-columns.ts';
import { customersCsvChunks, formatCustomersCsv } from '../../../lambda/engine/export/customers-csv.ts';
import { RFM_SEGMENT_KEYS } from '../../../lambda/engine/rfm/rfm-segments.ts';
import { NO_PRIORITY } from '../../../lambda/engine/value/value-priority.ts';

/** Three customers; clustering ran and put the first two in cluster 1 ("Lapsed"), the last in 0. */
function columns(count = 3, clustered = true): CustomerColumns {
  const ids = ['9', '10', 'B7'];
  return {
    count,
    idAt: (row) => ids[row] ?? `C${row}`,
    recencyDays: Int32Array.from({ length: count }, (_, row) => 10 + row),
    frequency: Int32Array.from({ length: count }, (_, row) => 1 + (row % 3)),
    monetary: Float64Array.from({ length: count }, (_, row) => 12.345 + row),
    recencyScores: Uint8Array.from({ length: count }, () => 5),
    frequencyScores: Uint8Array.from({ length: count }, () => 2),
    monetaryScores: Uint8Array.from({ length: count }, () => 3),
    segments: Uint8Array.from({ length: count }, () => RFM_SEGMENT_KEYS.indexOf('potentialLoyalists')),
    clusters: clustered
      ? {
          assignments: Int32Array.from({ length: count }, (_, row) => (row === count - 1 ? 0 : 1)),
          margins: Float64Array.from({ length: count }, (_, row) => row / 10),
          names: ['Recent high-value', 'Lapsed'],
        }
      : null,
  };
}

const FIRST_ROW: CustomerRow = {
  id: '9',
  recencyDays: 10,
  frequency: 1,
  monetary: 12.345,
  recencyScore: 5,
  frequencyScore: 2,
  monetaryScore: 3,
  segment: 'potentialLoyalists',
  cluster: 'Lapsed',
  clusterMargin: 0,
  probabilityAlive: null,
  expectedPurchases: null,
  expectedOrderValue: null,
  clv: null,
  probabilityHighValue: null,
  priority: null,
};

describe('customerRowAt', () => {
  it('builds a row from the columns, null cluster fields when clustering was skipped', () => {
    expect(customerRowAt(columns(), 0)).toEqual(FIRST_ROW);
    expect(customerRowAt(columns(), 2)).toMatchObject({ id: 'B7', cluster: 'Recent high-value' });
    expect(customerRowAt(columns(3, false), 0)).toEqual({ ...FIRST_ROW, cluster: null, clusterMargin: null });
  });

  it('reads the value columns, null where a column holds NaN (no prediction for that customer)', () => {
    const value = {
      probabilityAlive: Float64Array.of(0.8, Number.NaN, 0.1),
      expectedPurchases: Float64Array.of(1.5, Number.NaN, 0.2),
      expectedOrderValue: Float64Array.of(20, Number.NaN, 30),
      clv: Float64Array.of(25, Number.NaN, 5),
      probabilityHighValue: Float64Array.of(0.4, 0.3, Number.NaN),
    };
    expect(customerRowAt({ ...columns(), value }, 0)).toEqual({
      ...FIRST_ROW,
      probabilityAlive: 0.8,
      expectedPurchases: 1.5,
      expectedOrderValue: 20,
      clv: 25,
      probabilityHighValue: 0.4,
    });
    expect(customerRowAt({ ...columns(), value }, 1)).toMatchObject({ clv: null, probabilityHighValue: 0.3 });
  });

  it('reads the priority, null where a row has none', () => {
    const priorities = Int8Array.of(0, NO_PRIORITY, 3);
    expect([0, 1, 2].map((row) => customerRowAt({ ...columns(), priorities }, row).priority)).toEqual([
      'strategic',
      null,
      'maintain',
    ]);
  });
});

describe('customerRowsView', () => {
  const rows = customerRowsView(columns());
  const expected = [0, 1, 2].map((row) => customerRowAt(columns(), row));

  it('reads like the array of rows: length, index, iteration, array methods, JSON, equality', () => {
    expect(Array.isArray(rows)).toBe(true);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(FIRST_ROW);
    expect(rows[3]).toBeUndefined();
    expect(rows.at(-1)?.id).toBe('B7');
    expect([...rows]).toEqual(expected);
    expect(rows.map((row) => row.id)).toEqual(['9', '10', 'B7']);
    expect(rows.filter((row) => row.cluster === 'Lapsed')).toHaveLength(2);
    expect(rows.find((row) => row.id === '10')?.frequency).toBe(2);
    expect(rows.flatMap((row) => (row.segment ? [[row.id, row.segment]] : []))).toHaveLength(3);
    expect(new Map(rows.map((row) => [row.id, row])).get('B7')).toEqual(expected[2]);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(expected);
    expect(rows).toEqual(expected);
    expect(Object.keys(rows)).toEqual(['0', '1', '2']);
    expect(1 in rows).toBe(true);
  });

  it('builds rows on demand, and refuses writes', () => {
    expect(rows[0]).not.toBe(rows[0]);
    const writable = rows as CustomerRow[];
    expect(() => writable.push(FIRST_ROW)).toThrow(TypeError);
    expect(() => {
      writable[0] = FIRST_ROW;
    }).toThrow(TypeError);
    expect(rows).toHaveLength(3);
  });
});

describe('customersCsvChunks', () => {
  it('writes the file formatCustomersCsv writes, in pieces of about 64K characters', () => {
    const many = customerRowsView(columns(5_000));
    const chunks = [...customersCsvChunks(many, 'transactions')];
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length >= 65_536 && chunk.length < 65_536 + 200)).toBe(
      true,
    );
    const whole = chunks.join('');
    expect(whole).toBe(formatCustomersCsv([...many], 'transactions'));
    expect(whole.split('\n')).toHaveLength(5_002);
    // Margin 0: ambiguous.
    expect(whole.split('\n')[1]).toBe('9,10,1,12.35,5,2,3,Potential loyalists,Lapsed,0.0000,1,,,,,,');
    expect(whole.endsWith('\n')).toBe(true);
  });

  it('writes a header alone when there is no customer', () => {
    expect([...customersCsvChunks([], 'transactions')].join('')).toBe(
      'customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment,cluster,cluster_margin,' +
        'ambiguous,p_alive,expected_purchases,expected_order_value,clv,p_high_value,priority\n',
    );
  });
});
