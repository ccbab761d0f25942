// Issue 10's acceptance test, the big inputs (the slow cases, kept in their own file): 2,000,000 distinct
// customers in the Online Retail layout, a customer table of 10,000 columns, a header of 1,000,000 duplicate
// names, and two gzip bombs (a 13 MB gzip that expands to 5.5 GB, a 30 MB one to 12.4 GB). Each is generated
// once per machine into a git-ignored cache (test/hostile/harness/big-input-cache.ts; about a minute and
// 175 MB the first time), then `analyze` runs on it as its own process under GNU time: exit 0 with finite,
// sensible results or exit 2 with one line naming the file, within 60 s of CPU and 1 GB peak RSS, the input unchanged.
// One case at a time, so that no case's time or memory is another's.
import { basename } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import type { WrittenFile } from '../../tools/chunked-file.ts';
import { cachedBigInput } from './harness/big-input-cache.ts';
import { makeCaseDir, removeCaseDirs } from './harness/case-folders.ts';
import { outcomeProblems } from './harness/outcomes.ts';
import { failureMessage, recordResult, resultsTable } from './harness/results-table.ts';
import { allOutputs, outputFlags, runCase } from './harness/run-case.ts';
import type { AnalysisJson } from './harness/success-checks.ts';
import type { BigInputName } from './inputs/catalogue.ts';

/** Generating a big input the first time (up to ~40 s for the larger bomb), then a run the watchdog ends by 125 s. */
const CASE_TIMEOUT_MS = 10 * 60_000;
const CUSTOMERS = 2_000_000;

afterAll(async () => {
  console.log(resultsTable('Hostile inputs, big files (issue 10)'));
  await removeCaseDirs();
});

interface BigCase {
  name: string;
  input: BigInputName;
  /** What exit 0 must also show, knowing what the generator wrote. */
  check: (analysis: AnalysisJson, written: WrittenFile) => string[];
}

function expectCount(label: string, actual: unknown, expected: number): string[] {
  return actual === expected ? [] : [`${label} is ${String(actual)}, expected ${expected}`];
}

const CASES: BigCase[] = [
  {
    name: '2,000,000 distinct customers (2.73M lines, Online Retail layout, gzipped)',
    input: 'online-retail-2m-customers.csv.gz',
    check: (analysis, written) => [
      ...expectCount('kpis.customers', analysis.kpis.customers, CUSTOMERS),
      // Every line the generator wrote but the header.
      ...expectCount('input.rowsRead', analysis.input.rowsRead, written.lines - 1),
    ],
  },
  {
    name: 'a customer table of 10,000 numeric columns and 2,000 rows',
    input: 'wide-10000-columns.csv',
    check: (analysis) => expectCount('kpis.customers', analysis.kpis.customers, 2_000),
  },
  {
    name: 'a header of 1,000,000 duplicate one-letter names',
    input: 'duplicate-header-1m.csv',
    check: () => [],
  },
  {
    name: 'a gzip bomb: 13 MB expanding to 5.5 GB',
    input: 'gzip-bomb-13mb-to-5.5gb.csv.gz',
    check: (analysis) => expectCount('kpis.customers', analysis.kpis.customers, 1),
  },
  {
    name: 'a gzip bomb: 30 MB expanding to 12.4 GB',
    input: 'gzip-bomb-30mb-to-12.4gb.csv.gz',
    check: (analysis) => expectCount('kpis.customers', analysis.kpis.customers, 1),
  },
];

describe('hostile inputs (issue 10), big files', () => {
  for (const { name, input, check } of CASES) {
    it(
      `${name}: finite results or one line naming the file, within 60 s of CPU and 1 GB`,
      { timeout: CASE_TIMEOUT_MS },
      async ({ expect }) => {
        const written = await cachedBigInput(input);
        const { path } = written;
        const dir = await makeCaseDir();
        const outputs = allOutputs(dir);
        const caseRun = await runCase([path, ...outputFlags(outputs)], { inputs: [path] });
        const problems = await outcomeProblems(caseRun, {
          success: { outputs, check: (analysis) => check(analysis, written) },
          refusal: { anyOf: [path, basename(path)] },
        });
        recordResult(name, caseRun.run, problems);
        // The outputs of 2M customers are ~150 MB: gone before the next case.
        await removeCaseDirs();
        expect(problems, failureMessage(caseRun.run, problems)).toEqual([]);
      },
    );
  }
});
