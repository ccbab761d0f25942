// End to end, one real process per case: a `--previous` file that is not an analysis written by `--json` (null,
// `{}`, empty or string KPIs, a null or 1e400 revenue) exits with 2 and one stderr line naming `--previous`, the
// file and the first wrong field; no stack trace, no report written. A real earlier analysis still gives a report
// with its changes and no "NaN" or "∞". The processes run concurrently.
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFixture } from '../support/cli-fixtures.ts';
import { type CliRun, makeTempDir, runCli, stderrLines } from '../support/run-cli.ts';

/** Two days of orders; the earlier analysis is of the first day only, so the report has changes to show. */
const FIRST_DAY_CSV = 'Invoice,Customer,Date,Amount\n1,A,2024-01-01,10\n2,B,2024-01-01,20\n';
const BOTH_DAYS_CSV = `${FIRST_DAY_CSV}3,C,2024-01-02,30\n4,A,2024-01-02,15\n`;

const NOT_AN_ANALYSIS = 'expected an analysis (a JSON object written by --json)';
const VERSION = 'schemaVersion: expected 1 (the only schema version this release reads)';
const FINITE = 'expected a finite number';

interface PreviousCase {
  name: string;
  /** The `--previous` file's text, from the text of a real `--json` analysis. */
  content: (analysisJson: string) => string;
  /** The stderr line after `segment-report: --previous PATH: `. */
  problem: string | RegExp;
}

/** Replaces the value of the first `"key": value` of a pretty-printed JSON text (the base KPIs come first). */
function replaceFirst(json: string, key: string, value: string): string {
  const pattern = new RegExp(`"${key}": [^,\\n]+`);
  if (!pattern.test(json)) throw new Error(`no "${key}" in the analysis`);
  return json.replace(pattern, `"${key}": ${value}`);
}

const CASES: PreviousCase[] = [
  { name: 'null', content: () => 'null\n', problem: NOT_AN_ANALYSIS },
  { name: 'an empty object', content: () => '{}\n', problem: VERSION },
  { name: 'only empty KPIs', content: () => '{"kpis":{}}\n', problem: VERSION },
  {
    name: 'version 1 with empty KPIs',
    content: (json) => JSON.stringify({ ...(JSON.parse(json) as object), kpis: {} }),
    problem: 'kpis.customers: expected a whole number of 0 or more',
  },
  {
    name: 'KPIs written as strings',
    content: (json) => {
      const analysis = JSON.parse(json) as { kpis: Record<string, unknown> };
      const kpis = Object.fromEntries(
        Object.entries(analysis.kpis).map(([key, value]) => [key, String(value)]),
      );
      return JSON.stringify({ ...analysis, kpis });
    },
    problem: 'kpis.customers: expected a whole number of 0 or more',
  },
  {
    name: 'a null revenue (NaN or ∞ in the change)',
    content: (json) => replaceFirst(json, 'revenue', 'null'),
    problem: `kpis.revenue: ${FINITE}`,
  },
  {
    name: 'a revenue of 1e400 (Infinity once parsed)',
    content: (json) => replaceFirst(json, 'revenue', '1e400'),
    problem: `kpis.revenue: ${FINITE}`,
  },
  {
    name: 'an average order value that is not a number',
    content: (json) => replaceFirst(json, 'averageOrderValue', '"n/a"'),
    problem: `kpis.averageOrderValue: ${FINITE}`,
  },
  {
    name: 'text that is not JSON',
    content: () => 'revenue: 1000\n',
    problem: /^not valid JSON \(.+\)$/,
  },
];

/** Escapes a path for a regular expression. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('analyze --previous', () => {
  let dir = '';
  const runs = new Map<string, CliRun>();
  let valid: CliRun;

  const previousPath = (index: number) => join(dir, `previous-${index}.json`);
  const reportPath = (index: number) => join(dir, `report-${index}.txt`);

  beforeAll(async () => {
    dir = await makeTempDir();
    const firstDay = await writeFixture(dir, 'first-day.csv', FIRST_DAY_CSV);
    const bothDays = await writeFixture(dir, 'both-days.csv', BOTH_DAYS_CSV);
    const earlier = await runCli(['analyze', firstDay, '--json', join(dir, 'earlier.json'), '--quiet']);
    if (earlier.code !== 0) throw new Error(`the earlier analysis failed: ${earlier.stderr}`);
    const analysisJson = await readFile(join(dir, 'earlier.json'), 'utf8');
    await Promise.all(
      CASES.map((testCase, index) =>
        writeFixture(dir, `previous-${index}.json`, testCase.content(analysisJson)),
      ),
    );
    const report = (previous: string, text: string) =>
      runCli(['analyze', bothDays, '--text', text, '--previous', previous]);
    const [validRun, ...results] = await Promise.all([
      report(join(dir, 'earlier.json'), join(dir, 'report-valid.txt')),
      ...CASES.map((_testCase, index) => report(previousPath(index), reportPath(index))),
    ]);
    if (validRun) valid = validRun;
    CASES.forEach((testCase, index) => {
      const run = results[index];
      if (run) runs.set(testCase.name, run);
    });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(CASES.map((testCase, index) => ({ ...testCase, index })))(
    '$name: exit 2, one stderr line naming --previous and the file, no report written',
    async (testCase) => {
      const run = runs.get(testCase.name);
      expect(run?.code, run?.stderr).toBe(2);
      expect(run?.stdout).toBe('');
      const lines = run ? stderrLines(run) : [];
      expect(lines).toHaveLength(1);
      const prefix = `segment-report: --previous ${previousPath(testCase.index)}: `;
      const line = lines[0] ?? '';
      expect(line.startsWith(prefix), line).toBe(true);
      const problem = line.slice(prefix.length);
      if (typeof testCase.problem === 'string') expect(problem).toBe(testCase.problem);
      else expect(problem).toMatch(testCase.problem);
      expect(run?.stderr).not.toMatch(/^\s+at /m);
      expect(run?.stderr).not.toMatch(/\b[A-Za-z]*Error\b:|internal error/);
      // The previous file is read before the analysis: nothing is written when it is wrong.
      await expect(stat(reportPath(testCase.index))).rejects.toMatchObject({ code: 'ENOENT' });
    },
  );

  it('reports the changes since a real earlier analysis, with no NaN or ∞', async () => {
    expect(valid.code, valid.stderr).toBe(0);
    const text = await readFile(join(dir, 'report-valid.txt'), 'utf8');
    expect(text).toContain('since the previous report');
    // Revenue 30 on the first day, 75 over both: +150.0%.
    expect(valid.stdout).toMatch(new RegExp(`^Report: .*revenue .*\\(${literal('+150.0%')}\\)`, 'm'));
    expect(`${text}${valid.stdout}`).not.toMatch(/NaN|Infinity|∞/);
  });
});
