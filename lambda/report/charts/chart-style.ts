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

/** The text style every chart uses, so that resvg draws all of it with the shipped font. */
export const CHART_TEXT = { fontFamily: CHART_FONT_FAMILY, color: THEME.muted, fontSize: 11 } as const;

export const CHART_TITLE = {
  left: 0,
  top: 0,
  textStyle: { fontFamily: CHART_FONT_FAMILY, color: THEME.text, fontSize: 14, fontWeight: 'bold' },
} as const;

export const CHART_LEGEND = {
  top: 22,
  left: 0,
  itemWidth: 14,
  itemHeight: 8,
  textStyle: CHART_TEXT,
} as const;

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
