import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (two levels above this file). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The shared folder next to the project: data sets and the pandas reference. */
export const sharedRoot = fileURLToPath(new URL('../../../shared/', import.meta.url));
/** Scratch space for benchmark inputs and results; git-ignored. */
export const benchDirectory = join(projectRoot, '.bench');

export const onlineRetailGzip = join(sharedRoot, 'data', 'online_retail', 'online_retail.csv.gz');
export const referenceScript = join(sharedRoot, 'reference', 'rfm_reference.py');
export const bundledCli = join(projectRoot, 'dist', 'cli.mjs');
export const kmeansBenchScript = join(projectRoot, 'bench', 'kmeans-bench.ts');
/** Debian's interpreter, the one python3-pandas and python3-sklearn are installed for. */
export const systemPython = '/usr/bin/python3';
/** GNU time: reports the child's wall time and peak resident set size. */
export const gnuTime = '/usr/bin/time';
