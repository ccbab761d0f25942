// Issue 10's acceptance test, the small files: each hostile input is generated deterministically (seeded, see
// test/hostile/inputs/catalogue.ts) into a temp folder, and `analyze` runs on it as its own process under GNU time.
// Every case ends in exit 0 with finite, sensible results or exit 2 with one stderr line naming the file or the
// option, within 60 s of CPU and 1 GB peak RSS, the input byte-identical (test/hostile/harness/outcomes.ts). Runs two
// processes at a time. The big inputs (2M customers, 10,000 columns, the gzip bombs) are in
// hostile-inputs-slow.test.ts.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { type SmallInputName, writeSmallInput } from './inputs/catalogue.ts';
import { ANCIENT_DATES } from './inputs/impossible-values.ts';
import { withStringKpis } from './inputs/report-options.ts';
import { smallLogFirstDate, smallLogLines } from './inputs/small-logs.ts';
import { concurrencyLimit, type MeasuredRun } from '../support/measured-cli.ts';
import { makeCaseDir, removeCaseDirs } from './harness/case-folders.ts';
import { type Acceptance, outcomeProblems } from './harness/outcomes.ts';
import { failureMessage, recordResult, resultsTable } from './harness/results-table.ts';
import { allOutputs, outputFlags, runCase } from './harness/run-case.ts';
import type { AnalysisJson } from './harness/success-checks.ts';

/** Two CLI processes at a time: two cores, and each run is a whole process. */
const limit = concurrencyLimit(2);
/** Generous: a case may wait for others (each ends within the watchdog's 120 s) before its own run. */
const CASE_TIMEOUT_MS = 40 * 60_000;

interface Prepared {
  dir: string;
  input: string;
  /** Other files the run reads (settings, previous): they must stay byte-identical too. */
  otherInputs: string[];
  /** Options besides the outputs. */
  options: string[];
}

/** Writes the case's input (and option files) into a fresh folder. */
async function prepare(
  input: SmallInputName,
  extra: { settings?: SmallInputName; previous?: SmallInputName | { name: string; content: string } } = {},
  options: string[] = [],
): Promise<Prepared> {
  const dir = await makeCaseDir();
  const prepared: Prepared = {
    dir,
    input: await writeSmallInput(dir, input),
    otherInputs: [],
    options: [...options],
  };
  if (extra.settings) {
    const path = await writeSmallInput(dir, extra.settings);
    prepared.otherInputs.push(path);
    prepared.options.push('--settings', path);
  }
  if (extra.previous) {
    const path =
      typeof extra.previous === 'string'
        ? await writeSmallInput(dir, extra.previous)
        : join(dir, extra.previous.name);
    if (typeof extra.previous !== 'string') await writeFile(path, extra.previous.content);
    prepared.otherInputs.push(path);
    prepared.options.push('--previous', path);
  }
  return prepared;
}

/** Runs a prepared case with every output asked for, and returns the run with all its problems. */
async function runPrepared(
  name: string,
  prepared: Prepared,
  acceptance: (outputs: ReturnType<typeof allOutputs>) => Acceptance,
  after?: (run: MeasuredRun, outputs: ReturnType<typeof allOutputs>) => Promise<string[]>,
): Promise<{ run: MeasuredRun; problems: string[]; outputs: ReturnType<typeof allOutputs> }> {
  const outputs = allOutputs(prepared.dir);
  const caseRun = await limit(() =>
    runCase([prepared.input, ...prepared.options, ...outputFlags(outputs)], {
      inputs: [prepared.input, ...prepared.otherInputs],
    }),
  );
  const problems = await outcomeProblems(caseRun, acceptance(outputs));
  if (after) problems.push(...(await after(caseRun.run, outputs)));
  recordResult(name, caseRun.run, problems);
  return { run: caseRun.run, problems, outputs };
}

/** The file's path or its basename. */
function namesFile(path: string): { anyOf: string[] } {
  return { anyOf: [path, basename(path)] };
}

/** The control run (a normal file): its JSON is the base of the "string KPIs" previous analysis. */
let controlRun: Promise<{ run: MeasuredRun; problems: string[]; json: string | undefined }> | undefined;
function control(): NonNullable<typeof controlRun> {
  controlRun ??= (async () => {
    const prepared = await prepare('small-log.csv');
    const result = await runPrepared('control: a normal 45-customer log', prepared, (outputs) => ({
      success: { outputs },
    }));
    const json = await readFile(result.outputs.json, 'utf8').catch(() => undefined);
    return { ...result, json };
  })();
  return controlRun;
}

/** The same records as plain UTF-8 CSV: what every encoding variant must give. */
let plainRun:
  Promise<{ run: MeasuredRun; problems: string[]; json?: string; customers?: string }> | undefined;
