// `score` and `analyze --model` with a wrong model or option, one real process per case: exit 2 and exactly one line
// on stderr naming the file or the option, nothing on stdout, no output left behind, the inputs (the FILE and the
// model file) byte for byte what they were.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FORMULA_IDS_CSV,
  customerTableCsv,
  namesIn,
  threeGroupsCsv,
  writeFixture,
} from '../support/cli-fixtures.ts';
import { type CliRun, makeTempDir, runCli, stderrLines } from '../support/run-cli.ts';
import { concurrencyLimit } from '../support/measured-cli.ts';

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface ScoreErrorCase {
  name: string;
  args: (dir: string) => string[];
  message: (dir: string) => RegExp;
}

const CASES: ScoreErrorCase[] = [
  {
    name: 'score without --model',
    args: (dir) => ['score', join(dir, 'log.csv')],
    message: () =>
      /^score: --model: needs the model to score with \(--model PATH, written by segment-report analyze FILE --model PATH\)$/,
  },
  {
    name: 'a model file that does not exist',
    args: (dir) => ['score', join(dir, 'log.csv'), '--model', join(dir, 'missing.json')],
    message: (dir) =>
      new RegExp(`^--model ${literal(join(dir, 'missing.json'))}: cannot read the file \\(no such file\\)$`),
  },
  {
    name: 'a model path that is a device, not a file',
    args: (dir) => ['score', join(dir, 'log.csv'), '--model', '/dev/zero'],
    message: () => /^--model \/dev\/zero: cannot read the file \(not a file\)$/,
  },
  {
    name: 'a model file that is not JSON',
    args: (dir) => ['score', join(dir, 'log.csv'), '--model', join(dir, 'log.csv')],
    message: (dir) => new RegExp(`^--model ${literal(join(dir, 'log.csv'))}: not valid JSON \\(.+\\)$`),
  },
  {
    name: 'JSON that is not a model',
    args: (dir) => ['score', join(dir, 'log.csv'), '--model', join(dir, 'other.json')],
    message: (dir) =>
      new RegExp(
        `^--model ${literal(join(dir, 'other.json'))}: not a segmentation model: format: must be "segment-report/segmentation-model"$`,
      ),
  },
  {
    name: 'a model of another version',
    args: (dir) => ['score', join(dir, 'log.csv'), '--model', join(dir, 'version-9.json')],
    message: (dir) =>
      new RegExp(
        `^--model ${literal(join(dir, 'version-9.json'))}: not a segmentation model: version: must be 1 \\(a model saved by another version: analyse again to save one\\)$`,
      ),
  },
  {
    name: '--k with score',
    args: (dir) => ['score', join(dir, 'log.csv'), '--model', join(dir, 'log.model.json'), '--k', '3'],
    message: () =>
      /^score: --k: the clusters are the model's, so --k has nothing to choose; it is for analyze$/,
  },
  {
    name: 'an output over the model file',
    args: (dir) => [
      'score',
      join(dir, 'log.csv'),
      '--model',
      join(dir, 'log.model.json'),
      '--customers',
      join(dir, 'log.model.json'),
    ],
    message: (dir) =>
      new RegExp(
        `^--customers ${literal(join(dir, 'log.model.json'))}: refusing to overwrite the --model file$`,
      ),
  },
  {
    name: "a transaction log's model on a customer table",
    args: (dir) => ['score', join(dir, 'table.csv'), '--model', join(dir, 'log.model.json')],
    message: (dir) =>
      new RegExp(
        `^${literal(join(dir, 'table.csv'))}: --model: the model was fitted on a transaction log \\(.*log\\.csv\\), this file is a customer table$`,
      ),
  },
  {
    name: 'analyze --model on too few customers to cluster',
    args: (dir) => ['analyze', join(dir, 'seven.csv'), '--model', join(dir, 'never.model.json')],
    message: (dir) =>
      new RegExp(
        `^${literal(join(dir, 'seven.csv'))}: --model: no segmentation to save: too few customers to cluster \\(7\\).*$`,
      ),
  },
];

describe('score with a wrong model or option', () => {
  let dir = '';
  const inputs = ['log.csv', 'log.model.json', 'table.csv', 'seven.csv', 'other.json', 'version-9.json'];
  const before = new Map<string, Buffer>();
  const runs = new Map<string, CliRun>();
  let namesBefore: string[] = [];

  beforeAll(async () => {
    dir = await makeTempDir();
    await writeFixture(dir, 'log.csv', threeGroupsCsv());
    await writeFixture(dir, 'table.csv', customerTableCsv());
    await writeFixture(dir, 'seven.csv', FORMULA_IDS_CSV);
    await writeFixture(dir, 'other.json', '{"format": "something else", "version": 1}\n');
    const made = await runCli([
      'analyze',
      join(dir, 'log.csv'),
      '--model',
      join(dir, 'log.model.json'),
      '--quiet',
    ]);
    expect(made.code).toBe(0);
    const model = JSON.parse(await readFile(join(dir, 'log.model.json'), 'utf8')) as Record<string, unknown>;
    await writeFixture(dir, 'version-9.json', JSON.stringify({ ...model, version: 9 }));
    for (const name of inputs) before.set(name, await readFile(join(dir, name)));
    namesBefore = await namesIn(dir);
    const limit = concurrencyLimit(4);
    await Promise.all(
      CASES.map((testCase) => limit(async () => runs.set(testCase.name, await runCli(testCase.args(dir))))),
    );
  }, 240_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(CASES)('$name: exit 2, one line naming it', (testCase) => {
    const run = runs.get(testCase.name) as CliRun;
    expect(run.stdout).toBe('');
    expect(stderrLines(run)).toHaveLength(1);
    expect(stderrLines(run)[0]).toMatch(/^segment-report: /);
    expect((stderrLines(run)[0] ?? '').slice('segment-report: '.length)).toMatch(testCase.message(dir));
    expect(run.code).toBe(2);
  });

  it('leaves the inputs as they were and writes nothing', async () => {
    for (const name of inputs) expect(await readFile(join(dir, name))).toEqual(before.get(name));
    expect(await namesIn(dir)).toEqual(namesBefore);
  });
});
