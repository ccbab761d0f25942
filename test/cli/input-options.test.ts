// End to end, one real process per run: the input options on the command line read what inference cannot, a
// `12.5` in a `;` file with --decimal-mark, and an ambiguous day-first week with --date-format.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import { writeFixture } from '../support/cli-fixtures.ts';
import { type CliRun, makeTempDir, runCli } from '../support/run-cli.ts';

/**
 * A `;` export whose first 6,000 amounts are whole numbers, then `12.5`: the mark is inferred from the first
 * lines, which say nothing, so the `;` decides (decimal comma) and `12.5` is rejected unless the mark is given.
 */
const POINT_DECIMALS_CSV = [
  'Client;Facture;Date;Montant',
  ...Array.from({ length: 6_000 }, (_, index) => `C${index};F${index};2024-01-02;10`),
  'LAST;F6000;2024-01-03;12.5',
  '',
].join('\n');
/** Day-first dates of 3 to 7 March 2026: no first number above 12, so the order is the option's to tell. */
const FIRST_WEEK_OF_MARCH_CSV = [
  'Client;Facture;Date;Montant',
  ...[3, 4, 5, 6, 7].map((day) => `C${day};F${day};0${day}/03/2026;${day}0,00`),
  '',
].join('\n');

let dir = '';
let inferred: CliRun;
let pointGiven: CliRun;
let march: CliRun;

async function readJson(name: string): Promise<Analysis> {
  return JSON.parse(await readFile(join(dir, name), 'utf8')) as Analysis;
}

beforeAll(async () => {
  dir = await makeTempDir();
  const points = await writeFixture(dir, 'points.csv', POINT_DECIMALS_CSV);
  const week = await writeFixture(dir, 'march.csv', FIRST_WEEK_OF_MARCH_CSV);
  [inferred, pointGiven, march] = await Promise.all([
    runCli(['analyze', points, '--quiet', '--json', join(dir, 'inferred.json')]),
    runCli(['analyze', points, '--quiet', '--decimal-mark', '.', '--json', join(dir, 'point.json')]),
    runCli(['analyze', week, '--quiet', '--date-format', 'DD/MM/YYYY', '--json', join(dir, 'march.json')]),
  ]);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--decimal-mark', () => {
  it('left out, the `;` says decimal comma and 12.5 is rejected as no number', async () => {
    expect(inferred.code, inferred.stderr).toBe(0);
    const analysis = await readJson('inferred.json');
    expect(analysis.input).toMatchObject({ delimiter: ';', decimalMark: ',', rowsUsed: 6_000 });
    expect(analysis.input.rowsRejected).toMatchObject({ unreadableNumber: 1 });
  });

  it('. reads 12.5 in a `;` file as 12.5', async () => {
    expect(pointGiven.code, pointGiven.stderr).toBe(0);
    const analysis = await readJson('point.json');
    expect(analysis.input).toMatchObject({ delimiter: ';', decimalMark: '.', rowsUsed: 6_001 });
    expect(analysis.input.rowsRejected).toMatchObject({ unreadableNumber: 0 });
    expect(analysis.kpis.revenue).toBe(60_012.5);
  });
});

describe('--date-format', () => {
  it('reads a day-first week of March the dates alone cannot tell', async () => {
    expect(march.code, march.stderr).toBe(0);
    const analysis = await readJson('march.json');
    expect(analysis.input.dateOrder).toBe('dmy');
    expect(analysis.period).toEqual({ firstPurchase: '2026-03-03', lastPurchase: '2026-03-07' });
  });
});
