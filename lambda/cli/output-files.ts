// The files the command writes: checked before the analysis, then written whole or not at all.
import { messageOf } from '../errors/segment-report-error.ts';
import { randomBytes } from 'node:crypto';
import { realpathSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { InvalidOptionError } from '../errors/input-errors.ts';

/**
 * Writes an output file whole or not at all (temporary file, then rename), and never over the input file. The
 * content may come in pieces (the customers file of millions of customers), written as they come.
 */
export async function writeOutputFile(
  path: string,
  content: string | Uint8Array | Iterable<string>,
  inputPath: string,
  option: string,
): Promise<void> {
  refuseInputFile(path, inputPath, option);
  const temporary = join(dirname(resolve(path)), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const body =
      typeof content === 'string' || content instanceof Uint8Array ? content : Readable.from(content);
    await writeFile(temporary, body, typeof content === 'string' ? 'utf8' : undefined);
    await rename(temporary, path);
  } catch (error) {
    // A failed write or rename must not leave a partial file behind, under any name.
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new InvalidOptionError(`${option} ${path}: cannot write the file (${describe(error)})`);
  }
}

/**
 * Checks the outputs (each with its flag) before the analysis, so that a long run does not fail at its end: no
 * output over the input file, no two outputs to the same file, and the folder of each output exists.
 */
export function checkOutputPaths(
  outputs: readonly (readonly [option: string, path: string])[],
  inputPath: string,
): void {
  outputs.forEach(([option, path], index) => {
    refuseInputFile(path, inputPath, option);
    const earlier = outputs.slice(0, index).find(([, other]) => isSameFile(path, other));
    if (earlier) throw new InvalidOptionError(`${option} ${path}: the same file as ${earlier[0]}`);
    const folder = dirname(path);
    const kind = folderKind(folder);
    if (kind !== 'directory') {
      throw new InvalidOptionError(
        `${option} ${path}: cannot write the file (${kind === 'missing' ? 'no such directory' : 'not a directory'}: ${folder})`,
      );
    }
  });
}

/** The one check that an output is not the input file. */
function refuseInputFile(path: string, inputPath: string, option: string): void {
  if (isSameFile(path, inputPath)) {
    throw new InvalidOptionError(`${option} ${path}: refusing to overwrite the input file`);
  }
}

function folderKind(folder: string): 'directory' | 'missing' | 'other' {
  try {
    return statSync(resolve(folder)).isDirectory() ? 'directory' : 'other';
  } catch {
    return 'missing';
  }
}

/** True when both paths name the same file (symbolic links followed). */
export function isSameFile(left: string, right: string): boolean {
  return canonical(left) === canonical(right);
}

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  return code ?? messageOf(error);
}
