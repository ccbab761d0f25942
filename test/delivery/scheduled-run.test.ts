/**
 * The scheduled run's logic on the in-memory store and the fake clock: which files of the bucket a period reads,
 * what an empty period sends, and how the claim ends. The handler and the local S3 are in test/handlers.
 */
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import { runScheduledReport } from '../../lambda/delivery/scheduled-run.ts';
import { MemoryDelivery } from '../support/memory-delivery.ts';
import { sampleSlice } from '../support/sample-data.ts';

/** Monday 07:00 in London: the weekly run reports on 2025-W11, Monday 10 to Sunday 16 March. */
const MONDAY = new Date('2025-03-17T07:00:00Z');
const [HEADER = '', ...LINES] = sampleSlice(1400).trimEnd().split('\n');
const FIRST_HALF = `${[HEADER, ...LINES.slice(0, 700)].join('\n')}\n`;
const SECOND_HALF = `${[HEADER, ...LINES.slice(700)].join('\n')}\n`;

/** A bucket with one file before the period and two during it. */
function bucketWithAWeekOfFiles(configOverrides = {}): MemoryDelivery {
  const world = new MemoryDelivery(MONDAY, configOverrides);
  world.store.put('incoming/before.csv', FIRST_HALF, new Date('2025-03-07T12:00:00Z'));
  world.store.put('incoming/tuesday.csv', FIRST_HALF, new Date('2025-03-11T12:00:00Z'));
  world.store.put('incoming/thursday.csv', SECOND_HALF, new Date('2025-03-13T12:00:00Z'));
  return world;
}

async function archivedAnalysis(world: MemoryDelivery, folder: string): Promise<Analysis> {
  return JSON.parse((await world.store.readText(`${folder}analysis.json`))?.text ?? '{}') as Analysis;
}

describe('a scheduled run', () => {
  it("reports on the period's newest file, archives the period and closes its claim as sent", async () => {
    const world = bucketWithAWeekOfFiles();

    const outcome = await runScheduledReport(world.context(), 'weekly');

    expect(outcome).toEqual({
      status: 'sent',
      periodId: '2025-W11',
      messageId: 'message-1',
      archive: 'reports/weekly/2025-W11/',
      files: ['incoming/thursday.csv'],
    });
    expect((await archivedAnalysis(world, 'reports/weekly/2025-W11/')).input.rowsRead).toBe(700);
    const [email] = world.mailer.toExecutives();
    expect(email?.subject).toMatch(/^Weekly report, Mar 10, 2025 to Mar 16, 2025: /);
    expect(world.mailer.sent).toHaveLength(1);
    expect(await world.claim('runs/weekly/2025-W11.json')).toMatchObject({
      state: 'sent',
      detail: 'message-1',
    });
  });

  it('reads every file of the period as one when configured so, and none from before it', async () => {
    const world = bucketWithAWeekOfFiles({ scheduleSource: 'period' });

    const outcome = await runScheduledReport(world.context(), 'weekly');

    expect(outcome).toMatchObject({
      status: 'sent',
      files: ['incoming/tuesday.csv', 'incoming/thursday.csv'],
    });
    expect((await archivedAnalysis(world, 'reports/weekly/2025-W11/')).input.rowsRead).toBe(1400);
  });

  it('reads every file up to the end of the period as one with scheduleSource history, none after it', async () => {
    const world = bucketWithAWeekOfFiles({ scheduleSource: 'history' });
    world.store.put('incoming/next-week.csv', SECOND_HALF, new Date('2025-03-18T12:00:00Z'));

    const outcome = await runScheduledReport(world.context(), 'weekly');

    expect(outcome).toMatchObject({
      status: 'sent',
      files: ['incoming/before.csv', 'incoming/tuesday.csv', 'incoming/thursday.csv'],
    });
    expect((await archivedAnalysis(world, 'reports/weekly/2025-W11/')).input.rowsRead).toBe(2100);
  });

  it("counts the period's days in its analysis, and says when the file has no order in them", async () => {
    const world = bucketWithAWeekOfFiles();

    await runScheduledReport(world.context(), 'weekly');

    const { activity, period } = await archivedAnalysis(world, 'reports/weekly/2025-W11/');
    expect(activity?.current).toMatchObject({ first: '2025-03-10', end: '2025-03-17', orders: 0 });
    expect(activity?.previous).toMatchObject({ first: '2025-03-03', end: '2025-03-10', orders: 0 });
    expect(activity?.yearAgo).toMatchObject({ first: '2024-03-11', end: '2024-03-18', orders: 0 });
    expect((period.lastPurchase ?? '') < '2025-03-10').toBe(true);
    expect(world.mailer.toExecutives()[0]?.subject).toMatch(
      /^Weekly report, Mar 10, 2025 to Mar 16, 2025: no orders in the file \(its last order is on [A-Z][a-z]{2} \d+, 20\d\d\)$/,
    );
  });

  it('tells the data team, and not the executives, when no file came during the period', async () => {
    const world = new MemoryDelivery(MONDAY);
    world.store.put('incoming/before.csv', FIRST_HALF, new Date('2025-03-07T12:00:00Z'));

    const outcome = await runScheduledReport(world.context(), 'weekly');

    expect(outcome).toEqual({ status: 'no-new-data', periodId: '2025-W11', messageId: 'message-1' });
    expect(world.mailer.toExecutives()).toEqual([]);
    const [notice] = world.mailer.toDataTeam();
    expect(notice?.subject).toBe('No new data for the weekly report (2025-W11 (2025-03-10 – 2025-03-16))');
    expect(notice?.text).toContain('The newest file is s3://memory-bucket/incoming/before.csv.');
    expect(world.keys('reports/')).toEqual([]);
    expect(await world.claim('runs/weekly/2025-W11.json')).toMatchObject({
      state: 'skipped',
      detail: 'no new data',
    });
  });

  it('tells the data team when the files of the period cannot be read as one', async () => {
    const world = bucketWithAWeekOfFiles({ scheduleSource: 'period' });
    world.store.put('incoming/thursday.csv', 'Other,Header\n1,2\n', new Date('2025-03-13T12:00:00Z'));

    const outcome = await runScheduledReport(world.context(), 'weekly');

    expect(outcome).toEqual({ status: 'failed-input', periodId: '2025-W11', messageId: 'message-1' });
    expect(world.mailer.toExecutives()).toEqual([]);
    const [notice] = world.mailer.toDataTeam();
    expect(notice?.subject).toBe(
      'File rejected: s3://memory-bucket/incoming/tuesday.csv, s3://memory-bucket/incoming/thursday.csv',
    );
    expect(notice?.text).toContain('its header differs from the first file of the period');
    expect(await world.claim('runs/weekly/2025-W11.json')).toMatchObject({ state: 'rejected' });
  });

  it('runs once per period: a second run of the same period stops at the claim', async () => {
    const world = bucketWithAWeekOfFiles();
    await runScheduledReport(world.context('first'), 'weekly');

    const again = await runScheduledReport(world.context('second'), 'weekly');

    expect(again).toEqual({ status: 'duplicate', state: 'sent', periodId: '2025-W11' });
    expect(world.mailer.sent).toHaveLength(1);
  });
});
