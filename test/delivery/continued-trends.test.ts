/**
 * A weekly report whose uploads each hold one week shows the weeks before it: Online Retail split into weekly
 * uploads of that week's lines alone (`scheduleSource: newest`), twelve Monday runs in a row, and the twelfth
 * report is built from twelve weeks, each week's revenue and invoices counted here from the raw lines. The archive
 * keeps each run's own file's trends; an archive that cannot be read, or counts another currency, stops the series
 * there.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Analysis } from '../../lambda/engine/analysis/analysis-types.ts';
import { safeParseAnalysis } from '../../lambda/engine/analysis/parse-analysis.ts';
import { withContinuedTrends } from '../../lambda/delivery/continued-trends.ts';
import type { RunLogger } from '../../lambda/delivery/ports.ts';
import { runScheduledReport } from '../../lambda/delivery/scheduled-run.ts';
import { renderReport } from '../../lambda/report/render/render-report.ts';
import { MemoryDelivery } from '../support/memory-delivery.ts';
import { RETAIL_HEADER, RETAIL_USED, retailLinesByWeek, shiftDay } from '../support/online-retail-weeks.ts';

// The real rendering, watched: what each run gives the report.
vi.mock('../../lambda/report/render/render-report.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../lambda/report/render/render-report.ts')>();
  return { ...original, renderReport: vi.fn(original.renderReport) };
});

/** Twelve weeks whose orders run to the Sunday (the Easter week before them ends on a Thursday). */
const MONDAYS = Array.from({ length: 12 }, (_, week) => shiftDay('2011-05-02', 7 * week));
/** ISO weeks 18 to 29 of 2011: the weekly runs' folders. */
const RUN_NAMES = MONDAYS.map((_, week) => `2011-W${18 + week}`);
const SERIES = 'reports/weekly/';

/** That week's revenue and invoices, from the raw lines. */
function countWeek(monday: string) {
  const end = shiftDay(monday, 7);
  const lines = RETAIL_USED.filter((line) => line.day >= monday && line.day < end);
  return {
    revenue: lines.reduce((sum, line) => sum + line.quantity * line.price, 0),
    orders: new Set(lines.map((line) => line.invoice)).size,
  };
}

/** Each week's file put on its Sunday evening, holding that week's lines only (bad ones too). */
function bucketOfOneWeekUploads(): MemoryDelivery {
  const world = new MemoryDelivery(new Date(`${MONDAYS[0]}T07:00:00Z`), {
    scheduleSource: 'newest',
    report: { locale: 'en', timeZone: 'Europe/London' },
  });
  const weeks = retailLinesByWeek();
  for (const monday of MONDAYS) {
    const lines = weeks.get(monday) ?? [];
    world.store.put(
      `incoming/retail-${monday}.csv`,
      `${[RETAIL_HEADER, ...lines].join('\n')}\n`,
      new Date(`${shiftDay(monday, 6)}T21:00:00Z`),
    );
  }
  return world;
}

async function archived(world: MemoryDelivery, runName: string): Promise<Analysis> {
  return JSON.parse(
    (await world.store.readText(`${SERIES}${runName}/analysis.json`))?.text ?? '{}',
  ) as Analysis;
}

function recordingLogger(): RunLogger & { warnings: { message: string; fields: unknown }[] } {
  const warnings: { message: string; fields: unknown }[] = [];
  return {
    info: () => {},
    error: () => {},
    warn: (message, fields) => warnings.push({ message, fields }),
    warnings,
  };
}

describe('a weekly report from uploads of one week each', () => {
  let world: MemoryDelivery;
  let given: Analysis[];

  beforeAll(async () => {
    world = bucketOfOneWeekUploads();
    vi.mocked(renderReport).mockClear();
    for (const monday of MONDAYS) {
      world.clock.set(new Date(`${shiftDay(monday, 7)}T07:00:00Z`));
      const outcome = await runScheduledReport(world.context(`run-${monday}`), 'weekly');
      expect(outcome).toMatchObject({ status: 'sent', files: [`incoming/retail-${monday}.csv`] });
    }
    given = vi.mocked(renderReport).mock.calls.map(([input]) => input.analysis);
  }, 120_000);

  it("gives the twelfth report twelve weeks, each week's revenue and invoices as the raw lines count them", () => {
    expect(given).toHaveLength(12);
    const trends = given[11]?.trends;
    expect(trends?.unit).toBe('week');
    expect(trends?.periods).toEqual(
      MONDAYS.map((monday) => ({ start: monday, end: shiftDay(monday, 7), partial: false })),
    );
    expect(trends?.fromArchive).toBe(11);
    const counted = MONDAYS.map(countWeek);
    trends?.base.revenue.forEach((revenue, week) =>
      expect(revenue).toBeCloseTo(counted[week]?.revenue ?? -1, 2),
    );
    expect(trends?.base.orders).toEqual(counted.map((week) => week.orders));
    // The forecasts and warnings read all twelve.
    expect(trends?.outlook?.history).toBe(12);
    // Still an analysis by its schema: the file's cohort moved to the twelfth period, its lists fitting it.
    expect(trends?.cohorts.map((cohort) => cohort.period)).toEqual([11]);
    expect(safeParseAnalysis(JSON.parse(JSON.stringify(given[11])))).toMatchObject({ ok: true });
  });

  it('gives each run the weeks so far, and archives only its own file', async () => {
    expect(given.map((analysis) => analysis.trends?.periods.length)).toEqual(
      MONDAYS.map((_, week) => week + 1),
    );
    const last = await archived(world, RUN_NAMES[11] ?? '');
    expect(last.trends?.periods).toEqual([
      { start: MONDAYS[11], end: shiftDay(MONDAYS[11] ?? '', 7), partial: false },
    ]);
    expect(last.trends?.fromArchive).toBeUndefined();
    expect(last.trends?.outlook?.history).toBe(1);
  });

  it('stops at an archive that does not parse, with a log line naming it', async () => {
    const current = await archived(world, RUN_NAMES[11] ?? '');
    world.store.put(`${SERIES}${RUN_NAMES[6]}/analysis.json`, '{"schemaVersion": 1}');
    const logger = recordingLogger();

    const continued = await withContinuedTrends(
      world.store,
      { seriesFolder: SERIES, runName: RUN_NAMES[11] ?? '' },
      current,
      logger,
    );

    expect(continued.trends?.fromArchive).toBe(4);
    expect(continued.trends?.periods[0]?.start).toBe(MONDAYS[7]);
    expect(logger.warnings).toEqual([
      {
        message: 'unreadable archived analysis left out of the trends',
        fields: expect.objectContaining({ folder: `${SERIES}${RUN_NAMES[6]}/` }),
      },
    ]);
  });

  it('stops at an archive of a file in another currency', async () => {
    const current = await archived(world, RUN_NAMES[11] ?? '');
    const euros = await archived(world, RUN_NAMES[9] ?? '');
    euros.input.currency = { code: 'EUR', source: 'column', otherLines: {} };
    world.store.put(`${SERIES}${RUN_NAMES[9]}/analysis.json`, JSON.stringify(euros));

    const continued = await withContinuedTrends(
      world.store,
      { seriesFolder: SERIES, runName: RUN_NAMES[11] ?? '' },
      current,
      recordingLogger(),
    );

    expect(continued.trends?.fromArchive).toBe(1);
    expect(continued.trends?.base.revenue.slice(1)).toEqual(current.trends?.base.revenue);
  });
});
