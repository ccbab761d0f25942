// A fresh temporary folder for each hostile case, all removed after the file's cases (or kept to look at with
// HOSTILE_KEEP_OUTPUTS=1).
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let caseDirCount = 0;
const caseDirs: string[] = [];

/**
 * A fresh folder for one case under the system temp dir. Named with digits only (pid and a counter), so that no
 * path the CLI echoes into its outputs can hold the letters "NaN" by chance.
 */
export async function makeCaseDir(): Promise<string> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const dir = join(tmpdir(), `segment-report-hostile-${process.pid}-${++caseDirCount}`);
    try {
      await mkdir(dir);
      caseDirs.push(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new Error('no free case folder name after 100 attempts');
}

/** Removes every case folder this process made (kept, to look at the outputs, when HOSTILE_KEEP_OUTPUTS=1). */
export async function removeCaseDirs(): Promise<void> {
  if (process.env.HOSTILE_KEEP_OUTPUTS === '1') {
    if (caseDirs.length > 0) console.log(`HOSTILE_KEEP_OUTPUTS=1: kept ${caseDirs.splice(0).join(', ')}`);
    return;
  }
  await Promise.all(caseDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}
