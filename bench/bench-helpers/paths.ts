import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ONLINE_RETAIL, REFERENCE_SCRIPT } from '../../test/support/real-data.ts';

/** The project root (two levels above this file). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Scratch space for benchmark inputs and results; git-ignored. */
export const benchDirectory = join(projectRoot, '.bench');

/** The vendored data and pandas reference (test/data/, see its SOURCES.md). */
export const onlineRetailGzip = ONLINE_RETAIL;
export const referenceScript = REFERENCE_SCRIPT;
export const bundledCli = join(projectRoot, 'dist', 'cli.mjs');
export const kmeansBenchScript = join(projectRoot, 'bench', 'kmeans-bench.ts');
/** Debian's interpreter, the one python3-pandas and python3-sklearn are installed for. */
export const systemPython = '/usr/bin/python3';
/** GNU time: reports the child's wall time and peak resident set size. */
export const gnuTime = '/usr/bin/time';
