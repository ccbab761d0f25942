/** The tables of the email (overview, budget, KPIs to watch, data quality): compact, numbers kept on one line. */
import { escapeHtml } from './escape-html.ts';
import { THEME } from './theme.ts';

/**
 * A cell: the text, or several lines of text; `strong` for the first column. A cell that `span`s several columns
 * heads the row under it (a name given the table's whole width): no rule between them.
 */
export type Cell = string | { lines: string[]; strong?: boolean; color?: string; span?: number };

const CELL_STYLE = `border-bottom:1px solid ${THEME.rule};`;
/** A spanning cell, close above the row it heads. */
const HEADING_STYLE = 'padding-bottom:0;';
/**
 * `word-break:normal` undoes MJML's `break-word` on the wrapper, which would let a number break anywhere; set once
 * on the rows' tbody (the property is inherited) rather than on every cell: 3 KB of a quarterly review.
 */
const ROWS_STYLE = 'word-break:normal;';

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
  return `<tbody style="${ROWS_STYLE}"><tr>${head}</tr>${body}${foot}</tbody>`;
}

/**
 * Cell text, escaped. Numbers and amounts never break inside: their spaces become no-break spaces (Outlook for
 * Windows ignores `white-space:nowrap`). Names in the first column may break between the words of a camelCase
 * column name (`MntMeatProducts`), which would otherwise be too wide for a phone.
 */
function cellText(text: string, index: number): string {
  return index === 0 ? breakCamelCase(escapeHtml(text)) : keepTogether(escapeHtml(text));
}

function cell(content: Cell, index: number): string {
  const align = index === 0 ? 'left' : 'right';
  if (typeof content === 'string') {
    return `<td style="${CELL_STYLE}text-align:${align};">${cellText(content, index)}</td>`;
  }
  const weight = content.strong ? 'font-weight:bold;' : '';
  const color = content.color ? `color:${content.color};` : '';
  const [first = '', ...rest] = content.lines;
  const more = rest
    .map((line) => `<br><span style="color:${THEME.muted};">${cellText(line, index)}</span>`)
    .join('');
  const [span, style] = content.span ? [` colspan="${content.span}"`, HEADING_STYLE] : ['', CELL_STYLE];
  return `<td${span} style="${style}text-align:${align};${weight}${color}">${cellText(first, index)}${more}</td>`;
}

/** Spaces to no-break spaces (U+00A0), so that `12 days` or `1 234 €` stays on one line in every client. */
export function keepTogether(escapedText: string): string {
  return escapedText.replace(/ /g, '\u00a0');
}

/** A zero-width space (U+200B) between the words of camelCase names: a break opportunity every client knows. */
function breakCamelCase(escapedText: string): string {
  return escapedText.replace(/(\p{Ll})(?=\p{Lu})/gu, '$1\u200b');
}
