// `analyze` run in this process (no spawn): the outputs it writes for a customer table, --quiet, and what is
// left on disk when writing an output fails. Exit codes and stderr are in main.test.ts and main-errors.test.ts.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandIo, explainAnalysisError, runAnalyzeCommand } from '../../lambda/cli/analyze-command.ts';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import { RFM_SEGMENT_KEYS } from '../../lambda/engine/rfm/rfm-segments.ts';
import { customerTableCsv, FORMULA_IDS_CSV, namesIn, writeFixture } from '../support/cli-fixtures.ts';
import { makeTempDir } from '../support/run-cli.ts';
import { InputError, InvalidOptionError } from '../../lambda/errors/input-errors.ts';

/** An io whose stdout and stderr are recorded; stderr is not a terminal. */
function recordingIo(): { io: CommandIo; stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const stream = {
    isTTY: false,
    write(text: string) {
      stderr.push(text);
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  const io = {
    stdout: (text: string) => void stdout.push(text),
    stderr: stream,
    now: new Date('2025-01-01T00:00:00Z'),
  };
  return { io, stdout, stderr };
}

let dir = '';

beforeAll(async () => {
  dir = await makeTempDir();
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runAnalyzeCommand on a customer table', () => {
  it('writes --customers starting customer_id,cluster,cluster_margin,ambiguous, then RFM and the clustered features, one row each', async () => {
    const input = await writeFixture(dir, 'table.csv', customerTableCsv());
    const { io, stdout, stderr } = recordingIo();
    await runAnalyzeCommand(
      [input, '--json', join(dir, 'table.json'), '--customers', join(dir, 'table-customers.csv')],
      io,
    );
    const analysis = JSON.parse(await readFile(join(dir, 'table.json'), 'utf8')) as Analysis;
    expect(analysis.input.shape).toBe('customers');
    expect(analysis.generatedAt).toBe('2025-01-01T00:00:00.000Z');
    const [header, ...rows] = (await readFile(join(dir, 'table-customers.csv'), 'utf8')).split('\n');
    expect(header).toBe(
      'customer_id,cluster,cluster_margin,ambiguous,recency_days,frequency,monetary,r_score,f_score,m_score,' +
        'rfm_segment,' +
        analysis.clusters.features.map((feature) => feature.name).join(','),
    );
    expect(analysis.clusters.features.map((feature) => feature.name)).toEqual(
      expect.arrayContaining(['Income', 'MntWines']),
    );
    expect(rows.pop()).toBe('');
    expect(rows.map((row) => row.split(',')[0])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11',
      '12',
    ]);
    // The cluster column (second, quoted when the name has a comma) counts as many customers as each cluster.
    const clusterOf = (row: string) => /^[^,]*,("(?:[^"]|"")*"|[^,]*),/.exec(row)?.[1]?.replace(/^"|"$/g, '');
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(clusterOf(row) ?? '', (counts.get(clusterOf(row) ?? '') ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual(
      Object.fromEntries(analysis.clusters.clusters.map((cluster) => [cluster.name.en, cluster.size])),
    );
    expect(stdout.join('')).toContain(`${input}: customer table`);
    expect(stderr).toEqual([]);
  });
});

describe('runAnalyzeCommand --quiet', () => {
  it('prints nothing but still writes the outputs', async () => {
    const input = await writeFixture(dir, 'quiet.csv', FORMULA_IDS_CSV);
    const { io, stdout, stderr } = recordingIo();
    await runAnalyzeCommand([input, '--quiet', '--json', join(dir, 'quiet.json')], io);
    expect(stdout).toEqual([]);
    expect(stderr).toEqual([]);
    expect((JSON.parse(await readFile(join(dir, 'quiet.json'), 'utf8')) as Analysis).kpis.customers).toBe(7);
  });
});

describe('runAnalyzeCommand --json with the budget', () => {
  interface Rolled {
    budget: number;
    funded: boolean;
    customers: number;
    flatPerCustomer: number | null;
    subStrategies: { budget: number; actions: { budget: number }[] }[];
  }
  const budgetIn = async (file: string) =>
    (JSON.parse(await readFile(file, 'utf8')) as { budget: { schemaVersion: number; strategies: Rolled[] } })
      .budget;

  it("carries the default playbook's roll-up, each level the sum of the one below", async () => {
    const input = await writeFixture(dir, 'budget.csv', FORMULA_IDS_CSV);
    await runAnalyzeCommand([input, '--quiet', '--json', join(dir, 'budget.json')], recordingIo().io);
    const budget = await budgetIn(join(dir, 'budget.json'));
    expect(budget.schemaVersion).toBe(1);
    expect(budget.strategies.length).toBeGreaterThan(0);
    for (const strategy of budget.strategies) {
      const subs = strategy.subStrategies.map((sub) => sub.budget);
      expect(strategy.budget).toBe(subs.reduce((sum, part) => sum + part, 0));
      for (const sub of strategy.subStrategies) {
        expect(sub.budget).toBe(sub.actions.reduce((sum, action) => sum + action.budget, 0));
      }
    }
  });

  it('follows --settings: a flat 2 a customer gives 2 x customers and no sub-strategies', async () => {
    const input = await writeFixture(dir, 'flat.csv', FORMULA_IDS_CSV);
    const playbook = Object.fromEntries(RFM_SEGMENT_KEYS.map((key) => [key, { investmentPerCustomer: 2 }]));
    await writeFile(join(dir, 'flat-settings.json'), JSON.stringify({ playbook }));
    const args = ['--quiet', '--settings', join(dir, 'flat-settings.json'), '--json', join(dir, 'flat.json')];
    await runAnalyzeCommand([input, ...args], recordingIo().io);
    const strategies = (await budgetIn(join(dir, 'flat.json'))).strategies;
    expect(strategies.map((s) => [s.budget, s.flatPerCustomer, s.subStrategies])).toEqual(
      strategies.map((s) => [2 * s.customers, 2, []]),
    );
  });
});

describe('runAnalyzeCommand when an output cannot be written', () => {
  it('fails with the option named, leaves no temporary file and the input as it was', async () => {
    const folder = join(dir, 'failing');
    await mkdir(join(folder, 'customers.csv'), { recursive: true });
    await writeFile(join(folder, 'customers.csv', 'keep.txt'), 'kept');
    const input = await writeFixture(folder, 'orders.csv', FORMULA_IDS_CSV);
    const { io, stdout } = recordingIo();
    const target = join(folder, 'customers.csv');
    await expect(runAnalyzeCommand([input, '--customers', target], io)).rejects.toThrow(
      new InvalidOptionError(`--customers ${target}: cannot write the file (EISDIR)`),
    );
    expect(await namesIn(folder)).toEqual(['customers.csv', 'orders.csv']);
    expect(await readFile(input, 'utf8')).toBe(FORMULA_IDS_CSV);
    expect(stdout).toEqual([]); // no summary for a run that failed
  });
});

describe('runAnalyzeCommand with the email report', () => {
  it('writes --html and --text with the report, in the language and currency asked for', async () => {
    const input = await writeFixture(dir, 'report-table.csv', customerTableCsv());
    const { io, stdout } = recordingIo();
    const html = join(dir, 'report.html');
    const text = join(dir, 'report.txt');
    await runAnalyzeCommand(
      [input, '--html', html, '--text', text, '--locale', 'fr', '--currency', 'EUR'],
      io,
    );
    expect(await readFile(html, 'utf8')).toContain('<html lang="fr"');
    expect(await readFile(text, 'utf8')).toContain('CHIFFRES CLÉS');
    expect(stdout.join('')).toMatch(/^Report: Rapport de segmentation client/m);
  });

  it('checks --settings before the analysis, so a bad settings file leaves no --json behind', async () => {
    const input = await writeFixture(dir, 'settings-table.csv', customerTableCsv());
    const settings = await writeFixture(dir, 'settings.json', '{"locale":"de"}');
    const json = join(dir, 'never-written.json');
    const { io } = recordingIo();
    await expect(
      runAnalyzeCommand(
        [input, '--json', json, '--html', join(dir, 'never.html'), '--settings', settings],
        io,
      ),
    ).rejects.toThrow(`--settings ${settings}: locale: `);
    expect(await namesIn(dir)).not.toContain('never-written.json');
  });

  it('checks --settings and --previous even without --html or --text: a wrong file is never ignored', async () => {
    const input = await writeFixture(dir, 'settings-only.csv', customerTableCsv());
    const settings = await writeFixture(
      dir,
      'uplift.json',
      '{"playbook":{"champions":{"expectedUplift":5}}}',
    );
    const { io, stdout } = recordingIo();
    await expect(runAnalyzeCommand([input, '--settings', settings], io)).rejects.toThrow(
      new InvalidOptionError(
        `--settings ${settings}: playbook.champions.expectedUplift: must be a number from 0 to 1 ` +
          "(0.05 = 5% of the segment's revenue), got 5",
      ),
    );
    const missing = join(dir, 'no-previous.json');
    await expect(runAnalyzeCommand([input, '--previous', missing], io)).rejects.toThrow(
      new InputError(`--previous ${missing}: cannot read the file (no such file)`),
    );
    expect(stdout).toEqual([]);
  });
});

describe('explainAnalysisError', () => {
  it('names the file and --k when K is more than the customers found', () => {
    const engine = new InvalidOptionError('k must be between 2 and the number of customers (20), got 50');
    const explained = explainAnalysisError(engine, { file: 'data.csv', k: 50 });
    expect(explained).toEqual(
      new InvalidOptionError('data.csv: --k 50: the file has 20 customers; K must be at most 20'),
    );
  });

  it('puts the file in front of an engine message that does not name it, keeping the option', () => {
    const engine = new InputError('Too few customers to cluster: 3', { option: 'shape' });
    const explained = explainAnalysisError(engine, { file: 'data.csv', k: undefined });
    expect(explained).toBeInstanceOf(InputError);
    expect((explained as InputError).message).toBe('data.csv: Too few customers to cluster: 3');
    expect((explained as InputError).option).toBe('shape');
  });

  it('leaves a message that names the file, and errors that are not input errors, as they are', () => {
    const named = new InputError('data.csv: line 3: unterminated quoted field');
    expect(explainAnalysisError(named, { file: 'data.csv', k: 3 })).toBe(named);
    const internal = new TypeError('x is undefined');
    expect(explainAnalysisError(internal, { file: 'data.csv', k: 3 })).toBe(internal);
  });
});
