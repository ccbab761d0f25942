/**
 * Reading an analysis back from JSON (an archived `analysis.json`, a `--previous` file): checked whole against the
 * analysis schema, with a message of one line naming the first wrong field.
 */
import type { Analysis } from './analysis-types.ts';
import { analysisSchema } from './analysis-schema.ts';
import { InputError } from '../../errors/input-errors.ts';

export type SafeParsedAnalysis = { ok: true; analysis: Analysis } | { ok: false; problem: string };

/**
 * Checks a value read from JSON (an archived `analysis.json`, a `--previous` file) without throwing: the scheduled
 * runs skip a bad archive with a note. `problem` names the first wrong field: `kpis.revenue: expected a finite number`.
 */
export function safeParseAnalysis(value: unknown): SafeParsedAnalysis {
  const parsed = analysisSchema.safeParse(value);
  if (parsed.success) return { ok: true, analysis: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.map(pathSegment).join('.')}: ` : '';
  return { ok: false, problem: `${where}${issue?.message ?? 'not an analysis'}` };
}

/**
 * Checks a value read from JSON and returns it as an Analysis; throws an InputError of one line naming the source
 * and the first wrong field: `--previous previous.json: kpis.revenue: expected a finite number`.
 */
export function parseAnalysis(value: unknown, source: string): Analysis {
  const parsed = safeParseAnalysis(value);
  if (!parsed.ok) throw new InputError(`${source}: ${parsed.problem}`);
  return parsed.analysis;
}

/** A key as written in the path; quoted when it holds control characters, so the message stays one line. */
function pathSegment(key: PropertyKey): string {
  const segment = typeof key === 'symbol' ? key.toString() : String(key);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is looked for
  return /[\u0000-\u001f\u007f]/.test(segment) ? JSON.stringify(segment) : segment;
}
