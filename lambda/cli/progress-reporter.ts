/** Progress on large files, on stderr and only when it is a terminal (logs and pipes stay clean). */
export function createProgressReporter(
  stream: NodeJS.WriteStream,
  label: string,
  sizeBytes: number,
): { update: (linesRead: number) => void; done: () => void } {
  const enabled = stream.isTTY === true && sizeBytes > 5_000_000;
  let lastShown = 0;
  let shown = false;
  return {
    update(linesRead) {
      if (!enabled) return;
      const now = Date.now();
      if (now - lastShown < 250) return;
      lastShown = now;
      shown = true;
      stream.write(`\r${label}: ${linesRead.toLocaleString('en-GB')} lines read`);
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
