// The summary `analyze` prints, on analyses the engine makes of hand-made files (figures of the ten-customer
// fixture worked out in test/fixtures/ten-customers.ts and test/engine/analyze-csv.test.ts).
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../lambda/cli/format-summary.ts';
import { TEN_CUSTOMERS_CSV } from '../fixtures/ten-customers.ts';
import { analyzeFile } from '../support/analyze-file.ts';
import { analyzeText } from '../support/analyze-text.ts';
import { CDNOW, CUSTOMER_PERSONALITY } from '../../tools/real-data.ts';
import { FORMULA_IDS_CSV, threeGroupsCsv } from '../support/cli-fixtures.ts';

async function summaryLines(
  content: string,
  options: Parameters<typeof analyzeText>[1] = {},
): Promise<string[]> {
  return formatSummary((await analyzeText(content, options)).analysis).split('\n');
}

describe('formatSummary', () => {
  it('starts with the input, the rows read, used and rejected by reason, and the period', async () => {
    const lines = await summaryLines(TEN_CUSTOMERS_CSV);
    expect(lines.slice(0, 4)).toEqual([
      'test.csv: transaction log (ascii, delimiter ",", decimal ".")',
      // In the words of the email's data-quality section; reasons with no line are left out (nonPositiveAmount,
      // afterAsOf).
      '  rows read 33, used 25, rejected: wrong number of fields 1, no customer id 1, cancellations 1, ' +
        'unreadable date 1, unreadable number 1, zero or negative quantity 1, zero or negative price 1, ' +
        'date in the future 1',
      '  period 2022-10-10 .. 2024-05-31',
      '',
    ]);
  });

  it('gives the headline KPIs as the email does: whole totals, cents per order and per customer', async () => {
    const lines = await summaryLines(TEN_CUSTOMERS_CSV);
    expect(lines[4]).toBe('Customers 10 (active 5), orders 23, revenue 3,710');
    // 3710 / 23 = 161.30; 23 / 10 = 2.30; 6 of 10 customers have two orders or more.
    expect(lines[5]).toMatch(
      /^ {2}average order value 161\.30, orders per customer 2\.30, repeat rate 60\.0%, retention \d+\.\d%$/,
    );
    // CLV: 3710 / 10.
    expect(lines[7]).toBe('  historical CLV 371.00');
  });

  it('lists the RFM segments that have customers, best first, with shares of customers and revenue', async () => {
    const lines = await summaryLines(TEN_CUSTOMERS_CSV);
    const start = lines.indexOf('RFM segments (as of 2024-06-01):');
    expect(start).toBeGreaterThan(0);
    expect(lines.slice(start + 1, start + 9)).toEqual([
      '  Champions                  2  20.0%  revenue  48.5%', // C01 + C02: 1800 / 3710
      '  Loyal                      2  20.0%  revenue  18.9%', // C03 + C05: 700
      '  Potential loyalists        1  10.0%  revenue   1.3%', // C04: 50
      '  About to sleep             1  10.0%  revenue   0.5%', // C06: 20
      '  At risk                    1  10.0%  revenue   4.0%', // C07: 150
      "  Can't lose them            1  10.0%  revenue  24.3%", // C10: 900
      '  Hibernating                2  20.0%  revenue   2.4%', // C08 + C09: 90
      '',
    ]);
  });

  it('says how K was chosen, lists each cluster and the ambiguous customers', async () => {
    const fixed = await summaryLines(TEN_CUSTOMERS_CSV, { k: 3 });
    const start = fixed.indexOf('Clusters: K = 3 (fixed)');
    expect(start).toBeGreaterThan(0);
    const clusterLines = fixed.slice(start + 1, start + 4);
    for (const line of clusterLines) expect(line).toMatch(/^ {2}\S.{31} +\d+ +[\d.]+% {2}revenue +[\d.]+%$/);
    const sizes = clusterLines.map((line) => Number(/ (\d+) +[\d.]+% {2}revenue/.exec(line)?.[1]));
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(10);
    expect(fixed[start + 4]).toMatch(/^ {2}\d+ customers set aside as ambiguous between two clusters$/);
  });

  it('says K had the best silhouette when it was chosen among eligible candidates', async () => {
    const lines = await summaryLines(threeGroupsCsv(), { now: new Date('2025-01-01T00:00:00Z') });
    expect(lines).toContain('Clusters: K = 3 (best silhouette)');
  });

  it('does not call K the best when no K was eligible and the smallest was taken', async () => {
    // Ten customers: every K from 2 to 8 leaves a cluster under 5 customers, so K falls back to 2.
    const { analysis } = await analyzeText(TEN_CUSTOMERS_CSV);
    expect(analysis.clusters.selection?.candidates.every((candidate) => !candidate.eligible)).toBe(true);
    expect(formatSummary(analysis).split('\n')).toContain(
      'Clusters: K = 2 (smallest K tried: no K gave every cluster enough customers)',
    );
  });

  it('says clustering was skipped and why when there are too few customers', async () => {
    const lines = await summaryLines(FORMULA_IDS_CSV);
    expect(lines).toContain(
      'Clusters: skipped, too few customers to cluster (7); RFM segments and KPIs are still computed',
    );
    expect(lines.at(-1)).toBe(
      'Note: too few customers to cluster (7); RFM segments and KPIs are still computed',
    );
    expect(lines.some((line) => line.startsWith('Clusters: K ='))).toBe(false);
  });

  it('describes a customer table: no period, no RFM without a recency column, the response rate', async () => {
    const rows = ['ID,Income,Kids,Response'];
    for (let id = 1; id <= 12; id += 1)
      rows.push(`${id},${20_000 + id * 3_000},${id % 3},${id % 4 === 0 ? 1 : 0}`);
    const lines = await summaryLines(`${rows.join('\n')}\n`);
    expect(lines[0]).toBe('test.csv: customer table (ascii, delimiter ",", decimal ".")');
    expect(lines[1]).toBe('  rows read 12, used 12');
    expect(lines[2]).toBe('');
    expect(lines.some((line) => line.startsWith('RFM segments'))).toBe(false);
    // 3 of 12 answered (ids 4, 8, 12).
    expect(lines.find((line) => line.includes('response rate'))).toMatch(/, response rate 25\.0%$/);
  });

  it('never has two blank lines in a row, nor a blank first or last line', async () => {
    for (const content of [TEN_CUSTOMERS_CSV, FORMULA_IDS_CSV]) {
      const lines = await summaryLines(content);
      expect(lines[0]).not.toBe('');
      expect(lines.at(-1)).not.toBe('');
      expect(lines.some((line, index) => line === '' && lines[index + 1] === '')).toBe(false);
    }
  });
});

