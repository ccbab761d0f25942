// `score FILE --model PATH` (issue 18): on the file its model was fitted on, every customer gets the analysis's
// cluster and the customers file comes out identical; on a later file, a customer whose purchases (or row) did not
// change keeps its cluster whatever else changed: other customers added, changed or removed, rows reordered; a
// customer table's missing values are taken at the model's mean (not the file's median) and counted by feature.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommandIo, runAnalyzeCommand } from '../../lambda/cli/analyze-command.ts';
import { makeTempDir, REPO_ROOT } from '../support/run-cli.ts';

const DATA = join(REPO_ROOT, 'test', 'data');
const ONLINE_RETAIL = join(DATA, 'online_retail', 'online_retail.csv.gz');
const CDNOW = join(DATA, 'cdnow', 'CDNOW_master.txt.gz');
const PERSONALITY = join(DATA, 'customer_personality', 'marketing_campaign.csv.gz');

const io: CommandIo = {
  stdout: () => undefined,
  stderr: { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream,
  now: new Date('2025-01-01T00:00:00Z'),
};

/** A CSV line's fields (quoted fields hold commas, never line breaks, in these files). */
function fieldsOf(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((match) => match[1] ?? '').slice(0, -1);
}

/** Every customer's cluster, margin and ambiguous flag (or `columns`) from a --customers file, by the header. */
async function clustersIn(
  path: string,
  columns: readonly string[] = ['cluster', 'cluster_margin', 'ambiguous'],
): Promise<Map<string, string>> {
  const [header = '', ...rows] = (await readFile(path, 'utf8')).trimEnd().split('\n');
  const names = fieldsOf(header);
  const at = columns.map((name) => names.indexOf(name));
  expect(at.every((column) => column > 0)).toBe(true);
  return new Map(
    rows.map((row) => {
      const fields = fieldsOf(row);
      return [fields[0] ?? '', at.map((column) => fields[column]).join(' ')];
    }),
  );
}

let dir = '';
beforeAll(async () => {
  dir = await makeTempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Analyses `file` saving its model and customers; then scores `file` with it. */
async function analyseThenScore(file: string, name: string, extra: string[] = []) {
  const model = join(dir, `${name}.model.json`);
  const analysed = join(dir, `${name}.analysed.csv`);
  const scored = join(dir, `${name}.scored.csv`);
  await runAnalyzeCommand([file, '--model', model, '--customers', analysed, '--quiet', ...extra], io);
  const result = await runAnalyzeCommand([file, '--model', model, '--customers', scored, '--quiet'], io, {
    command: 'score',
  });
  return { model, analysed, scored, result };
}

describe('score on the file its model was fitted on', () => {
  it.each([
    ['Online Retail', ONLINE_RETAIL],
    ['CDNOW', CDNOW],
  ])(
    '%s: every customer in the same cluster, the customers file identical',
    async (name, file) => {
      const { analysed, scored, result } = await analyseThenScore(file, name.replace(/ /g, '-'));
      const before = await readFile(analysed, 'utf8');
      expect(before.split('\n').length).toBeGreaterThan(2000);
      expect(await readFile(scored, 'utf8')).toBe(before);
      expect(result.analysis.clusters.selection?.method).toBe('model');
      const missing = Object.values(result.analysis.clusters.scoredWith?.missing ?? {});
      expect(missing.length).toBeGreaterThanOrEqual(3);
      expect(missing.every((count) => count === 0)).toBe(true);
    },
    120_000,
  );

  it('Customer Personality: every customer in the same cluster, same margin; the 24 blank incomes counted', async () => {
    const { analysed, scored, result } = await analyseThenScore(PERSONALITY, 'cp-same');
    const byId = async (path: string) => {
      const [, ...rows] = (await readFile(path, 'utf8')).trimEnd().split('\n');
      // id, cluster (quoted: the names hold a comma), then the margin.
      return new Map(
        rows.map((row) => [row.split(',')[0], /^[^,]*,("[^"]*"|[^,]*),([^,]*)/.exec(row)?.slice(1)]),
      );
    };
    const before = await byId(analysed);
    expect(before.size).toBe(2240);
    expect(await byId(scored)).toEqual(before);
    // pandas: read_csv(sep='\t').Income.isna().sum() == 24; no other clustered column has a blank.
    const missing = result.analysis.clusters.scoredWith?.missing ?? {};
    expect(Object.entries(missing).filter(([, count]) => count > 0)).toEqual([['Income', 24]]);
  }, 120_000);
});

describe('score on a later file', () => {
  it('Online Retail: customers whose lines did not change keep their cluster; new ones are scored', async () => {
    const { model, analysed } = await analyseThenScore(ONLINE_RETAIL, 'or-base');
    const lines = gunzipSync(await readFile(ONLINE_RETAIL))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const [header = '', ...body] = lines;
    // Later: customer 12347 buys again, customer 12348's lines are gone, two new customers arrive; lines reversed.
    const added = [
      '600001,85123A,WHITE HANGING HEART T-LIGHT HOLDER,40,2011-12-05 10:00:00,2.55,12347,Iceland',
      '600002,71053,WHITE METAL LANTERN,1,2011-12-06 10:00:00,3.39,99001,France',
      '600003,22423,REGENCY CAKESTAND 3 TIER,200,2011-12-07 10:00:00,10.95,99002,France',
    ];
    const later = [header, ...body.filter((line) => !line.endsWith(',12348,Finland')).reverse(), ...added];
    const laterFile = join(dir, 'or-later.csv');
    await writeFile(laterFile, `${later.join('\n')}\n`);
    const scoredFile = join(dir, 'or-later.scored.csv');
    await runAnalyzeCommand(
      [laterFile, '--model', model, '--customers', scoredFile, '--as-of', '2011-12-10', '--quiet'],
      io,
      { command: 'score' },
    );
    const before = await clustersIn(analysed);
    const after = await clustersIn(scoredFile);
    expect(after.has('12348')).toBe(false);
    expect(after.get('99001')).toMatch(/\S/);
    expect(after.get('99002')).toMatch(/\S/);
    let kept = 0;
    for (const [id, cluster] of after) {
      if (id === '12347' || id.startsWith('990')) continue;
      expect([id, cluster]).toEqual([id, before.get(id)]);
      kept++;
    }
    expect(kept).toBe(before.size - 2);
  }, 120_000);

  it('Customer Personality: a customer keeps its cluster whatever other rows the file holds, in any order', async () => {
    const { model, analysed } = await analyseThenScore(PERSONALITY, 'cp-base');
    const before = await clustersIn(analysed);
    const [header = '', ...rows] = gunzipSync(await readFile(PERSONALITY))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(rows, { minLength: 1, maxLength: rows.length }),
        async (subset) => {
          const file = join(dir, `cp-subset-${run}.csv`);
          const scored = join(dir, `cp-subset-${run++}.scored.csv`);
          await writeFile(file, `${[header, ...subset].join('\n')}\n`);
          await runAnalyzeCommand([file, '--model', model, '--customers', scored, '--quiet'], io, {
            command: 'score',
          });
          const after = await clustersIn(scored);
          expect(after.size).toBe(subset.length);
          for (const [id, cluster] of after) expect([id, cluster]).toEqual([id, before.get(id)]);
        },
      ),
      { numRuns: 6, seed: 18 },
    );
  }, 120_000);

  it("takes a missing value, or a column the file lacks, at the model's median and counts it by feature", async () => {
    const { model } = await analyseThenScore(PERSONALITY, 'cp-missing');
    const [header = '', ...rows] = gunzipSync(await readFile(PERSONALITY))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const columns = header.split('\t');
    const income = columns.indexOf('Income');
    const wines = columns.indexOf('MntWines');
    // Income blanked on the first 30 rows; MntWines dropped from the file entirely.
    const blank = rows.map((row, index) => {
      const fields = row.split('\t');
      if (index < 30) fields[income] = '';
      return fields.filter((_, column) => column !== wines).join('\t');
    });
    const file = join(dir, 'cp-missing.csv');
    await writeFile(file, `${[columns.filter((_, c) => c !== wines).join('\t'), ...blank].join('\n')}\n`);
    const result = await runAnalyzeCommand([file, '--model', model, '--quiet'], io, { command: 'score' });
    const missing = result.analysis.clusters.scoredWith?.missing ?? {};
    // The file's own 24 blank incomes, and the first 30 rows' (some of which were among those).
    const blankIncomes = blank.filter((row) => row.split('\t')[income] === '').length;
    expect(blankIncomes).toBeGreaterThanOrEqual(30);
    expect(missing.Income).toBe(blankIncomes);
    expect(missing.MntWines).toBe(rows.length);
    expect(
      Object.entries(missing)
        .filter(([, count]) => count > 0)
        .map(([name]) => name)
        .sort(),
    ).toEqual(['Income', 'MntWines']);
  }, 120_000);

  it('Customer Personality prospects (descriptive columns only): scored by the prospect model, its agreement stated', async () => {
    const { model, analysed } = await analyseThenScore(PERSONALITY, 'cp-prospects');
    const before = await clustersIn(analysed, ['cluster']);
    // The people as a bought list or a sign-up form gives them: no purchase, spending, visit or campaign column.
    const lines = gunzipSync(await readFile(PERSONALITY))
      .toString('utf8')
      .trimEnd()
      .split('\n');
    const file = join(dir, 'prospects.tsv');
    await writeFile(file, `${lines.map((line) => line.split('\t').slice(0, 7).join('\t')).join('\n')}\n`);
    const scored = join(dir, 'prospects.scored.csv');
    const result = await runAnalyzeCommand([file, '--model', model, '--customers', scored, '--quiet'], io, {
      command: 'score',
    });
    const prospects = result.analysis.clusters.scoredWith?.prospects;
    expect(prospects?.features).toEqual(['Year_Birth', 'Income', 'Kidhome', 'Teenhome']);
    // The floor of test/engine/clustering/prospects/prospects-customer-personality.test.ts (README: Prospects).
    expect(prospects?.holdoutAgreement).toBeGreaterThan(0.85);
    expect((prospects?.holdoutAgreement ?? 0) - (prospects?.majorityShare ?? 1)).toBeGreaterThan(0.25);
    const after = await clustersIn(scored, ['cluster']);
    expect(after.size).toBe(2240);
    const agreeing = [...after].filter(([id, cluster]) => before.get(id) === cluster).length;
    // On every customer (the model saw them all) the agreement is at least the held-out fifth's, give or take.
    expect(agreeing / after.size).toBeGreaterThan((prospects?.holdoutAgreement ?? 1) - 0.03);
    expect(result.analysis.clusters.scoredWith?.missing).toEqual({
      Year_Birth: 0,
      Income: 24,
      Kidhome: 0,
      Teenhome: 0,
    });
  }, 120_000);
});
