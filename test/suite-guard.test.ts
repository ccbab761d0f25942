// The suite itself: every test runs on a fresh clone. No test is skipped, focused or left to do (a skipped test
// hides a defect, a focused one hides all the others), nothing reads the workspace folder beside the project, and
// the vendored data in test/data is what test/data/SOURCES.md says, byte for byte once uncompressed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as realData from '../tools/real-data.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const THIS_FILE = fileURLToPath(import.meta.url);
const NOT_SOURCE = new Set([
  'node_modules',
  '.git',
  'dist',
  'out',
  'cdk.out',
  'test-artifacts',
  '.bench',
  '.scratch',
]);
const CODE_FILE = /\.(?:[cm]?[jt]s|py|sh|json)$/;

/** Files under `directory` (relative to the root, `/`-separated), skipping build output and dependencies. */
function filesUnder(directory: string): string[] {
  const found: string[] = [];
  const walk = (absolute: string): void => {
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      if (NOT_SOURCE.has(entry.name)) continue;
      const path = join(absolute, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(relative(ROOT, path).split(sep).join('/'));
    }
  };
  walk(join(ROOT, directory));
  return found.sort();
}

/** Vitest's ways to not run a test: `it.skip`, `describe.only`, `test.todo`, `it.skipIf(...)`, `ctx.skip()`... */
const NOT_RUN_MEMBERS = new Set(['skip', 'only', 'todo', 'skipIf', 'runIf']);
/** ...and the same as test options: `it('name', { skip: true }, ...)`. */
const NOT_RUN_OPTIONS = new Set(['skip', 'only', 'todo']);

/** `file:line: text` for every use of NOT_RUN_MEMBERS, and of NOT_RUN_OPTIONS in an object passed to a call. */
function notRunUses(path: string): string[] {
  const text = readFileSync(join(ROOT, path), 'utf8');
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const uses: string[] = [];
  const report = (node: ts.Node): void => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    uses.push(`${path}:${line + 1}: ${node.getText(source)}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAccessExpression(node) && NOT_RUN_MEMBERS.has(node.name.text)) report(node);
    if (
      (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) &&
      ts.isIdentifier(node.name) &&
      NOT_RUN_OPTIONS.has(node.name.text) &&
      ts.isObjectLiteralExpression(node.parent) &&
      ts.isCallExpression(node.parent.parent)
    ) {
      report(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

describe('the test suite', () => {
  const testSources = filesUnder('test').filter((path) => /\.[cm]?ts$/.test(path));

  it('finds the test files to check', () => {
    expect(testSources.filter((path) => path.endsWith('.test.ts')).length).toBeGreaterThan(50);
  });

  it('skips, focuses and leaves to do no test (.skip, .only, .todo, skipIf, runIf, { skip: true })', () => {
    expect(testSources.flatMap(notRunUses)).toEqual([]);
  });

  it('reads nothing from the workspace folder beside the project: tests and benchmarks use test/data', () => {
    const outside = /\.\.[/\\]shared(?![\w-])|['"]shared['"]/;
    const codeFiles = [
      ...filesUnder('.').filter((path) => CODE_FILE.test(path) && !path.startsWith('test/data/')),
      '.ci/run',
    ];
    const offending = codeFiles
      .filter((path) => join(ROOT, path) !== THIS_FILE)
      .flatMap((path) =>
        readFileSync(join(ROOT, path), 'utf8')
          .split('\n')
          .flatMap((line, index) => (outside.test(line) ? [`${path}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(codeFiles).toContain('bench/bench-helpers/paths.ts');
    expect(offending).toEqual([]);
  });
});

describe('the vendored data in test/data', () => {
  const sources = readFileSync(join(realData.REAL_DATA_DIRECTORY, 'SOURCES.md'), 'utf8');
  /** SOURCES.md's table: `| \`path\` | compressed | uncompressed | \`sha256\` | what was done |`. */
  const listed = [...sources.matchAll(/^\| `([^`]+)` \|[^|]*\| ([\d,]+) \| `([0-9a-f]{64})` \|/gm)].map(
    ([, path = '', bytes = '', sha256 = '']) => ({ path, bytes: Number(bytes.replaceAll(',', '')), sha256 }),
  );

  it('lists every vendored file in SOURCES.md, and every file real-data.ts names', () => {
    const vendored = filesUnder('test/data')
      .map((path) => path.slice('test/data/'.length))
      .filter((path) => path !== 'SOURCES.md');
    const named = Object.values(realData)
      .filter((value): value is string => typeof value === 'string' && value !== realData.REAL_DATA_DIRECTORY)
      .map((path) => relative(realData.REAL_DATA_DIRECTORY, path).split(sep).join('/'));
    const listedPaths = listed.map(({ path }) => path).sort();
    expect(listedPaths).toEqual(vendored);
    expect(listedPaths).toEqual(expect.arrayContaining(named));
    expect(named).toHaveLength(6);
  });

  it.each(listed)(
    '$path is unchanged: $bytes bytes and the sha256 of SOURCES.md once uncompressed',
    ({ path, bytes, sha256 }) => {
      const stored = readFileSync(join(realData.REAL_DATA_DIRECTORY, path));
      const content = path.endsWith('.gz') ? gunzipSync(stored) : stored;
      expect(content.length).toBe(bytes);
      expect(createHash('sha256').update(content).digest('hex')).toBe(sha256);
    },
  );
});
