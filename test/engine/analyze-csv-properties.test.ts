// Invariants of whole analyses of generated transaction logs (fast-check): scores in 1..5, every customer in
// exactly one segment, the order of the lines changes nothing, the same seed gives the same result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../../lambda/engine/analysis/analysis-types.ts';
import { RFM_SEGMENT_KEYS } from '../../lambda/engine/rfm/rfm-segments.ts';
import { analyzeText } from '../support/analyze-text.ts';
import { shuffle } from '../support/shuffle.ts';

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2023, 0, 1);

/** An order of one customer on one day, with one to three lines. */
const order = fc.record({
  customer: fc.integer({ min: 1, max: 30 }),
  day: fc.integer({ min: 0, max: 500 }),
  minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  lines: fc.array(
    fc.record({
      quantity: fc.integer({ min: -2, max: 12 }),
      priceInCents: fc.integer({ min: 0, max: 50_000 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

/** A transaction log (header, then lines in generation order) with a few lines the cleaning rejects. */
const transactionLog = fc.array(order, { minLength: 15, maxLength: 80 }).map((orders) =>
  orders.flatMap((entry, index) => {
    const date = new Date(FIRST_DAY + entry.day * DAY_MS + entry.minute * 60_000)
      .toISOString()
      .slice(0, 16)
      .replace('T', ' ');
    return entry.lines.map(
      (line) =>
        `${100_000 + index},${entry.customer},${date},${line.quantity},${(line.priceInCents / 100).toFixed(2)}`,
    );
  }),
);

const HEADER = 'InvoiceNo,CustomerID,InvoiceDate,Quantity,UnitPrice';

async function analyseLines(lines: readonly string[], seed = 42): Promise<AnalysisResult | undefined> {
  const csv = [HEADER, ...lines, ''].join('\n');
  try {
    return await analyzeText(csv, { seed });
  } catch (error) {
    // A log whose every line is rejected is an input error; nothing to compare then.
    if (error instanceof Error && error.message.includes('no usable transaction line')) return undefined;
    throw error;
  }
}

/** The result without what depends on where lines are in the file (the first line of each rejection). */
function orderFree(result: AnalysisResult) {
  const { firstRejectedLine, ...input } = result.analysis.input;
  expect(Object.keys(firstRejectedLine).sort()).toEqual(
    Object.entries(input.rowsRejected)
      .filter(([, count]) => (count ?? 0) > 0)
      .map(([reason]) => reason)
      .sort(),
  );
  return { ...result.analysis, input, customers: result.customers };
}

describe('analyzeCsv, properties of generated transaction logs', () => {
  it('scores every customer 1..5 and puts each in exactly one segment', async () => {
    await fc.assert(
      fc.asyncProperty(transactionLog, async (lines) => {
        const result = await analyseLines(lines);
        if (result === undefined) return;
        const { kpis, rfm, input } = result.analysis;
        for (const customer of result.customers) {
          for (const score of [customer.recencyScore, customer.frequencyScore, customer.monetaryScore]) {
            expect(score !== null && score >= 1 && score <= 5).toBe(true);
          }
          expect(RFM_SEGMENT_KEYS).toContain(customer.segment);
        }
        const segments = rfm?.segments ?? [];
        expect(segments.map((segment) => segment.key)).toEqual([...RFM_SEGMENT_KEYS]);
        expect(segments.reduce((sum, segment) => sum + segment.customers, 0)).toBe(kpis.customers);
        for (const segment of segments) {
          expect(segment.customers).toBe(result.customers.filter((c) => c.segment === segment.key).length);
        }
        const rejected = Object.values(input.rowsRejected).reduce((sum, count) => sum + (count ?? 0), 0);
        expect(input.rowsUsed + rejected).toBe(input.rowsRead);
        expect(input.rowsRead).toBe(lines.length);
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same customers, KPIs, segments and clusters whatever the order of the lines', async () => {
    await fc.assert(
      fc.asyncProperty(transactionLog, fc.integer(), async (lines, shuffleSeed) => {
        const original = await analyseLines(lines);
        const shuffled = await analyseLines(shuffle(lines, shuffleSeed));
        if (original === undefined || shuffled === undefined) {
          expect(shuffled).toBe(original);
          return;
        }
        expect(orderFree(shuffled)).toEqual(orderFree(original));
      }),
      { numRuns: 25 },
    );
  });

  it('gives the identical result, byte for byte, for the same seed', async () => {
    await fc.assert(
      fc.asyncProperty(transactionLog, fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (lines, seed) => {
        const first = await analyseLines(lines, seed);
        const second = await analyseLines(lines, seed);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      }),
      { numRuns: 15 },
    );
  });
});
