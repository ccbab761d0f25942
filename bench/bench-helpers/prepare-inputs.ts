// The benchmark's inputs made from the vendored Online Retail export: an intact decompressed copy, and the
// copy with its data lines written several times over.
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { onlineRetailGzip } from './paths.ts';

// From test/data/SOURCES.md: the uncompressed export, byte for byte.
const ONLINE_RETAIL_BYTES = 47_100_511;
const ONLINE_RETAIL_SHA256 = 'cf37fa7ebdd17a1cd5d3332c092c026de793411ccb94beb0f2fb6fc45e2e6e94';

/** Decompresses the vendored Online Retail export to `target` unless an intact copy is already there. */
export async function ensureOnlineRetailCopy(target: string): Promise<void> {
  if ((await sizeOf(target)) === ONLINE_RETAIL_BYTES) return;
  await mkdir(dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  await pipeline(createReadStream(onlineRetailGzip), createGunzip(), createWriteStream(partial));
  const digest = createHash('sha256')
    .update(await readFile(partial))
    .digest('hex');
  if (digest !== ONLINE_RETAIL_SHA256) {
    throw new Error(
      `${onlineRetailGzip} decompresses to sha256 ${digest}, SOURCES.md says ${ONLINE_RETAIL_SHA256}`,
    );
  }
  await rename(partial, target);
}

/**
 * Writes `target` = the header of `source`, then its data lines `copies` times. Copy i prefixes every
 * InvoiceNo with i (after a leading cancellation `C`: `C536379` -> `C2536379`) so each copy's orders stay
 * distinct while customers, dates and amounts repeat. Skipped when `target` is newer than `source`.
 */
export async function ensureReplicatedCsv(source: string, target: string, copies: number): Promise<void> {
  const [sourceStat, targetStat] = await Promise.all([stat(source), stat(target).catch(() => undefined)]);
  if (targetStat !== undefined && targetStat.mtimeMs >= sourceStat.mtimeMs) return;

  const text = await readFile(source, 'utf8');
  const headerEnd = text.indexOf('\n') + 1;
  const dataLines = text.slice(headerEnd).split('\n');
  if (dataLines.at(-1) === '') dataLines.pop();

  const partial = `${target}.partial`;
  const output = createWriteStream(partial);
  // One copy (~47 MB) in memory at a time: wait for the stream to drain before building the next one.
  const write = async (chunk: string): Promise<void> => {
    if (!output.write(chunk)) await once(output, 'drain');
  };
  await write(text.slice(0, headerEnd));
  for (let copy = 1; copy <= copies; copy++) {
    const copyLines = dataLines.map((line) => prefixInvoiceNumber(line, String(copy)));
    await write(`${copyLines.join('\n')}\n`);
  }
  output.end();
  await finished(output);
  await rename(partial, target);
}

/** Inserts `prefix` into the first field (InvoiceNo), after an opening quote and a cancellation `C`. */
export function prefixInvoiceNumber(line: string, prefix: string): string {
  let at = 0;
  if (line[at] === '"') at++;
  if (line[at] === 'C') at++;
  return line.slice(0, at) + prefix + line.slice(at);
}

async function sizeOf(path: string): Promise<number | undefined> {
  return stat(path).then(
    (found) => found.size,
    () => undefined,
  );
}
