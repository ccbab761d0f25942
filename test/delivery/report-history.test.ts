import { describe, expect, it } from 'vitest';
import {
  currentSegments,
  findPreviousRun,
  readArchivedSegments,
} from '../../lambda/delivery/report-history.ts';
import type { RunLogger } from '../../lambda/delivery/ports.ts';
import { MemoryObjectStore } from '../support/memory-object-store.ts';

const PREFIXES = { incoming: 'incoming/', reports: 'reports/', rejected: 'rejected/', runs: 'runs/' };

function recordingLogger(): RunLogger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => {}, warn: (message) => warnings.push(message), error: () => {} };
}

function archivedAnalysis(customers: number): string {
  return JSON.stringify({ schemaVersion: 1, kpis: { customers } });
}

describe('findPreviousRun', () => {
  it('takes the latest archived run of the kind before the current period', async () => {
    const store = new MemoryObjectStore();
    store.put('reports/weekly/2025-W08/analysis.json', archivedAnalysis(8));
    store.put('reports/weekly/2025-W09/analysis.json', archivedAnalysis(9));
    store.put('reports/weekly/2025-W09/report.html', '<html></html>');
    store.put('reports/weekly/2025-W11/analysis.json', archivedAnalysis(11));
    store.put('reports/quarterly/2025-Q1/analysis.json', archivedAnalysis(1));

    const previous = await findPreviousRun(store, PREFIXES, 'weekly', '2025-W10', recordingLogger());

    expect(previous?.periodId).toBe('2025-W09');
    expect(previous?.analysis.kpis.customers).toBe(9);
  });

  it('skips an unreadable or foreign analysis, and finds none before the first run', async () => {
    const store = new MemoryObjectStore();
    store.put('reports/weekly/2025-W07/analysis.json', archivedAnalysis(7));
    store.put('reports/weekly/2025-W08/analysis.json', JSON.stringify({ schemaVersion: 2 }));
    store.put('reports/weekly/2025-W09/analysis.json', '{ truncated');
    const logger = recordingLogger();

    expect((await findPreviousRun(store, PREFIXES, 'weekly', '2025-W10', logger))?.periodId).toBe('2025-W07');
    expect(logger.warnings).toEqual(['unreadable archived analysis skipped']);
    expect(await findPreviousRun(store, PREFIXES, 'weekly', '2025-W07', logger)).toBeNull();
  });
});

describe('readArchivedSegments', () => {
  it("reads each customer's segment key from the archived customers CSV", async () => {
    const store = new MemoryObjectStore();
    store.put(
      'reports/quarterly/2025-Q1/customers.csv',
      [
        'customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_segment,cluster',
        'C1,3,9,900,5,5,5,Champions,High-value loyal',
        "'=HYPERLINK(1),200,2,80,1,3,3,At risk,Lapsed low-value",
        '"Smith, John",30,1,10,3,1,1,About to sleep,Lapsed low-value',
        "C4,5,1,10,5,1,1,Can't lose them,x",
        'C5,5,1,10,5,1,1,,x',
      ].join('\n'),
    );

    const segments = await readArchivedSegments(store, PREFIXES, 'quarterly', '2025-Q1');

    expect([...segments]).toEqual([
      ['C1', 'champions'],
      ['=HYPERLINK(1)', 'atRisk'],
      ['Smith, John', 'aboutToSleep'],
      ['C4', 'cantLoseThem'],
    ]);
  });

  it('is empty when the run archived no customers file', async () => {
    expect((await readArchivedSegments(new MemoryObjectStore(), PREFIXES, 'quarterly', '2025-Q1')).size).toBe(
      0,
    );
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