function plainReference(): NonNullable<typeof plainRun> {
  plainRun ??= (async () => {
    const prepared = await prepare('encoding-plain-utf8.csv');
    const result = await runPrepared('encoding reference: plain UTF-8 CSV', prepared, (outputs) => ({
      success: { outputs, check: (analysis) => expectInput(analysis, /^utf-8$/, ',') },
    }));
    const [json, customers] = await Promise.all([
      readFile(result.outputs.json, 'utf8').catch(() => undefined),
      readFile(result.outputs.customers, 'utf8').catch(() => undefined),
    ]);
    return {
      ...result,
      ...(json === undefined ? {} : { json }),
      ...(customers === undefined ? {} : { customers }),
    };
  })();
  return plainRun;
}

function expectInput(analysis: AnalysisJson, encoding: RegExp, delimiter: string): string[] {
  const problems: string[] = [];
  if (!encoding.test(analysis.input.encoding)) {
    problems.push(`input.encoding is "${analysis.input.encoding}", expected ${encoding}`);
  }
  if (analysis.input.delimiter !== delimiter) {
    problems.push(`input.delimiter is "${analysis.input.delimiter}", expected "${delimiter}"`);
  }
  return problems;
}

/** The analysis without what names the file itself (and the time, and the notes about how it was read). */
function comparable(analysis: AnalysisJson): unknown {
  const { generatedAt: _generatedAt, notes: _notes, input, ...rest } = analysis;
  const { source: _source, encoding: _encoding, delimiter: _delimiter, ...inputRest } = input;
  return { ...rest, input: inputRest };
}

/** The paths where two JSON values differ (at most `limit`). */
function differences(left: unknown, right: unknown, path = '$', found: string[] = [], max = 5): string[] {
  if (found.length >= max) return found;
  if (
    typeof left !== typeof right ||
    Array.isArray(left) !== Array.isArray(right) ||
    left === null ||
    right === null
  ) {
    if (left !== right)
      found.push(`${path}: ${JSON.stringify(left)} vs ${JSON.stringify(right)}`.slice(0, 200));
    return found;
  }
  if (typeof left === 'object') {
    const keys = new Set([...Object.keys(left as object), ...Object.keys(right as object)]);
    for (const key of keys) {
      differences(
        (left as Record<string, unknown>)[key],
        (right as Record<string, unknown>)[key],
        `${path}.${key}`,
        found,
        max,
      );
    }
    return found;
  }
  if (left !== right)
    found.push(`${path}: ${JSON.stringify(left)} vs ${JSON.stringify(right)}`.slice(0, 200));
  return found;
}

afterAll(async () => {
  console.log(resultsTable('Hostile inputs, small files (issue 10)'));
  await removeCaseDirs();
});

