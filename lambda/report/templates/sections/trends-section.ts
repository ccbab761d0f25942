/** The trends section of the email: the three charts as inline images, and the forecast's line under them. */
import { escapeHtml } from '../markup/escape-html.ts';
import { card, sectionTitle } from '../markup/section-title.ts';
import { THEME } from '../markup/theme.ts';

/** A chart as the HTML shows it: by Content-ID, at its CSS size (the PNG has twice the pixels). */
export interface TrendImage {
  cid: string;
  /** The chart's numbers in words, for images blocked and screen readers. */
  alt: string;
  width: number;
  height: number;
}

/** The same numbers as the charts, for the plain text: the HTML shows them as the images. */
export interface TrendsTable {
  revenueTitle: string;
  /** The last complete periods, then the forecast's (value "forecast 1.0M (900K to 1.1M)"). */
  revenue: { period: string; value: string }[];
  buyersTitle: string;
  /** Customers who bought in each segment at the last complete period, and three periods before. */
  buyers: { segment: string; last: string; before: string }[];
  cohortsTitle: string;
  /** The newest cohorts' share buying again the period after their first. */
  cohorts: { cohort: string; share: string }[];
}

export interface TrendsView {
  title: string;
  /** None when the history is too short: `note` then says why. */
  images: TrendImage[];
  /** The forecast's model and backtest error, or why there is no forecast, or why there are no trends. */
  note: string;
  table: TrendsTable | null;
}

export interface TrendsProps {
  trends: TrendsView | null;
}

/**
 * The charts, 600 px wide and fluid on a phone (height auto keeps the chart's ratio when the column narrows; the
 * view's height is the one it has at 600 px), then one muted line on the forecast.
 */
export function trendsSection(view: TrendsProps): string {
  const trends = view.trends;
  if (!trends) return '';
  const images = trends.images
    .map(
      (image) =>
        `
      <mj-image src="cid:${escapeHtml(image.cid)}" alt="${escapeHtml(image.alt)}" width="${image.width}px" height="auto" padding="8px 4px" css-class="trend-chart" />`,
    )
    .join('');
  return card(
    'section-trends',
    `${sectionTitle(trends.title)}${images}
      <mj-text font-size="11px" line-height="16px" color="${THEME.muted}" padding="4px 8px">${escapeHtml(trends.note)}</mj-text>`,
  );
}
