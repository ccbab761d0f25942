// What every hostile case of issue 10 accepts, whatever its input: exit 0 with finite, sensible results
// (success-checks.ts) or exit 2 with one readable stderr line naming the file or the option, in both cases within
// the budgets of run-case.ts. Each case collects its problems as sentences and asserts that there are none, so
// that a failing case says everything that is wrong with it at once (exit, message, time, memory).
import type { MeasuredRun } from '../../support/measured-cli.ts';
import type { CaseRun } from './run-case.ts';
import { type SuccessCheck, successProblems } from './success-checks.ts';

/** One readable line: a message longer than this is a dump (of a header, of a field), not a message. */
export const MAX_MESSAGE_CHARS = 1000;

export interface RefusalCheck {
  /** The line must contain at least one of these (the file's path or basename, an option). */
  anyOf: readonly string[];
  /** ...and every one of these. */
  allOf?: readonly string[];
}

/** Exit 2 with exactly one readable stderr line (no stack trace) naming the file or the option. */
export function refusalProblems(run: MeasuredRun, { anyOf, allOf = [] }: RefusalCheck): string[] {
  const problems: string[] = [];
  const lines = run.stderr.text.split('\n').filter((line) => line.trim() !== '');
  const truncated = run.stderr.totalChars > run.stderr.text.length;
  if (lines.length !== 1 || truncated || run.stderr.lineFeeds > 1) {
    problems.push(
      `stderr has ${run.stderr.lineFeeds} line feeds (${run.stderr.totalChars} chars), not one line`,
    );
  }
  const line = lines[0] ?? '';
  if (/^\s+at .+[:(]/m.test(run.stderr.text) || /\n\s+at /.test(run.stderr.text)) {
    problems.push('stderr holds a stack trace');
  }
  if (/internal error/i.test(line)) problems.push('the message is an internal error');
  if (line.length > MAX_MESSAGE_CHARS) {
    problems.push(
      `the message is ${line.length} chars long (more than ${MAX_MESSAGE_CHARS}: not a readable line)`,
    );
  }
  if (!anyOf.some((name) => line.includes(name)))
    problems.push(`the message names none of ${anyOf.join(', ')}`);
  for (const name of allOf) if (!line.includes(name)) problems.push(`the message does not name ${name}`);
  return problems;
}

/** What a case accepts: exit 0 (with its checks), exit 2 (with its naming), or either. */
export interface Acceptance {
  success?: SuccessCheck;
  refusal?: RefusalCheck;
}

/** Every problem of a run against what its case accepts (budget and input problems included). */
export async function outcomeProblems(
  { run, problems }: CaseRun,
  { success, refusal }: Acceptance,
): Promise<string[]> {
  const all = [...problems];
  const accepted = [success ? 'exit 0' : '', refusal ? 'exit 2' : ''].filter(Boolean).join(' or ');
  if (run.code === 0 && success) all.push(...(await successProblems(run, success)).problems);
  else if (run.code === 2 && refusal) all.push(...refusalProblems(run, refusal));
  else
    all.push(
      `expected ${accepted}, got ${run.code === null ? `no exit (${run.signal ?? 'killed'})` : `exit ${run.code}`}`,
    );
  return all;
}
