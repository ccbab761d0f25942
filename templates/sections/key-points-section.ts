import type { ReportView } from '../../lambda/report/view-model/report-view.ts';
import { escapeHtml } from '../escape-html.ts';
import { card, sectionTitle } from './section-title.ts';

/** Three to five sentences with numbers. */
export function keyPointsSection(view: ReportView): string {
  if (view.keyPoints.length === 0) return '';
  const items = view.keyPoints
    .map((point) => `<li style="margin:0 0 8px;">${escapeHtml(point.text)}</li>`)
    .join('');
  return card(
    'section-key-points',
    `${sectionTitle(view.labels.keyPoints)}
      <mj-text font-size="14px" line-height="21px" padding="4px 8px"><ul style="margin:0;padding:0 0 0 18px;">${items}</ul></mj-text>`,
  );
}
