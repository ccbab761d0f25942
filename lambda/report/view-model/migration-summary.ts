/** The quarterly review's migration between segments, in words. */
import { GONE_CUSTOMERS, NEW_CUSTOMERS } from '../../engine/migration/segment-migration.ts';
import type { MigrationSummary } from '../templates/sections/migration-section.ts';
import { clusterNames } from './cluster-names.ts';
import type { ReportContext } from './report-context.ts';

/** The quarterly review's migration in words: totals, then the largest moves between segments. */
export function migrationSummary(context: ReportContext): MigrationSummary | null {
  const migration = context.migration;
  if (!migration) return null;
  const { messages, format } = context;
  const names = new Map<string, string>([
    [NEW_CUSTOMERS, messages.migration.newCustomers],
    [GONE_CUSTOMERS, messages.migration.gone],
  ]);
  for (const segment of context.analysis.rfm?.segments ?? [])
    names.set(segment.key, segment.name[context.settings.locale]);
  for (const [key, name] of clusterNames(context.analysis, context.settings)) names.set(key, name);
  const name = (key: string) => names.get(key) ?? key;
  return {
    title: messages.migration.title,
    summary: messages.migration.summary({
      stayed: format.integer(migration.stayed),
      up: format.integer(migration.movedUp),
      down: format.integer(migration.movedDown),
      newCustomers: format.integer(migration.newCustomers),
      gone: format.integer(migration.goneCustomers),
    }),
    moves: migration.largestMoves.map((move) =>
      messages.migration.move({
        from: name(move.from),
        to: name(move.to),
        customers: format.integer(move.customers),
      }),
    ),
  };
}
