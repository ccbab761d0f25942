/**
 * The executive email of the three real data sets, byte for byte: a refactoring must leave every byte of the HTML
 * and of the plain text as it was. The expected files sit in test/report/golden/; after an intended change to the
 * report, `UPDATE_GOLDEN=1 npx vitest run test/report/golden-emails.test.ts` writes them anew, and the diff of
 * the commit shows what changed for a reader.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import { renderReport } from '../../lambda/report/render/render-report.ts';
import { parseReportSettings } from '../../lambda/report/report-settings.ts';
import { analyzeFile } from '../support/analyze-file.ts';
import { CDNOW, CUSTOMER_PERSONALITY, ONLINE_RETAIL } from '../../tools/real-data.ts';

const GOLDEN = new URL('./golden/', import.meta.url);
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const NOW = new Date('2025-01-06T08:00:00Z');

const DATA_SETS = [
  { name: 'online-retail', path: ONLINE_RETAIL, previousAsOf: '2011-09-01' },
  { name: 'cdnow', path: CDNOW, previousAsOf: '1998-01-01' },
  { name: 'customer-personality', path: CUSTOMER_PERSONALITY, previousAsOf: undefined },
] as const;

async function analysisOf(path: string, asOf?: string): Promise<Analysis> {
  const options = asOf === undefined ? {} : { asOf };
  return (await analyzeFile(path, { sourceName: basename(path), ...options })).analysis;
}

function expectGolden(fileName: string, actual: string): void {
  const url = new URL(fileName, GOLDEN);
  if (UPDATE || !existsSync(url)) {
    expect(UPDATE, `${fileName} is missing: run with UPDATE_GOLDEN=1 to write it`).toBe(true);
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(url, actual);
  }
  expect(actual === readFileSync(url, 'utf8'), `${fileName} differs from the golden file`).toBe(true);
}

describe.each(DATA_SETS)('the $name email', ({ name, path, previousAsOf }) => {
  it('renders the same bytes in English (upload) and in French (quarterly, with the previous period)', async () => {
    const analysis = await analysisOf(path);
    const previous = previousAsOf === undefined ? undefined : await analysisOf(path, previousAsOf);
    const english = await renderReport({
      analysis,
      settings: parseReportSettings({}),
      kind: 'upload',
      now: NOW,
    });
    const french = await renderReport({
      analysis,
      previous,
      settings: parseReportSettings({ locale: 'fr' }),
      kind: 'quarterly',
      now: NOW,
      reportPeriod: { first: '2024-10-01', last: '2024-12-31' },
    });
    expectGolden(`${name}.en.html`, english.html);
    expectGolden(`${name}.en.txt`, english.text);
    expectGolden(`${name}.fr.html`, french.html);
    expectGolden(`${name}.fr.txt`, french.text);
  }, 60_000);
});
