/**
 * A stable segmentation in the scheduled runs (issue 18), on the in-memory store and the fake clock: weekly runs
 * on growing exports of the bundled Online Retail sample (each upload the whole history so far). Within a calendar
 * month a run scores its customers into the previous run's clusters; a run of another month refits; `every-run`
 * always refits; a saved segmentation that cannot be used (unreadable, other rules, another shape of input) means a
 * refit and a sent report, never a failure; a held run's segmentation is not kept.
 */
import { describe, expect, it } from 'vitest';
import type { AppConfigInput } from '../../lambda/config/app-config.ts';
import { sameRefitWindow } from '../../lambda/delivery/kept-segmentation.ts';
import type { RunLogger } from '../../lambda/delivery/ports.ts';
import { runScheduledReport } from '../../lambda/delivery/scheduled-run.ts';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import type { SegmentationModel } from '../../lambda/engine/clustering/saved/segmentation-model.ts';
import { HOLD_OFF } from '../support/hold-settings.ts';
import { MemoryDelivery } from '../support/memory-delivery.ts';
import { sampleSlice } from '../support/sample-data.ts';

/** Weekly runs (Monday 07:00 UTC) and the week each reports on, with the export uploaded during that week. */
const WEEKS = {
  /** Mar 10 to 16, 2025: March. */
  W11: { run: '2025-03-17T07:00:00Z', upload: '2025-03-12T12:00:00Z', lines: 4000 },
  /** Mar 17 to 23: March. */
  W12: { run: '2025-03-24T07:00:00Z', upload: '2025-03-19T12:00:00Z', lines: 6000 },
  /** Mar 31 to Apr 6: its last day is in April (and in the second quarter). */
  W14: { run: '2025-04-07T07:00:00Z', upload: '2025-04-02T12:00:00Z', lines: 9000 },
  /** Apr 28 to May 4: May, still the second quarter. */
  W18: { run: '2025-05-05T07:00:00Z', upload: '2025-04-30T12:00:00Z', lines: 12000 },
} as const;
type Week = keyof typeof WEEKS;

/** A bucket with each week's export (the sample's first lines, more each week) and a logger that keeps its lines. */
function bucket(overrides: Partial<AppConfigInput> = {}) {
  const world = new MemoryDelivery(new Date(WEEKS.W11.run), overrides);
  for (const [week, { upload, lines }] of Object.entries(WEEKS)) {
    world.store.put(`incoming/export-${week}.csv`, sampleSlice(lines), new Date(upload));
  }
  const logged: { message: string; fields: Record<string, unknown> | undefined }[] = [];
  const keep = (message: string, fields?: Record<string, unknown>) => logged.push({ message, fields });
  const logger: RunLogger = { info: keep, warn: keep, error: keep };
  const run = async (week: Week) => {
    world.clock.set(new Date(WEEKS[week].run));
    return runScheduledReport({ ...world.context(week), logger }, 'weekly');
  };
  /** How each run started its clusters, in order: 'scored' or 'refit'. */
  const segmentations = () =>
    logged.filter((line) => line.message === 'segmentation').map((line) => line.fields?.['segmentation']);
  return { world, run, logged, segmentations };
}

async function readJson<T>(world: MemoryDelivery, key: string): Promise<T> {
  const stored = await world.store.readText(key);
  if (!stored) throw new Error(`nothing at ${key}`);
  return JSON.parse(stored.text) as T;
}

const analysisOf = (world: MemoryDelivery, week: string, file = 'analysis.json') =>
  readJson<Analysis>(world, `reports/weekly/2025-${week}/${file}`);
const modelOf = (world: MemoryDelivery, week: string) =>
  readJson<SegmentationModel>(world, `reports/weekly/2025-${week}/model.json`);
const keysOf = (analysis: Analysis) => analysis.clusters.clusters.map((cluster) => cluster.key);