describe.concurrent('hostile inputs (issue 10), small files', () => {
  it(
    'control: a normal 45-customer log exits 0 with finite results',
    { timeout: CASE_TIMEOUT_MS },
    async ({ expect }) => {
      const { run, problems } = await control();
      expect(problems, failureMessage(run, problems)).toEqual([]);
    },
  );

  it(
    'amounts of 1e308, -1e308, 1e309, NaN and Infinity: finite results or one line naming the file',
    { timeout: CASE_TIMEOUT_MS },
    async ({ expect }) => {
      const prepared = await prepare('huge-amounts.csv');
      const normalLines = smallLogLines(45).length;
      const { run, problems } = await runPrepared(
        'amounts of 1e308 (and 1e309, NaN, Infinity)',
        prepared,
        (outputs) => ({
          success: {
            outputs,
            // Finite is not enough: one 1e308 kept is a finite but absurd revenue. Every such line is rejected.
            check: (analysis) =>
              analysis.input.rowsUsed === normalLines
                ? []
                : [`input.rowsUsed is ${analysis.input.rowsUsed}, expected the ${normalLines} normal lines`],
          },
          refusal: namesFile(prepared.input),
        }),
      );
      expect(problems, failureMessage(run, problems)).toEqual([]);
    },
  );

  it(
    'investmentPerCustomer 1e308 in --settings: a finite report or one line naming --settings',
    { timeout: CASE_TIMEOUT_MS },
    async ({ expect }) => {
      const prepared = await prepare('small-log.csv', { settings: 'settings-investment-1e308.json' });
      const settings = prepared.otherInputs[0] ?? '';
      const { run, problems } = await runPrepared(
        '--settings investmentPerCustomer 1e308',
        prepared,
        (outputs) => ({
          success: { outputs },
          refusal: { anyOf: ['--settings', basename(settings)] },
        }),
      );
      expect(problems, failureMessage(run, problems)).toEqual([]);
    },
  );

  it.for([
    ['a negative investmentPerCustomer', 'settings-investment-negative.json'],
    ['a string investmentPerCustomer ("10")', 'settings-investment-string.json'],
  ] as const)(
    '%s in --settings: exit 2, one line naming --settings',
    { timeout: CASE_TIMEOUT_MS },
    async ([label, file], { expect }) => {
      const prepared = await prepare('small-log.csv', { settings: file });
      const settings = prepared.otherInputs[0] ?? '';
      const { run, problems } = await runPrepared(`--settings ${label}`, prepared, () => ({
        refusal: { anyOf: ['--settings', basename(settings)] },
      }));
      expect(problems, failureMessage(run, problems)).toEqual([]);
    },
  );

  it(
    'dates in years 0001 and 0099: those lines rejected as unreadable dates (no period from 1901), or exit 2',
    { timeout: CASE_TIMEOUT_MS },
    async ({ expect }) => {
      const prepared = await prepare('ancient-dates.csv');
      const firstDate = smallLogFirstDate();
      const { run, problems } = await runPrepared('dates in years 0001 and 0099', prepared, (outputs) => ({
        success: {
          outputs,
          check: (analysis) => {
            const found: string[] = [];
            const rejected = analysis.input.rowsRejected.unreadableDate ?? 0;
            if (rejected !== ANCIENT_DATES.length) {
              found.push(`rowsRejected.unreadableDate is ${rejected}, expected ${ANCIENT_DATES.length}`);
            }
            if (analysis.period.firstPurchase !== firstDate) {
              found.push(`period.firstPurchase is ${analysis.period.firstPurchase}, expected ${firstDate}`);
            }
            return found;
          },
        },
        refusal: namesFile(prepared.input),
      }));
      expect(problems, failureMessage(run, problems)).toEqual([]);
    },
  );

  it.for([
    ['null', 'previous-null.json'],
    ['{"kpis":{}}', 'previous-empty-kpis.json'],
    ['an analysis whose KPIs are strings', 'string-kpis'],
  ] as const)(
    '--previous holding %s, with --html: a finite report or one line naming --previous',
    { timeout: CASE_TIMEOUT_MS },
    async ([label, file], { expect }) => {
      let previous: SmallInputName | { name: string; content: string };
      if (file === 'string-kpis') {
        const base = await control();
        if (base.json === undefined)
          throw new Error(`the control run wrote no JSON: ${failureMessage(base.run, base.problems)}`);
        previous = { name: 'previous-string-kpis.json', content: withStringKpis(base.json) };
      } else {
        previous = file;
      }
      const prepared = await prepare('small-log.csv', { previous });
      const path = prepared.otherInputs[0] ?? '';
      const { run, problems } = await runPrepared(`--previous ${label}`, prepared, (outputs) => ({
        success: { outputs },
        refusal: { anyOf: ['--previous', basename(path)] },
      }));
      expect(problems, failureMessage(run, problems)).toEqual([]);
    },
  );

  it(
    'the same lines in two orders, ids mixing numbers and text: byte-identical customers file and JSON',
    { timeout: CASE_TIMEOUT_MS },
    async ({ expect }) => {
      // Same relative names in two folders, so that input.source is the same text in both JSON files.
      const runs = await Promise.all(
        (['mixed-ids-shuffle-1.csv', 'mixed-ids-shuffle-2.csv'] as const).map(async (file, index) => {
          const dir = await makeCaseDir();
          const content = await readFile(await writeSmallInput(dir, file));
          await writeFile(join(dir, 'orders.csv'), content);
          const outputs = { json: 'out.json', customers: 'customers.csv' };
          const caseRun = await limit(() =>
            runCase(['orders.csv', ...outputFlags(outputs)], { inputs: ['orders.csv'], cwd: dir }),
          );
          const problems = await outcomeProblems(caseRun, { success: { outputs } });
          recordResult(`shuffled mixed ids, order ${index + 1}`, caseRun.run, problems);
          const read = (name: string) => readFile(join(dir, name), 'utf8').catch(() => '');
          return {
            ...caseRun,
            problems,
            json: await read('out.json'),
            customers: await read('customers.csv'),
          };
        }),
      );
      const [first, second] = runs as [(typeof runs)[number], (typeof runs)[number]];
      const withoutTime = (json: string) => json.replace(/"generatedAt": "[^"]*"/, '"generatedAt": ""');
      const problems = [
        ...first.problems.map((problem) => `order 1: ${problem}`),
        ...second.problems.map((problem) => `order 2: ${problem}`),
      ];
      if (first.customers !== second.customers)
        problems.push('the customers files differ between the two orders');
      if (withoutTime(first.json) !== withoutTime(second.json)) {
        const parse = (json: string): unknown => {
          try {
            return JSON.parse(withoutTime(json));
          } catch {
            return json;
          }
        };
        problems.push(
          `the JSON files differ: ${differences(parse(first.json), parse(second.json)).join('; ')}`,
        );
      }
      recordResult('shuffled mixed ids: outputs identical', undefined, problems);
      expect(problems, [failureMessage(first.run, []), failureMessage(second.run, [])].join('\n')).toEqual(
        [],
      );
    },
  );

  it.for([
    ['whose columns are all constant', 'constant-customer-table.csv'],
    ['whose columns are all empty', 'empty-columns-customer-table.csv'],
  ] as const)(
    'a customer table %s: exit 2 naming the file',
    { timeout: CASE_TIMEOUT_MS },
    async ([label, file], { expect }) => {
      const prepared = await prepare(file);
      const { run, problems } = await runPrepared(`customer table ${label}`, prepared, () => ({
        refusal: namesFile(prepared.input),
      }));
      expect(problems, failureMessage(run, problems)).toEqual([]);
    },
  );

  it(
    '--k 50 with 20 customers: exit 2 naming --k and the file',
    { timeout: CASE_TIMEOUT_MS },
    async ({ expect }) => {
      const prepared = await prepare('twenty-customers.csv', {}, ['--k', '50']);
      const { run, problems } = await runPrepared('--k 50 with 20 customers', prepared, () => ({
        refusal: { anyOf: [prepared.input, basename(prepared.input)], allOf: ['--k'] },
      }));
      expect(problems, failureMessage(run, problems)).toEqual([]);
    },
  );

  it(
    'encoding reference: the records as plain UTF-8 CSV exit 0',
    { timeout: CASE_TIMEOUT_MS },
    async ({ expect }) => {
      const { run, problems } = await plainReference();
      expect(problems, failureMessage(run, problems)).toEqual([]);
    },
  );

  it.for([
    [
      'UTF-16 LE with BOM, TAB-separated (Excel "Unicode text")',
      'encoding-utf16le-tab.txt',
      /^utf-?16-?le$/i,
      'tab',
    ],
    ['UTF-16 BE with BOM', 'encoding-utf16be.csv', /^utf-?16-?be$/i, ','],
    ['Excel\'s "sep=;" first line', 'encoding-excel-sep-line.csv', /^utf-8$/, ';'],
    ['CRLF, LF and CR line ends in one file', 'encoding-mixed-line-ends.csv', /^utf-8$/, ','],
  ] as const)(
    '%s: exit 0, the encoding and delimiter reported, the results of the plain UTF-8 CSV',
    { timeout: CASE_TIMEOUT_MS },
    async ([label, file, encoding, delimiter], { expect }) => {
      const prepared = await prepare(file);
      const reference = await plainReference();
      const { run, problems } = await runPrepared(
        label,
        prepared,
        (outputs) => ({
          success: {
            outputs,
            check: (analysis) => {
              const found = expectInput(analysis, encoding, delimiter);
              if (reference.json === undefined) return [...found, 'the plain UTF-8 reference wrote no JSON'];
              const diff = differences(
                comparable(analysis),
                comparable(JSON.parse(reference.json) as AnalysisJson),
              );
              if (diff.length > 0)
                found.push(`results differ from the plain UTF-8 CSV's: ${diff.join('; ')}`);
              return found;
            },
          },
        }),
        async (run, outputs) => {
          if (run.code !== 0 || reference.customers === undefined) return [];
          const customers = await readFile(outputs.customers, 'utf8').catch(() => undefined);
          return customers === undefined || customers === reference.customers
            ? []
            : ["the customers file differs from the plain UTF-8 CSV's"];
        },
      );
      expect(problems, failureMessage(run, problems)).toEqual([]);
    },
  );

  it.for([
    ['an empty file', 'empty.csv'],
    ['binary bytes', 'binary.csv'],
    ['a 2 MB single field', 'huge-field.csv'],
    ['an unterminated quote at the end', 'unterminated-quote.csv'],
    ['a 10 MB line with no newline', 'long-line-no-newline.csv'],
  ] as const)(
    '%s: exit 2, one line naming the file',
    { timeout: CASE_TIMEOUT_MS },
    async ([label, file], { expect }) => {
      const prepared = await prepare(file);
      const { run, problems } = await runPrepared(label, prepared, () => ({
        refusal: namesFile(prepared.input),
      }));
      expect(problems, failureMessage(run, problems)).toEqual([]);
    },
  );
});
