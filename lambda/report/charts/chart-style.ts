/**
 * How the charts look: the email's column width at twice the pixels, the one font shipped with them, and
 * colours taken from the report's theme so that the charts sit in the email as its own tables do.
 */
import { THEME } from '../templates/markup/theme.ts';

/** The email's content column in CSS pixels; the PNG has twice as many, sharp on high-density screens. */
export const CHART_CSS_WIDTH = 600;
export const CHART_PIXEL_RATIO = 2;

/** The family name inside DejaVuSans.ttf: the SVG asks for it, and resvg finds it among the fonts it is given. */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

/** The bytes of all the charts of one email together: small beside the 10 MB SES and clients take. */
export const CHART_SET_BYTE_BUDGET = 300 * 1024;

/** Segment colours: the theme's own, then the same lightened, so up to twelve segments stay apart. */
const THEME_COLOURS = [
  THEME.brand,
  THEME.customersBar,
  THEME.good,
  THEME.priority.medium,
  THEME.bad,
  THEME.muted,
];
export const SEGMENT_PALETTE: readonly string[] = [
  ...THEME_COLOURS,
  ...THEME_COLOURS.map((colour) => mixColours(colour, THEME.card, 0.5)),
];

/**
 * The size of axis and legend text, in the 600 px image. A phone 375 px wide shows the image at about 343 px,
 * so 13 px here reads as about 7.4 px there: the smallest that still reads (11 px became about 6 px).
 */
export const CHART_FONT_SIZE = 13;

/** The text style every chart uses, so that resvg draws all of it with the shipped font. */
export const CHART_TEXT = {
  fontFamily: CHART_FONT_FAMILY,
  color: THEME.muted,
  fontSize: CHART_FONT_SIZE,
} as const;

/** The title's line and the gap under it. */
export const CHART_TITLE_HEIGHT = 28;

export const CHART_TITLE = {
  left: 0,
  top: 0,
  textStyle: { fontFamily: CHART_FONT_FAMILY, color: THEME.text, fontSize: 16, fontWeight: 'bold' },
} as const;

/** Below the title; `right` bounds its rows so that ECharts wraps them where legend-layout.ts expects. */
export const CHART_LEGEND = {
  top: CHART_TITLE_HEIGHT,
  left: 5,
  right: 8,
  padding: 0,
  itemWidth: 14,
  itemHeight: 8,
  itemGap: 12,
  textStyle: CHART_TEXT,
} as const;

/** Room between the legend's last row and the plotting area (whose top axis label pokes up by half a line). */
export const LEGEND_PLOT_GAP = 16;

/** Axis lines and grid in the theme's rule colour, labels muted. */
export const AXIS_STYLE = {
  axisLine: { lineStyle: { color: THEME.rule } },
  axisTick: { show: false },
  axisLabel: CHART_TEXT,
  splitLine: { lineStyle: { color: THEME.rule } },
} as const;

/** The plotting area of the period charts: the legend above it, the axis labels kept inside the image. */
export function periodGrid(top: number) {
  return {
    left: 8,
    right: 16,
    top,
    bottom: 8,
    outerBoundsMode: 'same',
    outerBoundsContain: 'axisLabel',
  } as const;
}

/** The periods along the bottom of a line or area chart, from edge to edge. */
export function periodAxis(periods: readonly string[]) {
  return {
    type: 'category',
    boundaryGap: false,
    data: [...periods],
    ...AXIS_STYLE,
    splitLine: { show: false },
  } as const;
}

/** `#rrggbb` between `from` (share 0) and `to` (share 1). */
export function mixColours(from: string, to: string, share: number): string {
  const channel = (hex: string, offset: number) => Number.parseInt(hex.slice(1 + offset, 3 + offset), 16);
  const mixed = [0, 2, 4].map((offset) =>
    Math.round(channel(from, offset) + (channel(to, offset) - channel(from, offset)) * share),
  );
  return `#${mixed.map((value) => value.toString(16).padStart(2, '0')).join('')}`;
}

/** Whether text on `background` reads better white than dark (the background's relative luminance). */
export function needsLightText(background: string): boolean {
  const [red, green, blue] = [0, 2, 4].map((offset) =>
    Number.parseInt(background.slice(1 + offset, 3 + offset), 16),
  );
  return 0.2126 * (red ?? 0) + 0.7152 * (green ?? 0) + 0.0722 * (blue ?? 0) < 140;
}
