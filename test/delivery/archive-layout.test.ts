import { describe, expect, it } from 'vitest';
import {
  archiveFolder,
  isInputKey,
  rejectionReportKey,
  scheduleClaimKey,
  uploadClaimKey,
  uploadPeriodId,
} from '../../lambda/delivery/archive-layout.ts';

const PREFIXES = { incoming: 'incoming/', reports: 'reports/', rejected: 'rejected/', runs: 'runs/' };

describe('archive layout', () => {
  it('puts each run under reports/<kind>/<period>/', () => {
    expect(archiveFolder(PREFIXES, 'weekly', '2025-W10')).toBe('reports/weekly/2025-W10/');
    expect(archiveFolder({ ...PREFIXES, reports: 'archive/' }, 'quarterly', '2025-Q1')).toBe(
      'archive/quarterly/2025-Q1/',
    );
  });

  it('names an upload run by its moment (sortable) and the file stem', () => {
    const now = new Date('2025-03-05T09:07:03.456Z');
    expect(uploadPeriodId(now, 'incoming/shop/Export Mars 2025.csv.gz')).toBe(
      '20250305T090703Z-Export-Mars-2025',
    );
    expect(uploadPeriodId(now, 'incoming/data.CSV')).toBe('20250305T090703Z-data');
    expect(uploadPeriodId(now, `incoming/${'x'.repeat(100)}.csv`)).toBe(`20250305T090703Z-${'x'.repeat(60)}`);
    expect(
      uploadPeriodId(new Date('2025-03-05T09:07:04Z'), 'incoming/a.csv') >
        uploadPeriodId(now, 'incoming/z.csv'),
    ).toBe(true);
  });

  it('gives one claim per bucket, key and version', () => {
    const claim = uploadClaimKey(PREFIXES, 'bucket', 'incoming/a.csv', 'v1');
    expect(claim).toMatch(/^runs\/upload\/[0-9a-f]{64}\.json$/);
    expect(uploadClaimKey(PREFIXES, 'bucket', 'incoming/a.csv', 'v1')).toBe(claim);
    expect(uploadClaimKey(PREFIXES, 'bucket', 'incoming/a.csv', 'v2')).not.toBe(claim);
    expect(uploadClaimKey(PREFIXES, 'other', 'incoming/a.csv', 'v1')).not.toBe(claim);
    expect(uploadClaimKey(PREFIXES, 'bucket', 'incoming/b.csv', 'v1')).not.toBe(claim);
  });

  it('gives one claim per scheduled kind and period', () => {
    expect(scheduleClaimKey(PREFIXES, 'weekly', '2025-W10')).toBe('runs/weekly/2025-W10.json');
  });

  it('names the error report of a rejected input after its key', () => {
    expect(rejectionReportKey(PREFIXES, 'incoming/shop/bad.csv')).toBe(
      'rejected/incoming/shop/bad.csv.error.json',
    );
  });

  it.each([
    ['incoming/a.csv', true],
    ['incoming/shop/a.csv.gz', true],
    ['incoming/A.CSV.GZ', true],
    ['incoming/a.txt', false],
    ['incoming/a.csv.zip', false],
    ['reports/upload/x/customers.csv', false],
    ['incoming/', false],
  ])('%s is an input: %s', (key, expected) => {
    expect(isInputKey(PREFIXES, key)).toBe(expected);
  });
});
