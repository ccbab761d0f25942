// The per-customer CSV marketing opens in a spreadsheet: RFC 4180 quoting, and text a spreadsheet would run as
// a formula (starting with = + - @ TAB or CR) neutralised with a leading apostrophe.
import { describe, expect, it } from 'vitest';
import type { CustomerRow } from '../../../lambda/engine/analysis/analysis-types.ts';
import { formatCustomersCsv } from '../../../lambda/engine/export/customers-csv.ts';

function row(overrides: Partial<CustomerRow>): CustomerRow {
  return {
    id: 'C1',
    recencyDays: 3,
    frequency: 2,
    monetary: 150,
    recencyScore: 5,
    frequencyScore: 4,
    monetaryScore: 3,
    segment: 'loyal',
    cluster: 'High-value loyal',
    clusterMargin: 0.5,
    ...overrides,
  };
}

/** The line formatCustomersCsv writes for a transaction-log customer with this id (the other fields fixed). */
function lineFor(id: string): string | undefined {
  return formatCustomersCsv([row({ id })], 'transactions').split('\n')[1];
}

const TRANSACTION_HEADER =
  'customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment,cluster,cluster_margin,ambiguous';
const VALUE_HEADER = 'p_alive,expected_purchases,expected_order_value,clv,p_high_value,priority';
const REST = '3,2,150,5,4,3,Loyal,High-value loyal,0.5000,0,,,,,,';

describe('customer ids in the customers CSV', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\tcmd', "'\tcmd"],
    // CR is neutralised and, being a line break, quoted too.
    ['\rcmd', `"'\rcmd"`],
  ])('neutralises %j as %j', (id, expected) => {
    expect(lineFor(id)).toBe(`${expected},${REST}`);
  });

  it.each([
    ['Plain', 'Plain'],
    ['a=b', 'a=b'], // only a leading character starts a formula
    [' =1', ' =1'], // nor does one after a space: the rule is the first character
    ['Smith, John', '"Smith, John"'],
    ['Say "hi"', '"Say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
  ])('writes %j as %j', (id, expected) => {
    expect(
      formatCustomersCsv([row({ id })], 'transactions')
        .split('\n')
        .slice(1, -1)
        .join('\n'),
    ).toBe(`${expected},${REST}`);
  });
});

describe('formatCustomersCsv', () => {
  it('writes the fixed header and one row per transaction-log customer, money in cents', () => {
    const csv = formatCustomersCsv(
      [
        row({ id: '=cmd', monetary: 1234.5678 }),
        row({ id: 'C2', cluster: null, segment: 'cantLoseThem', monetary: 10 }),
      ],
      'transactions',
    );
    expect(csv).toBe(
      [
        `${TRANSACTION_HEADER},${VALUE_HEADER}`,
        "'=cmd,3,2,1234.57,5,4,3,Loyal,High-value loyal,0.5000,0,,,,,,",
        "C2,3,2,10,5,4,3,Can't lose them,,,,,,,,,",
        '',
      ].join('\n'),
    );
  });

  it('ends a transaction-log row with the value columns in fixed decimals, empty where there is no figure', () => {
    const predicted = row({
      probabilityAlive: 0.72661,
      expectedPurchases: 1.2,
      expectedOrderValue: 24.655,
      clv: 30,
      probabilityHighValue: null,
    });
    const csv = formatCustomersCsv([predicted, row({ id: 'C2' })], 'transactions').split('\n');
    const strategic = formatCustomersCsv([row({ ...predicted, priority: 'strategic' })], 'transactions');
    expect(strategic.split('\n')[1]).toBe(`C1,${REST.slice(0, -6)},0.7266,1.200,24.66,30.00,,strategic`);
    expect(csv[0]?.endsWith(`,cluster,cluster_margin,ambiguous,${VALUE_HEADER}`)).toBe(true);
    expect(csv[1]).toBe(`C1,${REST.slice(0, -6)},0.7266,1.200,24.66,30.00,,`);
    expect(csv[2]).toBe(`C2,${REST}`);
  });

  it('writes customer tables as customer_id,cluster,cluster_margin,ambiguous, the RFM columns when there are some, then the features', () => {
    const features = { Income: 52000, MntWines: 300 };
    const csv = formatCustomersCsv(
      [row({ id: '7', cluster: 'High Income, high MntWines', features })],
      'customers',
    );
    expect(csv.split('\n')).toEqual([
      'customer_id,cluster,cluster_margin,ambiguous,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment,Income,MntWines',
      '7,"High Income, high MntWines",0.5000,0,3,2,150,5,4,3,Loyal,52000,300',
      '',
    ]);
  });

  it('leaves the RFM columns out of a customer table without them', () => {
    const csv = formatCustomersCsv(
      [
        row({
          id: '7',
          recencyDays: null,
          frequency: null,
          monetary: null,
          recencyScore: null,
          frequencyScore: null,
          monetaryScore: null,
          segment: null,
          features: { Income: 52000 },
        }),
      ],
      'customers',
    );
    expect(csv).toBe(
      'customer_id,cluster,cluster_margin,ambiguous,Income\n7,High-value loyal,0.5000,0,52000\n',
    );
  });

  it('writes numbers as numbers (a negative number is no formula) and a missing one as an empty field', () => {
    const features = { Balance: -2, Ratio: 0.25, Broken: Number.NaN };
    const csv = formatCustomersCsv([row({ id: '1', segment: null, features })], 'customers');
    expect(csv).toBe(
      'customer_id,cluster,cluster_margin,ambiguous,Balance,Ratio,Broken\n1,High-value loyal,0.5000,0,-2,0.25,\n',
    );
  });

  it('writes only the header when there are no customers', () => {
    expect(formatCustomersCsv([], 'transactions')).toBe(`${TRANSACTION_HEADER},${VALUE_HEADER}\n`);
  });

  it('quotes and neutralises feature names in the header', () => {
    const csv = formatCustomersCsv(
      [row({ id: '1', segment: null, features: { 'Spend, other': 3, '=cmd': 1, 'Say "hi"': 2 } })],
      'customers',
    );
    expect(csv.split('\n')[0]).toBe(
      `customer_id,cluster,cluster_margin,ambiguous,"Spend, other",'=cmd,"Say ""hi"""`,
    );
  });

  it("flags a customer ambiguous when its margin is below the analysis's threshold", () => {
    const rows = [row({ id: 'A', clusterMargin: 0.0999 }), row({ id: 'B', clusterMargin: 0.1 })];
    expect(formatCustomersCsv(rows, 'transactions').split('\n').slice(1, 3)).toEqual([
      'A,3,2,150,5,4,3,Loyal,High-value loyal,0.0999,1,,,,,,',
      'B,3,2,150,5,4,3,Loyal,High-value loyal,0.1000,0,,,,,,',
    ]);
    // With another threshold an analysis was given (clusters.ambiguousMargin): 0.3 here.
    expect(formatCustomersCsv(rows, 'transactions', 0.3).split('\n')[2]).toBe(
      'B,3,2,150,5,4,3,Loyal,High-value loyal,0.1000,1,,,,,,',
    );
  });
});
