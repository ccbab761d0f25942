import { describe, expect, it } from 'vitest';
import { parseTimeReport } from '../../tools/gnu-time.ts';
import { runMeasuredCli } from './measured-cli.ts';

describe('GNU time reports', () => {
  it('reads CPU seconds (user + system) and the peak RSS, whatever the exit', () => {
    expect(parseTimeReport('1.25 0.50\n123456\n')).toEqual({
      peakKib: 123_456,
      cpuSeconds: 1.75,
      code: 0,
      signal: null,
    });
    const failed = parseTimeReport('Command exited with non-zero status 2\n0.10 0.02\n9000\n');
    expect(failed).toMatchObject({ peakKib: 9000, code: 2 });
    expect(failed.cpuSeconds).toBeCloseTo(0.12, 9);
    expect(parseTimeReport('')).toMatchObject({ peakKib: undefined, cpuSeconds: undefined });
  });

  it('measures a real CLI run: CPU time beside the wall time, a peak RSS', async () => {
    const run = await runMeasuredCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.cpuSeconds).toBeGreaterThan(0);
    expect(run.cpuSeconds).toBeLessThan(60);
    expect(run.peakRssMb).toBeGreaterThan(10);
  });
});
