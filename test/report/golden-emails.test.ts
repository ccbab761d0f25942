/**
 * The executive email of the three real data sets, byte for byte: a refactoring must leave every byte of the HTML
 * and of the plain text as it was. The expected files sit in test/report/golden/; after an intended change to the
 * report, `UPDATE_GOLDEN=1 npx vitest run test/report/golden-emails.test.ts` writes them anew, and the diff of
 * the commit shows what changed for a reader.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_DATA_SETS, renderGoldenReports } from './fixtures/golden-reports.ts';

const GOLDEN = new URL('./golden/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function expectGolden(fileName: string, actual: string): void {
  const url = new URL(fileName, GOLDEN);
  if (UPDATE || !existsSync(url)) {
    expect(UPDATE, `${fileName} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(url, actual);
  }
  expect(actual === readFileSync(url, 'utf8'), `${fileName} differs from the golden file`).toBe(true);
}

describe.each(GOLDEN_DATA_SETS)('the $name email', (dataSet) => {
  const { name } = dataSet;
  it('renders the same bytes in English (upload) and in French (quarterly, with the previous period)', async () => {
    const { en: english, fr: french } = await renderGoldenReports(dataSet);
    expectGolden(`${name}.en.html`, english.html);
    expectGolden(`${name}.en.txt`, english.text);
    expectGolden(`${name}.fr.html`, french.html);
    expectGolden(`${name}.fr.txt`, french.text);
  }, 60_000);
});
