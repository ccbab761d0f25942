import { execFile, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createGunzip } from 'node:zlib';
import { ONLINE_RETAIL, REFERENCE_SCRIPT } from '../support/real-data.ts';

const execFileAsync = promisify(execFile);

/** The project root (two levels above this file). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Debian's interpreter, the one apt installs python3-pandas and python3-sklearn for. */
export const systemPython = '/usr/bin/python3';

const CHILD_OUTPUT_LIMIT = 64 * 1024 * 1024;

/** Throws, with the command that fixes it, when /usr/bin/python3 cannot import pandas and scikit-learn. */
export function assertReferenceRuntime(): void {
  const probe = spawnSync(systemPython, ['-c', 'import pandas, sklearn'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    const reason = probe.error?.message ?? probe.stderr.trim().split('\n').at(-1) ?? 'unknown error';
    throw new Error(
      `${systemPython} cannot import pandas and sklearn (${reason}); run scripts/ensure-system-packages.sh (as root) first`,
    );
  }
}

/** Decompresses the vendored Online Retail export into `directory` and returns the CSV's path. */
export async function decompressOnlineRetail(directory: string): Promise<string> {
  const csvPath = join(directory, 'online_retail.csv');
  await pipeline(createReadStream(ONLINE_RETAIL), createGunzip(), createWriteStream(csvPath));
  return csvPath;
}

/** Runs the pandas reference on `csvPath`; returns its one-line JSON summary. */
export async function runReference(csvPath: string, customersOut: string): Promise<Record<string, unknown>> {
  const { stdout } = await execFileAsync(
    systemPython,
    [REFERENCE_SCRIPT, csvPath, '--customers-out', customersOut],
    {
      cwd: projectRoot,
      maxBuffer: CHILD_OUTPUT_LIMIT,
    },
  );
  const lastLine = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as Record<string, unknown>;
}

/** Runs our command line from source (tsx loader), writing the analysis JSON and the customers CSV. */
export async function runOurCli(csvPath: string, jsonOut: string, customersOut: string): Promise<void> {
  await execFileAsync(
    process.execPath,
    [
      '--import',
      'tsx',
      'lambda/cli/main.ts',
      'analyze',
      csvPath,
      '--json',
      jsonOut,
      '--customers',
      customersOut,
    ],
    { cwd: projectRoot, maxBuffer: CHILD_OUTPUT_LIMIT },
  );
}
