// The command line run from source as its own process (`node --import tsx lambda/cli/main.ts ...`), its output
// collected, and the temporary folders its tests write into.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../tools/repo-root.ts';

export { REPO_ROOT };

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Node's arguments that run the CLI from source, before its own: the tsx loader by its absolute URL, so that the
 * CLI can run from a directory without node_modules, then lambda/cli/main.ts.
 */
export const CLI_FROM_SOURCE: readonly string[] = [
  '--import',
  pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href,
  join(REPO_ROOT, 'lambda', 'cli', 'main.ts'),
];

/**
 * Node's arguments that run the bundled CLI (`dist/cli.mjs`, what `segment-report` runs once built): the command a
 * user runs, whose time and memory the resource budgets bound. `npm test` builds it first (`pretest`); a bundle
 * missing, or older than a source file of the command line, stops the measuring test with what to run.
 */
export function bundledCli(): readonly string[] {
  const bundle = join(REPO_ROOT, 'dist', 'cli.mjs');
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : -1;
  const newer = newestSource(join(REPO_ROOT, 'lambda'));
  if (built < newer.mtimeMs) {
    throw new Error(
      `${bundle} is ${built < 0 ? 'missing' : `older than ${newer.path}`}: run npm run build (npm test does it first)`,
    );
  }
  return [bundle];
}

/** The most recently modified file under `folder`. */
function newestSource(folder: string): { path: string; mtimeMs: number } {
  let newest = { path: folder, mtimeMs: 0 };
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const { mtimeMs } = statSync(path);
    if (mtimeMs > newest.mtimeMs) newest = { path, mtimeMs };
  }
  return newest;
}

/**
 * Runs `node --import tsx lambda/cli/main.ts ...args` and collects its output; from the repository root unless
 * `cwd` says otherwise (`start` writes its report to `./out`, which a test keeps under the temp dir).
 */
export function runCli(args: readonly string[], cwd: string = REPO_ROOT): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_FROM_SOURCE, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A fresh temporary directory under the system's temp dir (never inside the repository). */
export function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'segment-report-test-'));
}

/** The lines of stderr, without the final empty one. */
export function stderrLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter((line) => line !== '');
}
