import type { ReportView } from '../../lambda/report/view-model/report-view.ts';
import { escapeHtml } from '../escape-html.ts';
import { card, sectionTitle } from './section-title.ts';

/** Quarterly reviews: how many customers stayed, moved up or down, and the largest moves. */
export function migrationSection(view: ReportView): string {
  const migration = view.migration;
  if (!migration) return '';
  const moves = migration.moves
    .map((move) => `<li style="margin:0 0 4px;">${escapeHtml(move)}</li>`)
    .join('');
  return card(
    'section-migration',
    `${sectionTitle(migration.title)}
      <mj-text font-size="14px" line-height="20px" padding="4px 8px">${escapeHtml(migration.summary)}${moves ? `<ul style="margin:6px 0 0;padding:0 0 0 18px;">${moves}</ul>` : ''}</mj-text>`,
  );
}
