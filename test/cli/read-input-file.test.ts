// The local input file: streamed as bytes, with one clear line when it is missing or not a file.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInputFile } from '../../lambda/cli/read-input-file.ts';
import { collectBytes } from '../support/byte-streams.ts';
import { makeTempDir } from '../support/run-cli.ts';
import { InputError } from '../../lambda/errors/input-errors.ts';

let dir = '';

beforeAll(async () => {
  dir = await makeTempDir();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('openInputFile', () => {
  it('streams the bytes of a file and gives its size', async () => {
    const path = join(dir, 'data.csv');
    const content = Buffer.from('Client;Montant\r\nSociété;12,5\r\n', 'latin1');
    await writeFile(path, content);
    const { bytes, size } = await openInputFile(path);
    expect(size).toBe(content.length);
    expect(Buffer.compare(await collectBytes(bytes), content)).toBe(0);
  });

  it('names a missing file, with the usage (a mistyped name or a flag taken for the FILE)', async () => {
    const path = join(dir, 'missing.csv');
    await expect(openInputFile(path)).rejects.toThrow(
      new InputError(`${path}: no such file; usage: segment-report analyze FILE [options] (see --help)`),
    );
  });

  it('names a directory', async () => {
    const path = join(dir, 'folder');
    await mkdir(path);
    await expect(openInputFile(path)).rejects.toThrow(new InputError(`${path}: not a file`));
  });
});
