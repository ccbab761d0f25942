// Progress goes to stderr only when it is a terminal and the file is large: logs and pipes stay clean.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgressReporter } from '../../lambda/cli/progress-reporter.ts';

const LARGE = 6_000_000;

/** A stand-in for process.stderr that records what is written. */
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = {
    isTTY,
    write(text: string) {
      written.push(text);
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('createProgressReporter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the lines read on a terminal, at most every 250 ms, and clears the line when done', () => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    const { stream, written } = fakeStream(true);
    const progress = createProgressReporter(stream, 'orders.csv', LARGE);
    progress.update(1_234);
    progress.update(2_000); // same moment: not shown
    vi.setSystemTime(1_000_249);
    progress.update(3_000); // 249 ms later: not shown
    vi.setSystemTime(1_000_250);
    progress.update(541_909);
    progress.done();
    expect(written).toEqual([
      '\rorders.csv: 1,234 lines read',
      '\rorders.csv: 541,909 lines read',
      '\r\u001b[K',
    ]);
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const progress = createProgressReporter(stream, 'orders.csv', LARGE);
    progress.update(1_000);
    progress.done();
    expect(written).toEqual([]);
  });

  it('writes nothing for a small file, even on a terminal', () => {
    const { stream, written } = fakeStream(true);
    const progress = createProgressReporter(stream, 'orders.csv', 5_000_000);
    progress.update(1_000);
    progress.done();
    expect(written).toEqual([]);
  });

  it('does not clear a line it never wrote', () => {
    const { stream, written } = fakeStream(true);
    createProgressReporter(stream, 'orders.csv', LARGE).done();
    expect(written).toEqual([]);
  });
});
