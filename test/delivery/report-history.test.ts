import { describe, expect, it } from 'vitest';
import type { RunLogger } from '../../lambda/delivery/ports.ts';
import {
  currentSegments,
  findPreviousRun,
  formatSegmentsFile,
  readArchivedSegments,
} from '../../lambda/delivery/report-history.ts';
import { analysisFixture } from '../report/fixtures/analysis-fixture.ts';
import { MemoryObjectStore } from '../support/memory-object-store.ts';

const SERIES = 'reports/weekly/';

function recordingLogger(): RunLogger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => {}, warn: (message) => warnings.push(message), error: () => {} };
}

function archivedAnalysis(customers: number): string {
  return JSON.stringify(analysisFixture({ kpis: { customers } }));
}

describe('findPreviousRun', () => {
  it('takes the latest archived run of the series before the current one', async () => {
    const store = new MemoryObjectStore();
    store.put('reports/weekly/2025-W08/analysis.json', archivedAnalysis(8));
    store.put('reports/weekly/2025-W09/analysis.json', archivedAnalysis(9));
    store.put('reports/weekly/2025-W09/report.html', '<html></html>');
    store.put('reports/weekly/2025-W11/analysis.json', archivedAnalysis(11));
    store.put('reports/quarterly/2025-Q1/analysis.json', archivedAnalysis(1));

    const history = await findPreviousRun(store, SERIES, '2025-W10', recordingLogger());

    expect(history.previous?.runName).toBe('2025-W09');
    expect(history.previous?.folder).toBe('reports/weekly/2025-W09/');
    expect(history.previous?.analysis.kpis.customers).toBe(9);
    expect(history.skipped).toEqual([]);
  });

  it('skips every archive that does not parse with the schema, says why, and finds none before the first', async () => {
    const store = new MemoryObjectStore();
    store.put('reports/weekly/2025-W05/analysis.json', archivedAnalysis(5));
    store.put('reports/weekly/2025-W06/analysis.json', JSON.stringify({ schemaVersion: 2 }));
    store.put('reports/weekly/2025-W07/analysis.json', '{ truncated');
    const nullRevenue = JSON.parse(archivedAnalysis(8)) as { kpis: { revenue: unknown } };
    nullRevenue.kpis.revenue = null;
    store.put('reports/weekly/2025-W08/analysis.json', JSON.stringify(nullRevenue));
    const stringCustomers = JSON.parse(archivedAnalysis(9)) as { kpis: { customers: unknown } };
    stringCustomers.kpis.customers = '9';
    store.put('reports/weekly/2025-W09/analysis.json', JSON.stringify(stringCustomers));
    const logger = recordingLogger();

    const history = await findPreviousRun(store, SERIES, '2025-W10', logger);

    expect(history.previous?.runName).toBe('2025-W05');
    expect(history.skipped.map((skipped) => skipped.runName)).toEqual([
      '2025-W09',
      '2025-W08',
      '2025-W07',
      '2025-W06',
    ]);
    expect(history.skipped[0]?.problem).toContain('kpis.customers');
    expect(history.skipped[1]?.problem).toContain('kpis.revenue');
    expect(logger.warnings).toHaveLength(4);
    expect((await findPreviousRun(store, SERIES, '2025-W05', logger)).previous).toBeNull();
  });

  it('does not look into other series nested under its folder', async () => {
    const store = new MemoryObjectStore();
    store.put('reports/upload/files/a-1/20250301T000000Z-x/analysis.json', archivedAnalysis(1));

    const history = await findPreviousRun(store, 'reports/upload/', '20250305T000000Z-y', recordingLogger());

    expect(history.previous).toBeNull();
  });
});

describe('segments of a run', () => {
  it('round-trips every id exactly, formula-like ones and commas included, without the CSV', async () => {
    const store = new MemoryObjectStore();
    const customers = [
      { id: 'C1', segment: 'champions' },
      { id: '=HYPERLINK(1)', segment: 'atRisk' },
      { id: "'quoted", segment: 'lost' },
      { id: 'Smith, John', segment: 'aboutToSleep' },
      { id: '__proto__', segment: 'loyal' },
      { id: 'C5', segment: null },
    ];
    store.put('reports/quarterly/2025-Q1/segments.json', formatSegmentsFile(customers));

    const segments = await readArchivedSegments(store, 'reports/quarterly/2025-Q1/', recordingLogger());

    expect(segments === null ? null : [...segments]).toEqual([
      ['C1', 'champions'],
      ['=HYPERLINK(1)', 'atRisk'],
      ["'quoted", 'lost'],
      ['Smith, John', 'aboutToSleep'],
      ['__proto__', 'loyal'],
    ]);
  });

  it('is null, with a warning, when the run archived no segments or unreadable ones', async () => {
    const store = new MemoryObjectStore();
    const logger = recordingLogger();
    expect(await readArchivedSegments(store, 'reports/quarterly/2025-Q1/', logger)).toBeNull();
    store.put(
      'reports/quarterly/2025-Q2/segments.json',
      JSON.stringify({ schemaVersion: 1, customers: [['C1', 'notASegment']] }),
    );
    expect(await readArchivedSegments(store, 'reports/quarterly/2025-Q2/', logger)).toBeNull();
    expect(logger.warnings).toEqual(['unreadable archived segments skipped']);
  });

  it('reads current customers in the same form', () => {
    expect([
      ...currentSegments([
        { id: 'C1', segment: 'champions' },
        { id: 'C2', segment: null },
      ]),
    ]).toEqual([['C1', 'champions']]);
  });
});
