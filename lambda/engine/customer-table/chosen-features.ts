/** The columns named with `--features`, checked: each once, not too many, none text or empty. */
import { listNames, quoteName } from '../input/message-text.ts';
import type { ColumnProfile } from './column-profile.ts';
import { MAX_CLUSTERED_FEATURES, maxFeaturesFor } from './feature-limits.ts';
import { ColumnError } from '../../errors/input-errors.ts';

/** The columns given with --features: each once, at most maxFeaturesFor(rows), none text or empty. */
export function chosenColumns(
  profiles: readonly ColumnProfile[],
  chosen: readonly string[],
  sourceName: string,
) {
  const names = [...new Set(chosen.map((name) => name.trim()))];
  const rows = profiles.reduce((most, profile) => Math.max(most, profile.values.length), 0);
  const limit = maxFeaturesFor(rows);
  if (names.length > limit) {
    throw new ColumnError(
      `${sourceName}: --features: ${names.length} columns given, at most ${limit} are clustered` +
        (limit < MAX_CLUSTERED_FEATURES ? ` for ${rows.toLocaleString('en-US')} customers` : ''),
      { option: 'features', file: sourceName },
    );
  }
  return names.map((name) => {
    const column = profiles.findIndex((candidate) => candidate.name.trim() === name);
    const profile = profiles[column];
    if (!profile) {
      throw new ColumnError(
        `${sourceName}: --features: no column ${quoteName(name)} (columns: ${listNames(profiles.map((p) => p.name))})`,
        { option: 'features', file: sourceName, column: name },
      );
    }
    if (profile.kind === 'text' || profile.kind === 'empty') {
      const what = profile.kind === 'empty' ? 'is empty' : 'is not numeric';
      throw new ColumnError(`${sourceName}: --features: column ${quoteName(name)} ${what}`, {
        option: 'features',
        file: sourceName,
        column: name,
      });
    }
    return column;
  });
}
