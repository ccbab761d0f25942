// The benchmark's printed report: plain-text tables and PASS/FAIL verdicts.
/** Lays out rows as a plain-text table: first column left-aligned, the others right-aligned (numbers). */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const formatRow = (cells: readonly string[]): string =>
    widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return column === 0 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [formatRow(headers), rule, ...rows.map(formatRow)].join('\n');
}

/** "PASS" or "FAIL" for a target check. */
export function verdict(passed: boolean): string {
  return passed ? 'PASS' : 'FAIL';
}
