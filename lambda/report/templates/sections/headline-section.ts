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

/** KPI tiles two a row, in sections of `cssClass`. */
export function tileRows(tiles: readonly HeadlineKpi[], cssClass: string): string {
  const rows: string[] = [];
  for (let index = 0; index < tiles.length; index += 2) {
    const pair = tiles.slice(index, index + 2);
    rows.push(`
  <mj-section background-color="${THEME.card}" padding="0 8px" css-class="${cssClass}">
    <mj-group>${pair.map(tile).join('')}
    </mj-group>
  </mj-section>`);
  }
  return rows.join('');
}

function tile(kpi: HeadlineKpi): string {
  const delta = kpi.delta
    ? `<br><span style="color:${kpi.delta.favourable ? THEME.good : THEME.bad};font-size:12px;">${arrow(kpi.delta.trend)} ${escapeHtml(kpi.delta.text)}</span>`
    : '';
  const detail = kpi.detail
    ? `<br><span style="color:${THEME.muted};font-size:11px;">${escapeHtml(kpi.detail)}</span>`
    : '';
  return `
      <mj-column width="50%" padding="4px">
        <mj-text padding="4px" line-height="20px" css-class="kpi-${escapeHtml(kpi.key)}"><div style="border-top:3px solid ${THEME.customersBar};padding-top:4px;"><span style="color:${THEME.muted};font-size:12px;">${escapeHtml(kpi.label)}</span><br><span style="font-size:20px;font-weight:bold;">${escapeHtml(kpi.value)}</span>${delta}${detail}</div></mj-text>
      </mj-column>`;
}

function arrow(trend: Trend): string {
  return trend === 'up' ? '&#9650;' : trend === 'down' ? '&#9660;' : '&#9679;';
}
