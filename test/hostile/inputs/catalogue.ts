// The catalogue of hostile inputs for `analyze` (issue 10's acceptance test, test/hostile/): every input by file
// name, as a table of name -> generator. The big ones are streamed to disk (the gzip bombs expand to gigabytes
// and are never held in memory); the small ones are returned as bytes or text. scripts/generate-hostile-inputs.ts
// writes them all into a folder.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WrittenFile } from '../../../tools/chunked-file.ts';
import { writeOnlineRetailLog } from '../../../tools/online-retail-log.ts';
import {
  encodingMixedLineEndsBytes,
  encodingPlainUtf8Bytes,
  encodingSepLineBytes,
  encodingUtf16BeBytes,
  encodingUtf16LeTabBytes,
} from './encodings.ts';
import { GZIP_BOMBS, writeGzipBomb } from './gzip-bombs.ts';
import { ancientDatesCsv, hugeAmountsCsv } from './impossible-values.ts';
import { binaryBytes, hugeFieldCsv, longLineBytes, unterminatedQuoteCsv } from './malformed-files.ts';
import { shuffledMixedIdsCsv } from './mixed-ids.ts';
import { investmentSettingsJson } from './report-options.ts';
import { smallLogCsv } from './small-logs.ts';
import { constantCustomerTableCsv, emptyCustomerTableCsv } from './unclusterable-tables.ts';
import { writeDuplicateHeader, writeWideCustomerTable } from './wide-headers.ts';

/**
 * Bumped whenever any generator's output changes (the Online Retail one in tools/ included), so that cached
 * copies (keyed by it) are made again. Every big file is fully determined by its name and this version.
 */
export const GENERATOR_VERSION = 2;

/** Big inputs, written by streaming (cache them: they take seconds to a minute each). */
export const BIG_INPUTS = {
  'online-retail-2m-customers.csv.gz': (path: string) => writeOnlineRetailLog(path, 2_000_000),
  'wide-10000-columns.csv': (path: string) => writeWideCustomerTable(path, 10_000, 2_000),
  'duplicate-header-1m.csv': (path: string) => writeDuplicateHeader(path, 1_000_000, 3),
  'gzip-bomb-13mb-to-5.5gb.csv.gz': (path: string) => writeGzipBomb(path, GZIP_BOMBS.small.expandedBytes),
  'gzip-bomb-30mb-to-12.4gb.csv.gz': (path: string) => writeGzipBomb(path, GZIP_BOMBS.large.expandedBytes),
} as const satisfies Record<string, (path: string) => Promise<WrittenFile>>;

export type BigInputName = keyof typeof BIG_INPUTS;

/** Small inputs, as bytes or text (milliseconds each). */
export const SMALL_INPUTS = {
  'small-log.csv': () => smallLogCsv(),
  'twenty-customers.csv': () => smallLogCsv(20),
  'huge-amounts.csv': hugeAmountsCsv,
  'ancient-dates.csv': ancientDatesCsv,
  'mixed-ids-shuffle-1.csv': () => shuffledMixedIdsCsv(1),
  'mixed-ids-shuffle-2.csv': () => shuffledMixedIdsCsv(2),
  'constant-customer-table.csv': constantCustomerTableCsv,
  'empty-columns-customer-table.csv': emptyCustomerTableCsv,
  'encoding-plain-utf8.csv': encodingPlainUtf8Bytes,
  'encoding-utf16le-tab.txt': encodingUtf16LeTabBytes,
  'encoding-utf16be.csv': encodingUtf16BeBytes,
  'encoding-excel-sep-line.csv': encodingSepLineBytes,
  'encoding-mixed-line-ends.csv': encodingMixedLineEndsBytes,
  'settings-investment-1e308.json': () => investmentSettingsJson('1e308'),
  'settings-investment-negative.json': () => investmentSettingsJson('-5'),
  'settings-investment-string.json': () => investmentSettingsJson('"10"'),
  'previous-null.json': () => 'null\n',
  'previous-empty-kpis.json': () => '{"kpis":{}}\n',
  'empty.csv': () => '',
  'binary.csv': binaryBytes,
  'huge-field.csv': hugeFieldCsv,
  'unterminated-quote.csv': unterminatedQuoteCsv,
  'long-line-no-newline.csv': longLineBytes,
} as const satisfies Record<string, () => string | Uint8Array>;

export type SmallInputName = keyof typeof SMALL_INPUTS;

/** Writes one small input into `dir` and returns its path. */
export async function writeSmallInput(dir: string, name: SmallInputName): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, SMALL_INPUTS[name]());
  return path;
}

/** Writes every input (small and big) into `dir`; reports each as it goes. */
export async function writeAllHostileInputs(
  dir: string,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of Object.keys(SMALL_INPUTS) as SmallInputName[]) {
    await writeSmallInput(dir, name);
    log(`${name}`);
  }
  for (const [name, write] of Object.entries(BIG_INPUTS)) {
    const started = Date.now();
    const written = await write(join(dir, name));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(
      `${name}: ${written.lines} lines, ${written.textBytes} bytes of text, ${written.fileBytes} on disk (${seconds} s)`,
    );
  }
}
