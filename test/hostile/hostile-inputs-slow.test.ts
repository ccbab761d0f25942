// Issue 10's acceptance test, the big inputs (the slow cases, kept in their own file): 2,000,000 distinct
// customers in the Online Retail layout, a customer table of 10,000 columns, a header of 1,000,000 duplicate
// names, and two gzip bombs (a 13 MB gzip that expands to 5.5 GB, a 30 MB one to 12.4 GB). Each is generated
// once per machine into a git-ignored cache (test/hostile/hostile-harness.ts, `cachedBigInput`; about 55 s and
// 170 MB the first time), then `analyze` runs on it as its own process under GNU time: exit 0 with finite,
// sensible results or exit 2 with one line naming the file, within 60 s and 1 GB peak RSS, the input unchanged.
// One case at a time, so that no case's time or memory is another's.
import { basename } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { type BigInputName, onlineRetailDataLines } from '../../scripts/generate-hostile-inputs.ts';
import {
  type AnalysisJson,
  allOutputs,
  cachedBigInput,
  failureMessage,
  makeCaseDir,
  outcomeProblems,
  outputFlags,
  recordResult,
  removeCaseDirs,
  resultsTable,
  runCase,
} from './hostile-harness.ts';

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
  /** What exit 0 must also show. */
  check: (analysis: AnalysisJson) => string[];
}

function expectCount(label: string, actual: unknown, expected: number): string[] {
  return actual === expected ? [] : [`${label} is ${String(actual)}, expected ${expected}`];
}

const CASES: BigCase[] = [
  {
    name: '2,000,000 distinct customers (2.67M lines, Online Retail layout, gzipped)',
    input: 'online-retail-2m-customers.csv.gz',
    check: (analysis) => [
      ...expectCount('kpis.customers', analysis.kpis.customers, CUSTOMERS),
      ...expectCount('input.rowsRead', analysis.input.rowsRead, onlineRetailDataLines(CUSTOMERS)),
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
      `${name}: finite results or one line naming the file, within 60 s and 1 GB`,
      { timeout: CASE_TIMEOUT_MS },
      async ({ expect }) => {
        const path = await cachedBigInput(input);
        const dir = await makeCaseDir();
        const outputs = allOutputs(dir);
        const caseRun = await runCase([path, ...outputFlags(outputs)], { inputs: [path] });
        const problems = await outcomeProblems(caseRun, {
          success: { outputs, check },
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
