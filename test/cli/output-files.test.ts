// Outputs are written whole or not at all (temporary file, then rename) and never over the input file.
import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSameFile, writeOutputFile } from '../../lambda/cli/output-files.ts';
import { namesIn } from '../support/cli-fixtures.ts';
import { makeTempDir } from '../support/run-cli.ts';
import { InvalidOptionError } from '../../lambda/errors/input-errors.ts';

const INPUT_TEXT = 'Invoice,Customer,Date,Amount\n1,A,2024-01-01,10\n';

let dir = '';
let input = '';

beforeAll(async () => {
  dir = await makeTempDir();
  input = join(dir, 'input.csv');
  await writeFile(input, INPUT_TEXT);
  await symlink(input, join(dir, 'link-to-input.csv'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeOutputFile', () => {
  it('writes the content, replacing an earlier file, and leaves no temporary file', async () => {
    const target = join(dir, 'write', 'analysis.json');
    await mkdir(join(dir, 'write'));
    await writeFile(target, 'old');
    await writeOutputFile(target, '{"new": true}\n', input, '--json');
    expect(await readFile(target, 'utf8')).toBe('{"new": true}\n');
    expect(await namesIn(join(dir, 'write'))).toEqual(['analysis.json']);
  });

  it.each([
    ['the same path', () => input],
    ['a symbolic link to it', () => join(dir, 'link-to-input.csv')],
    ['a relative spelling of it', () => relative(process.cwd(), input)],
  ])('refuses to write over the input file given as %s, which stays as it was', async (_how, target) => {
    await expect(writeOutputFile(target(), 'x', input, '--customers')).rejects.toThrow(
      new InvalidOptionError(`--customers ${target()}: refusing to overwrite the input file`),
    );
    expect(await readFile(input, 'utf8')).toBe(INPUT_TEXT);
  });

  it('fails with the option and the reason when the folder does not exist, creating nothing', async () => {
    const target = join(dir, 'no-such-folder', 'out.json');
    await expect(writeOutputFile(target, 'x', input, '--json')).rejects.toThrow(
      new InvalidOptionError(`--json ${target}: cannot write the file (ENOENT)`),
    );
    expect(await namesIn(dir)).toEqual(['input.csv', 'link-to-input.csv', 'write']);
  });

  it('removes its temporary file when the rename fails (the target is a folder)', async () => {
    const parent = join(dir, 'rename-fails');
    await mkdir(join(parent, 'report.html'), { recursive: true });
    await writeFile(join(parent, 'report.html', 'keep.txt'), 'kept');
    await expect(
      writeOutputFile(join(parent, 'report.html'), '<html>', input, '--html'),
    ).rejects.toBeInstanceOf(InvalidOptionError);
    expect(await namesIn(parent)).toEqual(['report.html']);
    expect(await readFile(join(parent, 'report.html', 'keep.txt'), 'utf8')).toBe('kept');
  });
});

describe('isSameFile', () => {
  it('follows symbolic links and resolves relative paths', () => {
    expect(isSameFile(input, input)).toBe(true);
    expect(isSameFile(join(dir, 'link-to-input.csv'), input)).toBe(true);
    expect(isSameFile(join(dir, 'write', '..', 'input.csv'), input)).toBe(true);
    expect(isSameFile(relative(process.cwd(), input), input)).toBe(true);
  });

  it('tells different files apart, existing or not', () => {
    expect(isSameFile(join(dir, 'other.csv'), input)).toBe(false);
    expect(isSameFile(join(dir, 'missing-a.csv'), join(dir, 'missing-b.csv'))).toBe(false);
    expect(isSameFile(join(dir, 'missing.csv'), join(dir, 'missing.csv'))).toBe(true);
  });
});
