// The Python that runs the pandas + scikit-learn reference (test/data/reference/rfm_reference.py) and the
// standard library's mail reader: Debian's, the one scripts/ensure-system-packages.sh installs the packages for.
import { spawnSync } from 'node:child_process';

/** Debian's interpreter, the one apt installs python3-pandas and python3-sklearn for. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** Throws, with the command that fixes it, when /usr/bin/python3 cannot import pandas and scikit-learn. */
export function assertReferenceRuntime(): void {
  const probe = spawnSync(SYSTEM_PYTHON, ['-c', 'import pandas, sklearn'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    const reason = probe.error?.message ?? probe.stderr.trim().split('\n').at(-1) ?? 'unknown error';
    throw new Error(
      `${SYSTEM_PYTHON} cannot import pandas and sklearn (${reason}); run scripts/ensure-system-packages.sh (as root) first`,
    );
  }
}
