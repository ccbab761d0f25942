// The two programs the parity test compares, each run as its own process on the real Online Retail export: the
// pandas + scikit-learn reference and our command line from source.
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGunzip } from 'node:zlib';
import { ONLINE_RETAIL, REFERENCE_SCRIPT } from '../../tools/real-data.ts';
import { SYSTEM_PYTHON } from '../../tools/reference-python.ts';
import { REPO_ROOT } from '../../tools/repo-root.ts';
import { CLI_FROM_SOURCE } from '../support/run-cli.ts';

const execFileAsync = promisify(execFile);

const CHILD_OUTPUT_LIMIT = 64 * 1024 * 1024;

/** Decompresses the vendored Online Retail export into `directory` and returns the CSV's path. */
export async function decompressOnlineRetail(directory: string): Promise<string> {
  const csvPath = join(directory, 'online_retail.csv');
  await pipeline(createReadStream(ONLINE_RETAIL), createGunzip(), createWriteStream(csvPath));
  return csvPath;
}

/** Runs the pandas reference on `csvPath`; returns its one-line JSON summary. */
export async function runReference(csvPath: string, customersOut: string): Promise<Record<string, unknown>> {
  const { stdout } = await execFileAsync(
    SYSTEM_PYTHON,
    [REFERENCE_SCRIPT, csvPath, '--customers-out', customersOut],
    {
      cwd: REPO_ROOT,
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
    [...CLI_FROM_SOURCE, 'analyze', csvPath, '--json', jsonOut, '--customers', customersOut],
    { cwd: REPO_ROOT, maxBuffer: CHILD_OUTPUT_LIMIT },
  );
}
