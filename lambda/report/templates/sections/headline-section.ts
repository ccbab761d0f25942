/** The headline section of the email, and the KPI tiles it renders. */
import { escapeHtml } from '../markup/escape-html.ts';
import { sectionTitle } from '../markup/section-title.ts';
import { THEME } from '../markup/theme.ts';

export type Trend = 'up' | 'down' | 'flat';

export interface KpiDelta {
  text: string;
  trend: Trend;
  /** True when this move is good news (a drop in the at-risk share is). */
  favourable: boolean;
}

export interface HeadlineKpi {
  key: string;
  label: string;
  value: string;
  detail: string | null;
  delta: KpiDelta | null;
}

export interface HeadlineProps {
  headline: HeadlineKpi[];
  /** `comparison` says against what the changes are measured (the previous report, or none). */
  labels: { headline: string; comparison: string };
}

/**
 * The headline KPIs, two tiles a row (also on a phone), each with its change since the previous report. A tile
 * is a rule above its figures rather than a filled box: tiles of one row differ in height when only one has a
 * detail line, and filled boxes of unequal height look broken.
 */
export function headlineSection(view: HeadlineProps): string {
  return `
  <mj-section background-color="${THEME.card}" padding="12px 8px 0" css-class="section-headline">
    <mj-column>${sectionTitle(view.labels.headline)}
      <mj-text font-size="12px" color="${THEME.muted}" padding="0 8px 4px">${escapeHtml(view.labels.comparison)}</mj-text>
    </mj-column>
  </mj-section>${tileRows(view.headline, 'section-headline')}`;
}

/**
 * KPI tiles two a row, in one section of `cssClass`: one table whose rows hold two tiles. A pair of MJML columns
 * a row cost 2.3 KB of wrappers and Outlook tables per row (14 KB for the headline); a table keeps the same two
 * columns on every screen and in Outlook for a tenth of that, and Gmail clips an email over 102 KB.
 */
export function tileRows(tiles: readonly HeadlineKpi[], cssClass: string): string {
  if (tiles.length === 0) return '';
  const rows: string[] = [];
  for (let index = 0; index < tiles.length; index += 2) {
    const pair = tiles.slice(index, index + 2);
    const cells = pair.map(tile).join('');
    rows.push(`<tr>${cells}${pair.length === 1 ? '<td width="50%"></td>' : ''}</tr>`);
  }
  return `
  <mj-section background-color="${THEME.card}" padding="0 8px" css-class="${cssClass}">
    <mj-column>
      <mj-table padding="0" font-size="13px" line-height="20px" table-layout="fixed">${rows.join('')}</mj-table>
    </mj-column>
  </mj-section>`;
}

function tile(kpi: HeadlineKpi): string {
  const delta = kpi.delta
    ? `<br><span style="color:${kpi.delta.favourable ? THEME.good : THEME.bad};font-size:12px;">${arrow(kpi.delta.trend)} ${escapeHtml(kpi.delta.text)}</span>`
    : '';
  const detail = kpi.detail
    ? `<br><span style="color:${THEME.muted};font-size:11px;">${escapeHtml(kpi.detail)}</span>`
    : '';
  return `<td width="50%" valign="top" class="kpi-${escapeHtml(kpi.key)}" style="padding:8px;"><div style="border-top:3px solid ${THEME.customersBar};padding-top:4px;"><span style="color:${THEME.muted};font-size:12px;">${escapeHtml(kpi.label)}</span><br><span style="font-size:20px;font-weight:bold;">${escapeHtml(kpi.value)}</span>${delta}${detail}</div></td>`;
}

function arrow(trend: Trend): string {
  return trend === 'up' ? '&#9650;' : trend === 'down' ? '&#9660;' : '&#9679;';
}
