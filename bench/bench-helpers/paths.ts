// Where the benchmark finds its programs and data and keeps its scratch files: the vendored data and the system
// programs are named once in tools/, re-exported here under the benchmark's names.
import { join } from 'node:path';
import { ONLINE_RETAIL, REFERENCE_SCRIPT } from '../../tools/real-data.ts';
import { SYSTEM_PYTHON } from '../../tools/reference-python.ts';
import { REPO_ROOT } from '../../tools/repo-root.ts';

/** The project root. */
export const projectRoot = REPO_ROOT;
/** Scratch space for benchmark inputs and results; git-ignored. */
export const benchDirectory = join(projectRoot, '.bench');

/** The vendored data and pandas reference (test/data/, see its SOURCES.md). */
export const onlineRetailGzip = ONLINE_RETAIL;
export const referenceScript = REFERENCE_SCRIPT;
export const bundledCli = join(projectRoot, 'dist', 'cli.mjs');
/** The command the README documents (an executable script: it runs the bundle once built). */
export const documentedCommand = join(projectRoot, 'bin', 'segment-report.mjs');
export const kmeansBenchScript = join(projectRoot, 'bench', 'kmeans-bench.ts');
/** Debian's interpreter, the one python3-pandas and python3-sklearn are installed for. */
export const systemPython = SYSTEM_PYTHON;
