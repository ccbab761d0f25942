// The order of the lines never changes an analysis, byte for byte, even when customer ids mix numbers and text:
// customers are sorted by one total order (transactions/customer-id-order.ts), so the customers file, the
// K-means rows (its samples and seeds follow row order) and every figure come out the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../../lambda/engine/analysis/analysis-types.ts';
import { formatCustomersCsv } from '../../../lambda/engine/export/customers-csv.ts';
import { analyzeText } from '../../support/analyze-text.ts';
import { shuffle } from '../../support/shuffle.ts';

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2023, 0, 1);

/** Ids mixing pure numbers (leading zeros, fractions) and text that starts or ends like a number. */
const customerId = fc.oneof(
  fc.nat({ max: 300 }).map(String),
  fc.stringMatching(/^0{0,2}[0-9]{1,3}(\.[0-9]{1,2})?$/),
  fc.stringMatching(/^[0-9]{0,2}[a-zA-Z.\-éĀ]{1,2}[0-9]{0,2}$/),
  fc.constantFrom('1e2', '0x10', '-3', 'Infinity', '😀1', 'Ā'),
);

/** One order: a day, a minute, one or two lines, every line usable (so no line number shows in the result). */
const order = fc.record({
  day: fc.integer({ min: 0, max: 400 }),
  minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  lines: fc.array(
    fc.record({
      quantity: fc.integer({ min: 1, max: 12 }),
      priceInCents: fc.integer({ min: 1, max: 50_000 }),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});

/** A log of 10 to 30 customers (enough to cluster), each with one to three orders. */
const transactionLog = fc
  .uniqueArray(fc.tuple(customerId, fc.array(order, { minLength: 1, maxLength: 3 })), {
    minLength: 10,
    maxLength: 30,
    selector: ([id]) => id,
  })
  .map((customers) => {
    let invoice = 100_000;
    return customers.flatMap(([id, orders]) =>
      orders.flatMap((entry) => {
        invoice++;
        const date = new Date(FIRST_DAY + entry.day * DAY_MS + entry.minute * 60_000)
          .toISOString()
          .slice(0, 16)
          .replace('T', ' ');
        return entry.lines.map(
          (line) => `${invoice},${id},${date},${line.quantity},${(line.priceInCents / 100).toFixed(2)}`,
        );
      }),
    );
  });

/** What the command line writes: the --json analysis (without its moment) and the --customers file. */
function outputs(result: AnalysisResult): { json: string; customersCsv: string } {
  const { generatedAt: _moment, ...analysis } = result.analysis;
  return {
    json: JSON.stringify(analysis, null, 2),
    customersCsv: formatCustomersCsv(result.customers, result.analysis.input.shape),
  };
}

async function analyse(lines: readonly string[]): Promise<AnalysisResult> {
  return analyzeText(['InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice', ...lines, ''].join('\n'));
}

describe('analyzeCsv, transaction logs in any line order', () => {
  it('writes the same --json analysis and customers file, byte for byte, for ids mixing numbers and text', async () => {
    await fc.assert(
      fc.asyncProperty(transactionLog, fc.integer(), async (lines, seed) => {
        const original = outputs(await analyse(lines));
        const shuffled = outputs(await analyse(shuffle(lines, seed)));
        expect(shuffled.customersCsv).toBe(original.customersCsv);
        expect(shuffled.json).toBe(original.json);
      }),
      { numRuns: 40 },
    );
  });
});
