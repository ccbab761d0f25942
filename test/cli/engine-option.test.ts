/**
 * `analyze FILE --engine duckdb`, the real command line: Online Retail aggregated by embedded DuckDB gives the same
 * `--json` analysis as the engine's own reading with `--no-diversity` (the SQL path reads no products) but for the path's fields (which engine aggregated, the encoding
 * read, the first line of each rejection) and the moment it was made; a customer table or an unknown engine are
 * refused with exit 2 and one line naming the file or the option.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CUSTOMER_PERSONALITY, ONLINE_RETAIL } from '../../tools/real-data.ts';
import { makeTempDir, runCli, stderrLines } from '../support/run-cli.ts';

let dir: string;

beforeAll(async () => {
  dir = await makeTempDir();
});

/** The analysis without what depends on the path or the moment. */
async function comparable(path: string): Promise<unknown> {
  const analysis = JSON.parse(await readFile(path, 'utf8')) as {
    generatedAt: string;
    input: Record<string, unknown>;
  };
  const { firstRejectedLine: _lines, encoding: _encoding, aggregatedBy: _by, ...input } = analysis.input;
  return { ...analysis, generatedAt: null, input };
}

describe('analyze --engine duckdb', () => {
  it('gives the engine’s analysis of Online Retail, and says DuckDB aggregated it', async () => {
    const [engine, duck] = await Promise.all([
      // The SQL path aggregates orders, not the products bought: the engine's clusters on R, F and M to compare.
      runCli([
        'analyze',
        ONLINE_RETAIL,
        '--no-diversity',
        '--as-of',
        '2011-12-10',
        '--json',
        join(dir, 'engine.json'),
        '--quiet',
      ]),
      runCli([
        'analyze',
        ONLINE_RETAIL,
        '--engine',
        'duckdb',
        '--as-of',
        '2011-12-10',
        '--json',
        join(dir, 'duckdb.json'),
        '--quiet',
      ]),
    ]);
    expect([engine.code, engine.stderr]).toEqual([0, '']);
    expect([duck.code, duck.stderr]).toEqual([0, '']);
    const aggregated = JSON.parse(await readFile(join(dir, 'duckdb.json'), 'utf8')) as {
      input: { aggregatedBy?: string };
    };
    expect(aggregated.input.aggregatedBy).toBe('duckdb');
    expect(await comparable(join(dir, 'duckdb.json'))).toEqual(await comparable(join(dir, 'engine.json')));
  });

  it.each([
    ['a customer table', [CUSTOMER_PERSONALITY, '--engine', 'duckdb'], /customer table/],
    [
      'an unknown engine',
      [ONLINE_RETAIL, '--engine', 'spark'],
      /^segment-report: analyze: --engine: must be engine or duckdb/,
    ],
  ])('refuses %s with exit 2 and one line', async (_what, args, message) => {
    const run = await runCli(['analyze', ...args, '--quiet']);
    expect(run.code).toBe(2);
    expect(stderrLines(run)).toHaveLength(1);
    expect(stderrLines(run)[0]).toMatch(message);
  });
});
