// Online Retail's monthly series against an independent pandas groupby of the raw export, with the same cleaning
// rules (customer present, invoice not starting with C, quantity > 0, price > 0): revenue to the cent, distinct
// invoices and customers exactly.
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Trends } from '../../../lambda/engine/trends/compute-trends.ts';
import { ONLINE_RETAIL } from '../../../tools/real-data.ts';
import { assertReferenceRuntime, SYSTEM_PYTHON } from '../../../tools/reference-python.ts';
import { analyzeFile } from '../../support/analyze-file.ts';

const PANDAS_BY_MONTH = `
import json, sys
import pandas as pd
lines = pd.read_csv(sys.argv[1], dtype={'InvoiceNo': str, 'CustomerID': str})
lines = lines[lines['CustomerID'].notna() & ~lines['InvoiceNo'].str.startswith('C')
              & (lines['Quantity'] > 0) & (lines['UnitPrice'] > 0)]
lines['month'] = pd.to_datetime(lines['InvoiceDate']).dt.strftime('%Y-%m')
lines['revenue'] = lines['Quantity'] * lines['UnitPrice']
months = lines.groupby('month').agg(revenue=('revenue', 'sum'), orders=('InvoiceNo', 'nunique'),
                                    customers=('CustomerID', 'nunique'))
print(json.dumps({month: [round(row.revenue, 2), int(row.orders), int(row.customers)]
                  for month, row in months.iterrows()}))
`;

interface Month {
  revenue: number;
  orders: number;
  customers: number;
}

function pandasByMonth(): Record<string, Month> {
  assertReferenceRuntime();
  const run = spawnSync(SYSTEM_PYTHON, ['-c', PANDAS_BY_MONTH, ONLINE_RETAIL], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`pandas failed: ${run.stderr}`);
  const rows = JSON.parse(run.stdout) as Record<string, [number, number, number]>;
  return Object.fromEntries(
    Object.entries(rows).map(([month, [revenue, orders, customers]]) => [
      month,
      { revenue, orders, customers },
    ]),
  );
}

describe('Online Retail by month', () => {
  let trends: Trends;
  let pandas: Record<string, Month>;
  beforeAll(async () => {
    const { analysis } = await analyzeFile(ONLINE_RETAIL, { value: false });
    if (!analysis.trends) throw new Error('Online Retail must have trends');
    trends = analysis.trends;
    pandas = pandasByMonth();
  });

  it('has the 13 months Dec 2010 to Dec 2011, December 2011 partial (to the 10th, the as-of day)', () => {
    expect(trends.unit).toBe('month');
    expect(trends.periods.map((period) => period.start.slice(0, 7))).toEqual(Object.keys(pandas).sort());
    expect(trends.periods).toHaveLength(13);
    expect(trends.periods.at(-1)).toEqual({ start: '2011-12-01', end: '2011-12-10', partial: true });
  });

  it('gives each month the revenue of the pandas groupby to the cent, and its invoices and customers', () => {
    const ours = Object.fromEntries(
      trends.periods.map((period, index) => [
        period.start.slice(0, 7),
        {
          revenue: Math.round((trends.base.revenue[index] as number) * 100) / 100,
          orders: trends.base.orders[index],
          customers: trends.base.activeCustomers[index],
        },
      ]),
    );
    expect(ours).toEqual(pandas);
    // Pinned, as printed by pandas: the first month and November 2011, the busiest.
    expect(pandas['2010-12']?.revenue).toBe(572_713.89);
    expect(Math.max(...trends.base.revenue)).toBe(trends.base.revenue[11]);
  });
});
