/** The migration section of the email, and the summary it renders. */
import { escapeHtml } from '../markup/escape-html.ts';
import { card, sectionTitle } from '../markup/section-title.ts';

export interface MigrationSummary {
  title: string;
  summary: string;
  moves: string[];
}

export interface MigrationProps {
  migration: MigrationSummary | null;
}

/** Quarterly reviews: how many customers stayed, moved up or down, and the largest moves. */
export function migrationSection(view: MigrationProps): string {
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