describe('the refit window', () => {
  it('is the calendar month, or quarter, of the periods’ last days; every-run has none', () => {
    expect(sameRefitWindow('monthly', '2025-03-16', '2025-03-23')).toBe(true);
    expect(sameRefitWindow('monthly', '2025-03-30', '2025-04-06')).toBe(false);
    expect(sameRefitWindow('monthly', '2024-03-31', '2025-03-30')).toBe(false);
    expect(sameRefitWindow('quarterly', '2025-04-06', '2025-06-29')).toBe(true);
    expect(sameRefitWindow('quarterly', '2025-03-30', '2025-04-06')).toBe(false);
    expect(sameRefitWindow('quarterly', '2025-09-28', '2025-10-05')).toBe(false);
    expect(sameRefitWindow('every-run', '2025-03-16', '2025-03-16')).toBe(false);
  });
});

describe('weekly runs with segmentationRefit monthly (the default)', () => {
  it('score the second week of a month with the first week’s clusters, and refit in the next month', async () => {
    const { world, run, segmentations } = bucket();

    for (const week of ['W11', 'W12', 'W14'] as const) {
      expect(await run(week)).toMatchObject({ status: 'sent' });
    }

    const [first, second, third] = await Promise.all(
      ['W11', 'W12', 'W14'].map((week) => analysisOf(world, week)),
    );
    const [firstModel, secondModel, thirdModel] = await Promise.all(
      ['W11', 'W12', 'W14'].map((week) => modelOf(world, week)),
    );
    expect(segmentations()).toEqual(['refit', 'scored', 'refit']);
    // The first run fitted: its model is its own clusters, on its own as-of day.
    expect(first?.clusters.scoredWith).toBeUndefined();
    expect(firstModel?.asOf).toBe(first?.rfm?.asOf);
    expect(firstModel?.clusters.map((cluster) => cluster.key)).toEqual(keysOf(first as Analysis));
    // The second, on a longer export with a later as-of day, scored into the first's clusters.
    expect(second?.rfm?.asOf).not.toBe(first?.rfm?.asOf);
    expect(second?.clusters.selection?.method).toBe('model');
    expect(second?.clusters.scoredWith).toMatchObject({ asOf: firstModel?.asOf });
    expect(keysOf(second as Analysis)).toEqual(keysOf(first as Analysis));
    expect(secondModel).toEqual(firstModel);
    // Its customers are the longer export's: more of them than the model was fitted on.
    const members = (analysis: Analysis) => analysis.clusters.clusters.reduce((sum, c) => sum + c.size, 0);
    expect(members(second as Analysis)).toBeGreaterThan(firstModel?.customers ?? Infinity);
    // April: a new fit, on its own as-of day, saved as the model of the weeks after it.
    expect(third?.clusters.scoredWith).toBeUndefined();
    expect(third?.clusters.selection?.method).not.toBe('model');
    expect(thirdModel?.asOf).toBe(third?.rfm?.asOf);
    expect(thirdModel?.asOf).not.toBe(firstModel?.asOf);
  }, 120_000);

  it('says so in the email footer of the scored week', async () => {
    const { world, run } = bucket();
    await run('W11');
    await run('W12');

    const [fitted, scored] = world.mailer.toExecutives();
    const asOf = (await modelOf(world, 'W11')).asOf;
    const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${asOf}T00:00:00Z`),
    );
    expect(scored?.text).toContain(`Clusters: the segmentation fitted as of ${day} (K = `);
    expect(fitted?.text).not.toContain('Clusters: the segmentation fitted');
    expect(fitted?.text).toContain('K-means on standardised features');
  }, 120_000);
});

describe('refits instead of keeping a segmentation', () => {
  it('with segmentationRefit every-run, every week', async () => {
    const { world, run, segmentations } = bucket({ segmentationRefit: 'every-run' });
    await run('W11');
    await run('W12');

    expect(segmentations()).toEqual(['refit', 'refit']);
    expect((await analysisOf(world, 'W12')).clusters.scoredWith).toBeUndefined();
    expect((await modelOf(world, 'W12')).asOf).toBe((await analysisOf(world, 'W12')).rfm?.asOf);
  }, 120_000);

  it('with segmentationRefit quarterly, only when a period ends in another quarter', async () => {
    const { world, run, segmentations } = bucket({ segmentationRefit: 'quarterly' });
    for (const week of ['W12', 'W14', 'W18'] as const) await run(week);

    // March, then April (another quarter: a refit), then May (the same quarter: kept).
    expect(segmentations()).toEqual(['refit', 'refit', 'scored']);
    expect((await analysisOf(world, 'W18')).clusters.scoredWith?.asOf).toBe(
      (await modelOf(world, 'W14')).asOf,
    );
  }, 120_000);

  it.each([
    [
      'is not JSON',
      (_model: string) => '{"format": "segment-report/segmentation-model", ',
      'reports/weekly/2025-W11/model.json: not a segmentation model: the model: ',
    ],
    [
      'was made by other segmentation rules',
      (model: string) => JSON.stringify({ ...(JSON.parse(model) as object), rules: 2 }),
      'reports/weekly/2025-W11/model.json: not a segmentation model: rules: must be 1 ',
    ],
    [
      // Read, but refused by the engine: the clusters of a customer table cannot take a transaction log's customers.
      'was fitted on another shape of input',
      (model: string) => JSON.stringify({ ...(JSON.parse(model) as object), shape: 'customers' }),
      'does not fit this input: --model: the model was fitted on a customer table',
    ],
    [
      // E.g. a model with purchase diversity kept by a run that SQL aggregated (no products): scored, then refitted.
      'needs a feature the input has for no customer',
      (model: string) => {
        const parsed = JSON.parse(model) as SegmentationModel;
        return JSON.stringify({
          ...parsed,
          features: [
            ...parsed.features,
            {
              name: 'distinct_categories',
              logTransformed: false,
              mean: 2,
              standardDeviation: 1,
              missingValue: 2,
            },
          ],
          clusters: parsed.clusters.map((cluster) => ({ ...cluster, centroid: [...cluster.centroid, 0] })),
        });
      },
      'needs distinct_categories, which this input has for no customer',
    ],
  ])(
    'when the previous run’s model.json %s: a refit, logged, and the report sent',
    async (_case, spoil, why) => {
      const { world, run, segmentations, logged } = bucket();
      await run('W11');
      const key = 'reports/weekly/2025-W11/model.json';
      world.store.put(key, spoil((await world.store.readText(key))?.text ?? ''));

      expect(await run('W12')).toMatchObject({ status: 'sent' });

      expect(segmentations()).toEqual(['refit', 'refit']);
      expect((await analysisOf(world, 'W12')).clusters.scoredWith).toBeUndefined();
      const reason = String(logged.filter((line) => line.message === 'segmentation')[1]?.fields?.['reason']);
      expect(reason).toContain(why);
    },
    120_000,
  );

  it('when the previous run is held: its segmentation is not kept until it is released', async () => {
    const { world, run, segmentations } = bucket({ hold: { ...HOLD_OFF, holdFirstReport: true } });
    expect(await run('W11')).toMatchObject({ status: 'held' });
    // Kept in the archive for when it is released, but no later run compares itself with it yet.
    expect(await world.store.readText('reports/weekly/2025-W11/model.json')).not.toBeNull();
    expect(await world.store.readText('reports/weekly/2025-W11/analysis.json')).toBeNull();

    const second = await run('W12');

    expect(segmentations()).toEqual(['refit', 'refit']);
    const file = second.status === 'held' ? 'analysis.held.json' : 'analysis.json';
    expect((await analysisOf(world, 'W12', file)).clusters.scoredWith).toBeUndefined();
  }, 120_000);
});
