// The ingest of a file held in memory, in process on one core, cut at the engine's own seams: decoding alone
// (bytes to text, line breaks normalised), decoding and splitting into records, and the whole read into the
// customer ledger (the cleaning rules, dates, amounts, interning). Each as the engine runs it: a piece of 64 KiB at a time, as a file stream delivers them.
import type { ResolvedAnalyzeOptions } from '../../lambda/engine/analysis/analyze-options.ts';
import { resolveAnalyzeOptions } from '../../lambda/engine/analysis/analyze-options.ts';
import { openTextSource } from '../../lambda/engine/input/text-source.ts';
import { openTable, transactionColumnsOf } from '../../lambda/engine/open-table.ts';
import { readLedger } from '../../lambda/engine/transactions/read-ledger.ts';
import { recordCountOf } from '../../lambda/engine/input/record-reader.ts';
import type { RecordSplitting } from '../../lambda/engine/input/record-splitters.ts';

const STREAM_PIECE_BYTES = 64 * 1024;

/** What each ingest cut measures. */
export const INGEST_CUTS = ['decode', 'split', 'read'] as const;
export type IngestCut = (typeof INGEST_CUTS)[number];

async function* pieces(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.length; offset += STREAM_PIECE_BYTES) {
    yield bytes.subarray(offset, offset + STREAM_PIECE_BYTES);
  }
}

function optionsFor(sourceName: string, recordSplitting: RecordSplitting): ResolvedAnalyzeOptions {
  return resolveAnalyzeOptions({ sourceName, now: new Date('2030-01-01T00:00:00Z'), recordSplitting });
}

/** Runs one cut over `bytes` and returns its seconds (what it produced is counted, so nothing is skipped). */
export async function timeIngestCut(
  bytes: Uint8Array,
  cut: IngestCut,
  sourceName: string,
  splitting: RecordSplitting = 'fast',
): Promise<number> {
  const started = performance.now();
  let count = 0;
  if (cut === 'decode') {
    const source = await openTextSource(pieces(bytes), sourceName);
    for await (const text of source.text) count += text.length;
  } else {
    const options = optionsFor(sourceName, splitting);
    const table = await openTable(pieces(bytes), options);
    if (cut === 'read') {
      const input = { ...table, columns: transactionColumnsOf(table), batches: table.rest };
      count = (await readLedger(input, options)).read.rowsUsed;
    } else {
      for await (const batch of table.rest) count += recordCountOf(batch);
    }
  }
  if (count === 0) throw new Error(`${sourceName}: the ${cut} cut produced nothing`);
  return (performance.now() - started) / 1000;
}
