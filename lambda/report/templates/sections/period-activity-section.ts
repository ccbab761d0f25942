/** A scheduled report's own period, first in the email: the week's (quarter's) orders, revenue and customers. */
import { escapeHtml } from '../markup/escape-html.ts';
import { sectionTitle } from '../markup/section-title.ts';
import { THEME } from '../markup/theme.ts';
import { type HeadlineKpi, tileRows } from './headline-section.ts';

export interface PeriodActivityView {
  /** "This week, Dec 5, 2011 to Dec 11, 2011". */
  title: string;
  /** What the arrows and the grey lines compare with. */
  comparison: string;
  tiles: HeadlineKpi[];
  /** The file's orders end before or within the period; null when they cover it. */
  note: string | null;
}

export interface PeriodActivityProps {
  /** Null for an upload's report, or when the analysis counted no period (a customer table). */
  periodActivity: PeriodActivityView | null;
}

export function periodActivitySection({ periodActivity }: PeriodActivityProps): string {
  if (!periodActivity) return '';
  const note = periodActivity.note
    ? `
      <mj-text font-size="13px" color="${THEME.bad}" padding="4px 8px 0">${escapeHtml(periodActivity.note)}</mj-text>`
    : '';
  return `
  <mj-section background-color="${THEME.card}" padding="12px 8px 0" css-class="section-period">
    <mj-column>${sectionTitle(periodActivity.title)}
      <mj-text font-size="12px" color="${THEME.muted}" padding="0 8px 4px">${escapeHtml(periodActivity.comparison)}</mj-text>${note}
    </mj-column>
  </mj-section>${tileRows(periodActivity.tiles, 'section-period')}`;
}