const money = (value: number | null): string =>
  (value ?? Number.NaN).toLocaleString('en-US', { maximumFractionDigits: 0 });

describe('formatSummary: customer value', () => {
  it('prints the backtest line and, when shown, the value at stake per segment (CDNOW master)', async () => {
    const { analysis } = await analyzeFile(CDNOW);
    const lines = formatSummary(analysis).split('\n');
    const start = lines.indexOf('Customer value, next 12 months (revenue, discount 1.0% a month):');
    expect(start).toBeGreaterThan(0);
    expect(lines[start + 1]).toMatch(
      /^ {2}backtest: model error \d\.\d\d vs naive baseline \d\.\d\d purchases per customer over \d+ days held out: shown$/,
    );
    expect(lines[start + 2]).toMatch(
      /^ {2}predicted value [\d,]+, [\d,]+ of 23,502 customers likely lost \(P\(alive\) < 0\.5\)$/,
    );
    const segments = analysis.value?.segments.filter((segment) => segment.customers > 0) ?? [];
    expect(segments.length).toBeGreaterThan(2);
    expect(lines[start + 3]).toMatch(/^ {2}Champions +predicted value +[\d,]+ {2}likely lost +[\d,]+$/);
    expect(
      lines.slice(start + 3, start + 3 + segments.length).every((line) => line.includes('likely lost')),
    ).toBe(true);
    expect(lines[start + 3 + segments.length]).toMatch(
      /^ {2}repeat purchases of the base to 1998-06-30: expected [\d,]+, seen 44,009; [\d,]+ more expected in the next 12 months$/,
    );
    const levels = analysis.value?.priority?.levels ?? [];
    expect(lines[start + 4 + segments.length]).toBe(
      '  priority (segment x predicted value, high value by P(high value) >= 0.5): ' +
        levels
          .map(
            (level) =>
              `${level.key} ${level.customers.toLocaleString('en-US')} (${money(level.predictedValue)})`,
          )
          .join(', '),
    );
    expect(levels.map((level) => level.key)).toEqual(['strategic', 'save', 'develop', 'maintain']);
  });

  it('says when the predictions are withheld and why, with no value figures', async () => {
    const lines = await summaryLines(TEN_CUSTOMERS_CSV);
    const start = lines.findIndex((line) => line.startsWith('Customer value, next 12 months'));
    expect(lines[start + 1]).toBe('  backtest: not compared, withheld (too-few-repeat-customers)');
    expect(lines[start + 2]).toMatch(/^ {2}Predictions withheld: only \d+ customers bought more than once/);
    expect(lines.some((line) => line.includes('predicted value'))).toBe(false);
  });

  it('names the margin basis and the settings given', async () => {
    const { analysis } = await analyzeText(TEN_CUSTOMERS_CSV, {
      value: { horizonMonths: 6, margin: 0.3, monthlyDiscountRate: 0.02 },
    });
    expect(formatSummary(analysis)).toContain(
      'Customer value, next 6 months (margin 30.0%, discount 2.0% a month):',
    );
  });

  it('prints no value section with the models turned off, and says so', async () => {
    const lines = await summaryLines(TEN_CUSTOMERS_CSV, { value: false });
    expect(lines.some((line) => line.startsWith('Customer value'))).toBe(false);
    expect(lines).toContain('Note: Customer value predictions were turned off for this analysis.');
  });
});

