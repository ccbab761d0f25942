/**
 * How `segment-report held` prints its listing: a table to read (one row a held report, columns padded to their
 * widest cell) or, with `--json`, the rows as a JSON array for a script. Cells are plain text: a line break or a
 * terminal escape in a recorded name or reason is shown escaped.
 */
import type { HeldListing, HeldRow } from './held-listing.ts';

const COLUMNS: readonly { title: string; cell: (row: HeldRow) => string }[] = [
  { title: 'RUN', cell: (row) => row.run },
  { title: 'KIND', cell: (row) => row.kind ?? '-' },
  { title: 'STATE', cell: (row) => row.state },
  { title: 'HELD AT', cell: (row) => row.heldAt ?? '-' },
  { title: 'EXPIRES AT', cell: (row) => row.expiresAt ?? '-' },
  { title: 'CHECKS', cell: (row) => (row.checks.length > 0 ? row.checks.join(',') : '-') },
  { title: 'DECIDED', cell: decidedCell },
];

/** `released by ana (command line) at 2026-11-30T09:00:00.000Z: numbers checked` */
function decidedCell(row: HeldRow): string {
  const decision = row.decision;
  if (decision === null) return '-';
  const verb = decision.action === 'release' ? 'released' : 'discarded';
  return `${verb} by ${decision.by} at ${decision.at}${decision.reason ? `: ${decision.reason}` : ''}`;
}

/** The listing as a table, with a last line when older records were left out. */
export function heldTable(listing: HeldListing, where: string): string {
  if (listing.rows.length === 0) return `no held reports in ${where}\n`;
  const cells = [
    COLUMNS.map((column) => column.title),
    ...listing.rows.map((row) => COLUMNS.map((column) => plainText(column.cell(row)))),
  ];
  const widths = COLUMNS.map((_, index) => Math.max(...cells.map((line) => (line[index] ?? '').length)));
  const lines = cells.map((line) =>
    line
      .map((cell, index) => (index === line.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
      .join('  '),
  );
  return `${lines.join('\n')}\n${leftOutLine(listing) ?? ''}`;
}

/** The listing as a JSON array (the rows as they are). */
export function heldJson(listing: HeldListing): string {
  return `${JSON.stringify(listing.rows, null, 2)}\n`;
}

/** `... and 12 older held reports not shown`, or undefined when none was left out. */
export function leftOutLine(listing: HeldListing): string | undefined {
  if (listing.leftOut === 0) return undefined;
  const noun = listing.leftOut === 1 ? 'held report' : 'held reports';
  return `... and ${listing.leftOut} older ${noun} not shown\n`;
}

/** Text as one plain line: a line break or a terminal escape taken from a record or a flag is shown escaped. */
export function plainText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (character) =>
    character === '\n' ? '\\n' : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
