/** The chart section of the email, and the bars it renders. */
import { keepTogether } from '../markup/data-table.ts';
import { escapeHtml } from '../markup/escape-html.ts';
import { card, sectionTitle } from '../markup/section-title.ts';
import { THEME } from '../markup/theme.ts';

export interface ChartBar {
  label: string;
  /** Widths in percent of the bar area, 0..100, of the customers share and the revenue share. */
  customersWidth: number;
  revenueWidth: number;
  customersText: string;
  revenueText: string;
  /** The numbers in words, for screen readers and image-less clients. */
  alt: string;
}

export interface ShareChart {
  title: string;
  customersLegend: string;
  revenueLegend: string;
  bars: ChartBar[];
}

export interface ChartProps {
  chart: ShareChart | null;
}

/**
 * Horizontal bars drawn with table cells (no SVG, no image: Gmail and Outlook show them as they are), the
 * numbers written beside each bar and in a title for screen readers.
 */
export function chartSection(view: ChartProps): string {
  const chart = view.chart;
  if (!chart) return '';
  const legend = `<span style="color:${THEME.customersBar};">&#9632;</span> ${escapeHtml(chart.customersLegend)} &nbsp; <span style="color:${THEME.revenueBar};">&#9632;</span> ${escapeHtml(chart.revenueLegend)}`;
  return card(
    'section-chart',
    `${sectionTitle(chart.title)}
      <mj-text font-size="12px" color="${THEME.muted}" padding="0 8px 4px">${legend}</mj-text>
      <mj-table font-size="12px" line-height="14px" padding="4px 8px" table-layout="fixed">${chart.bars.map(barRow).join('')}</mj-table>`,
  );
}

function barRow(bar: ChartBar): string {
  return `<tr title="${escapeHtml(bar.alt)}"><td style="width:34%;padding:4px 4px 4px 0;">${escapeHtml(bar.label)}</td><td style="padding:4px 0;">${bar_(bar.customersWidth, THEME.customersBar, bar.customersText)}${bar_(bar.revenueWidth, THEME.revenueBar, bar.revenueText)}</td></tr>`;
}

/**
 * One bar and its number. Attributes where every client reads them (`width`, `bgcolor`) rather than the same in
 * CSS as well: the section repeats this twice per segment, and Gmail clips an email over 102 KB.
 */
function bar_(widthPercent: number, color: string, text: string): string {
  // The bar takes at most 75% of the cell so that the number always fits beside it.
  const width = Math.round(widthPercent * 0.75);
  const filled =
    width > 0
      ? `<td width="${width}%" bgcolor="${color}" style="height:8px;font-size:1px;line-height:8px;">&nbsp;</td>`
      : '';
  return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:1px 0;"><tr>${filled}<td style="padding-left:4px;font-size:11px;color:${THEME.muted};">${keepTogether(escapeHtml(text))}</td></tr></table>`;
}
