// The input file, opened as a byte stream with a clear error when it cannot be read.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { USAGE_HINT } from './analyze-usage.ts';
import { InputError } from '../errors/input-errors.ts';

/**
 * Opens a local file as a byte stream, with a clear error when it is missing (and the usage, as a mistyped name
 * or a flag taken for the FILE is the likely cause) or not a file.
 */
export async function openInputFile(
  path: string,
): Promise<{ bytes: AsyncIterable<Uint8Array>; size: number }> {
  const info = await stat(path).catch((error: { code?: string }) => {
    throw new InputError(
      `${path}: ${error.code === 'ENOENT' ? `no such file; ${USAGE_HINT}` : `cannot open (${error.code})`}`,
    );
  });
  if (!info.isFile()) throw new InputError(`${path}: not a file`);
  return { bytes: readWithClearErrors(path), size: info.size };
}

async function* readWithClearErrors(path: string): AsyncGenerator<Uint8Array> {
  try {
    yield* createReadStream(path, { highWaterMark: 1 << 20 });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError(`${path}: cannot read (${code ?? String(error)})`);
  }
}