describe('formatSummary: the words and the formatting policy of the email', () => {
  it("names a customer table's clusters as the email does, never by raw column names", async () => {
    const { analysis } = await analyzeFile(CUSTOMER_PERSONALITY);
    // The engine's names keep the columns ("High MntMeatProducts, high MntWines").
    expect(analysis.clusters.clusters.map((cluster) => cluster.name.en).join()).toMatch(/Mnt/);
    const lines = formatSummary(analysis).split('\n');
    const start = lines.indexOf('Clusters: K = 2 (best silhouette)');
    expect(lines.slice(start + 1, start + 3)).toEqual([
      '  Meat and wine buyers               1,190  53.1%  revenue  91.7%',
      '  Low meat and wine spending         1,050  46.9%  revenue   8.3%',
    ]);
    expect(lines.some((line) => /Mnt|Num|Cmp/.test(line))).toBe(false);
    // The settings' labels, when given, as in the email.
    const columnLabels = { MntWines: { en: 'wine budget', fr: 'budget vin' } };
    expect(formatSummary(analysis, { columnLabels })).toContain('  Meat buyers, high wine budget ');
  });

  it('shows every percentage of a real file with its decimal, and totals in whole units (CDNOW master)', async () => {
    const { analysis } = await analyzeFile(CDNOW);
    // "top 20%" is a name, not a figure.
    const text = formatSummary(analysis).replaceAll('top 20% bring', 'top fifth bring');
    expect(text.match(/(?<![\d.,])\d+%/g)).toBeNull();
    expect(text).toMatch(/purchases by 0\.42 on average, \d+\.\d% less than/);
    expect(text).toContain('repeat rate 49.0%, retention 45.9%');
    expect(text).toContain('revenue 2,500,316\n');
    expect(text).toContain('average order value 37.04,');
    expect(text).toContain('historical CLV 106.39');
  });
});
