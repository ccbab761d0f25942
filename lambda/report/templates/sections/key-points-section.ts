/** The key points section of the email, and the sentences it renders. */
import { escapeHtml } from '../markup/escape-html.ts';
import { card, sectionTitle } from '../markup/section-title.ts';

export interface KeyPoint {
  text: string;
  /** The segment or group the sentence is about. */
  segment: string;
}

export interface KeyPointsProps {
  keyPoints: KeyPoint[];
  labels: { keyPoints: string };
}

/** Three to five sentences with numbers. */
export function keyPointsSection(view: KeyPointsProps): string {
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
