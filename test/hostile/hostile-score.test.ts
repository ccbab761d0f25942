// `score` on the hostile inputs (issue 18): every small hostile file scored with a transaction log's saved
// segmentation and with a customer table's, each as its own process under GNU time. Every case ends in exit 0,
// every customer in one of the model's clusters with a margin, or exit 2 with one readable stderr line naming the
// file or --model; within the suite's budgets (60 s of CPU, 1 GB peak RSS); the input and the model byte-identical.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_INPUTS, type SmallInputName, writeSmallInput } from './inputs/catalogue.ts';
import { concurrencyLimit, runMeasuredCli } from '../support/measured-cli.ts';
import { makeCaseDir, removeCaseDirs } from './harness/case-folders.ts';
import { refusalProblems } from './harness/outcomes.ts';
import { runCase } from './harness/run-case.ts';
import { customerTableCsv, threeGroupsCsv, writeFixture } from '../support/cli-fixtures.ts';

const limit = concurrencyLimit(2);
const CASE_TIMEOUT_MS = 20 * 60_000;
/** The hostile files that are tables to score (the JSON ones are settings and previous analyses). */
const TABLES = (Object.keys(SMALL_INPUTS) as SmallInputName[]).filter((name) => !name.endsWith('.json'));

const models: Record<'transactions' | 'customers', { path: string; clusters: string[] }> = {
  transactions: { path: '', clusters: [] },
  customers: { path: '', clusters: [] },
};

beforeAll(async () => {
  const dir = await makeCaseDir();
  for (const [shape, csv] of [
    ['transactions', threeGroupsCsv()],
    ['customers', customerTableCsv()],
  ] as const) {
    const input = await writeFixture(dir, `${shape}.csv`, csv);
    const path = join(dir, `${shape}.model.json`);
    const made = await runMeasuredCli(['analyze', input, '--model', path, '--quiet']);
    expect(made.code).toBe(0);
    const model = JSON.parse(await readFile(path, 'utf8')) as { clusters: { name: { en: string } }[] };
    models[shape] = { path, clusters: model.clusters.map((cluster) => cluster.name.en) };
  }
}, 120_000);

afterAll(async () => {
  await removeCaseDirs();
});

/** A CSV line's fields (quoted fields hold commas, never line breaks, in the customers file). */
function fieldsOf(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((match) => match[1] ?? '').slice(0, -1);
}

/** What is wrong with a successful score: a customer outside the model's clusters, or without a margin. */
async function scoredProblems(customers: string, clusters: readonly string[]): Promise<string[]> {
  const [header = '', ...rows] = (await readFile(customers, 'utf8')).trimEnd().split('\n');
  const names = fieldsOf(header);
  const [cluster, margin] = ['cluster', 'cluster_margin'].map((name) => names.indexOf(name));
  return rows.flatMap((row, index) => {
    const fields = fieldsOf(row);
    const name = (fields[cluster ?? -1] ?? '').replace(/^"|"$/g, '').replaceAll('""', '"');
    const value = Number(fields[margin ?? -1]);
    return clusters.includes(name) && value >= 0 && value <= 1
      ? []
      : [`row ${index + 1}: cluster ${JSON.stringify(name)}, margin ${fields[margin ?? -1]}`];
  });
}

describe.each(['transactions', 'customers'] as const)('score with a %s model', (shape) => {
  it.each(TABLES)(
    '%s: exit 0 in the model clusters, or exit 2 naming the file or --model',
    async (name) => {
      const dir = await makeCaseDir();
      const input = await writeSmallInput(dir, name);
      const customers = join(dir, 'customers.csv');
      const model = models[shape];
      const caseRun = await limit(() =>
        runCase([input, '--model', model.path, '--customers', customers, '--quiet'], {
          inputs: [input, model.path],
          command: 'score',
        }),
      );
      const { run } = caseRun;
      const problems = [...caseRun.problems];
      if (run.code === 0) problems.push(...(await scoredProblems(customers, model.clusters)));
      else if (run.code === 2) problems.push(...refusalProblems(run, { anyOf: [name, '--model'] }));
      else problems.push(`expected exit 0 or 2, got ${run.code === null ? 'no exit' : `exit ${run.code}`}`);
      expect(problems).toEqual([]);
    },
    CASE_TIMEOUT_MS,
  );
});
