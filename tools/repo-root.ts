// The repository's root folder: the programs the tests and the benchmarks run (the CLI, the pandas reference)
// start from there, as `npm run cli` does.
import { fileURLToPath } from 'node:url';

/** The repository root, with a trailing separator. */
export const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
