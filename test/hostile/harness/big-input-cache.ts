// The big hostile inputs (millions of lines, gzip bombs) cached once per machine: generating them takes about a
// minute, so they are kept in a git-ignored folder keyed by the generators' version.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WrittenFile } from '../../../tools/chunked-file.ts';
import { REPO_ROOT } from '../../../tools/repo-root.ts';
import { type BigInputName, BIG_INPUTS, GENERATOR_VERSION } from '../inputs/catalogue.ts';

/**
 * The git-ignored cache of the big inputs: node_modules/.cache/segment-report-hostile/v<generator version>
 * (HOSTILE_INPUTS_CACHE overrides). A folder per generator version (and zlib version, which the bombs' bytes
 * depend on), so a changed generator never reuses a stale file; older versions' folders are removed.
 */
export function hostileCacheDir(): string {
  const root =
    process.env.HOSTILE_INPUTS_CACHE ?? join(REPO_ROOT, 'node_modules', '.cache', 'segment-report-hostile');
  return join(root, `v${GENERATOR_VERSION}-zlib-${process.versions.zlib}`);
}

/**
 * A big input in the cache and what its generator wrote (its lines, its bytes), generating it first when it is not
 * there: the file is written whole then renamed, and its description (`NAME.written.json`) only after it.
 */
export async function cachedBigInput(name: BigInputName): Promise<WrittenFile> {
  const dir = hostileCacheDir();
  const path = join(dir, name);
  const description = `${path}.written.json`;
  const cached = await readFile(description, 'utf8').then(
    (text) => JSON.parse(text) as WrittenFile,
    () => undefined,
  );
  if (cached !== undefined) return { ...cached, path };
  await mkdir(dir, { recursive: true });
  await removeOtherVersions(dir);
  const written = await BIG_INPUTS[name](path);
  await writeFile(description, `${JSON.stringify(written)}\n`);
  return written;
}

async function removeOtherVersions(current: string): Promise<void> {
  const root = join(current, '..');
  const versions = await readdir(root).catch(() => [] as string[]);
  await Promise.all(
    versions
      .filter((name) => /^v\d+-zlib-/.test(name) && join(root, name) !== current)
      .map((name) => rm(join(root, name), { recursive: true, force: true })),
  );
}
