import { escapeHtml } from '../escape-html.ts';
import { THEME } from '../theme.ts';

/** A cell: the text, or several lines of text; `strong` for the first column. */
export type Cell =
  string | { lines: string[]; strong?: boolean; color?: string; note?: { text: string; color: string } };

const CELL_STYLE = `border-bottom:1px solid ${THEME.rule};word-break:normal;`;
/** Numbers never break inside (MJML's table wrapper would break them anywhere). */
const NUMBER_STYLE = 'white-space:nowrap;';

/**
 * A compact table for an mj-table with `cellpadding`: a header row, then right-aligned numbers after the first
 * column. Styles stay short because they repeat in every cell and Gmail clips an email over 102 KB.
 */
export function dataTable(
  headers: readonly Cell[],
  rows: readonly (readonly Cell[])[],
  footer?: readonly Cell[],
): string {
  const head = headers
    .map((header, index) => {
      const lines = typeof header === 'string' ? [header] : header.lines;
      return `<th style="${CELL_STYLE}text-align:${index === 0 ? 'left' : 'right'};color:${THEME.muted};font-weight:normal;">${lines.map(escapeHtml).join('<br>')}</th>`;
    })
    .join('');
  const body = rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('');
  const foot = footer ? `<tr style="font-weight:bold;">${footer.map(cell).join('')}</tr>` : '';
  return `<tr>${head}</tr>${body}${foot}`;
}

function cell(content: Cell, index: number): string {
  const align = index === 0 ? 'left' : `right;${NUMBER_STYLE}`;
  if (typeof content === 'string') {
    return `<td style="${CELL_STYLE}text-align:${align};">${escapeHtml(content)}</td>`;
  }
  const weight = content.strong ? 'font-weight:bold;' : '';
  const color = content.color ? `color:${content.color};` : '';
  const [first = '', ...rest] = content.lines;
  const more = rest
    .map((line) => `<br><span style="color:${THEME.muted};">${escapeHtml(line)}</span>`)
    .join('');
  const note = content.note
    ? `<br><span style="color:${content.note.color};font-weight:normal;">${escapeHtml(content.note.text)}</span>`
    : '';
  return `<td style="${CELL_STYLE}text-align:${align};${weight}${color}">${escapeHtml(first)}${more}${note}</td>`;
}
