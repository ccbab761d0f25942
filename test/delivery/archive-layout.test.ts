import { describe, expect, it } from 'vitest';
import {
  approvalKey,
  archiveFolder,
  holdRecordKey,
  isRunName,
  parseApprovalKey,
  isCsvKey,
  isIncomingObject,
  rejectionReportKey,
  scheduleClaimKey,
  scheduleSeriesFolder,
  uploadClaimKey,
  uploadRunName,
  uploadSeriesFolder,
} from '../../lambda/delivery/archive-layout.ts';
import { DEFAULT_PREFIXES as PREFIXES } from '../support/default-prefixes.ts';

const NOW = new Date('2025-03-05T09:07:03.456Z');

describe('archive layout', () => {
  it('puts each scheduled run under reports/<kind>/<period>/', () => {
    const seriesFolder = scheduleSeriesFolder(PREFIXES, 'weekly');
    expect(archiveFolder({ seriesFolder, runName: '2025-W10' })).toBe('reports/weekly/2025-W10/');
    expect(scheduleSeriesFolder({ ...PREFIXES, reports: 'archive/' }, 'quarterly')).toBe(
      'archive/quarterly/',
    );
  });

  it('gives files of the same name in two folders two series, readable and distinct', () => {
    const shopA = uploadSeriesFolder(PREFIXES, 'incoming/shopA/sales.csv', undefined);
    const shopB = uploadSeriesFolder(PREFIXES, 'incoming/shopB/sales.csv', undefined);
    expect(shopA).toMatch(/^reports\/upload\/files\/shopA-sales-[0-9a-f]{12}\/$/);
    expect(shopB).toMatch(/^reports\/upload\/files\/shopB-sales-[0-9a-f]{12}\/$/);
    // Names that slug alike still differ by the digest of the whole key.
    expect(uploadSeriesFolder(PREFIXES, 'incoming/shop-A/sales.csv', undefined)).not.toBe(
      uploadSeriesFolder(PREFIXES, 'incoming/shop/A-sales.csv', undefined),
    );
    expect(uploadSeriesFolder(PREFIXES, 'incoming/shopA/sales.csv', undefined)).toBe(shopA);
  });

  it('gives every file of a configured dataset one series, whatever the file is called', () => {
    expect(uploadSeriesFolder(PREFIXES, 'incoming/erp/2025-03.csv', 'erp-sales')).toBe(
      'reports/upload/datasets/erp-sales/',
    );
    expect(uploadSeriesFolder(PREFIXES, 'incoming/erp/2025-04.CSV.GZ', 'erp-sales')).toBe(
      'reports/upload/datasets/erp-sales/',
    );
  });

  it('names an upload run by its moment (sortable) and a digest of bucket, key and version', () => {
    const name = uploadRunName(NOW, 'bucket', 'incoming/a.csv', 'v1');
    expect(name).toMatch(/^20250305T090703456Z-[0-9a-f]{12}$/);
    expect(uploadRunName(NOW, 'bucket', 'incoming/a.csv', 'v1')).toBe(name);
    expect(uploadRunName(NOW, 'bucket', 'incoming/a.csv', 'v2')).not.toBe(name);
    expect(uploadRunName(NOW, 'bucket', 'incoming/b.csv', 'v1')).not.toBe(name);
    expect(uploadRunName(NOW, 'other', 'incoming/a.csv', 'v1')).not.toBe(name);
    // Later sorts after, to the millisecond, whatever the digests.
    expect(uploadRunName(new Date('2025-03-05T09:07:03.457Z'), 'bucket', 'incoming/a.csv', 'v0') > name).toBe(
      true,
    );
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

  it('ties the error report of a rejected input to its content and reading options, not only its key', () => {
    const key = 'incoming/shop/bad.csv';
    const rejected = rejectionReportKey(PREFIXES, key, 'abc123', {});
    expect(rejected).toMatch(/^rejected\/incoming\/shop\/bad\.csv\/abc123-[0-9a-f]{12}\.error\.json$/);
    expect(rejectionReportKey(PREFIXES, key, 'def456', {})).not.toBe(rejected);
    const configured = rejectionReportKey(PREFIXES, key, 'abc123', { dateFormat: 'DD/MM/YYYY' });
    expect(configured).not.toBe(rejected);
    // The same options in another order, or with an unset one, are the same reading.
    expect(
      rejectionReportKey(PREFIXES, key, 'abc123', {
        shape: 'auto',
        dateFormat: 'DD/MM/YYYY',
        map: undefined,
      }),
    ).toBe(rejectionReportKey(PREFIXES, key, 'abc123', { dateFormat: 'DD/MM/YYYY', shape: 'auto' }));
  });

  it.each([
    ['incoming/a.csv', true, true],
    ['incoming/shop/a.csv.gz', true, true],
    ['incoming/A.CSV.GZ', true, true],
    ['incoming/Export.Csv', true, true],
    ['incoming/a.txt', true, false],
    ['incoming/a.csv.zip', true, false],
    ['reports/upload/x/customers.csv', false, true],
    ['incoming/', false, false],
    ['incoming/erp/', false, false],
  ])('%s: under incoming %s, a CSV %s', (key, incoming, csv) => {
    expect(isIncomingObject(PREFIXES, key)).toBe(incoming);
    expect(isCsvKey(key)).toBe(csv);
  });
});

describe('held reports in the bucket', () => {
  it('names a hold record and its approval objects by the run', () => {
    expect(holdRecordKey(PREFIXES, '2025-W10')).toBe('runs/held/2025-W10.json');
    expect(approvalKey(PREFIXES, '2025-W10', 'release')).toBe('approvals/2025-W10.release');
    expect(approvalKey(PREFIXES, '2025-W10', 'discard')).toBe('approvals/2025-W10.discard');
  });

  it('reads an approval object back as its run and action, and nothing else as one', () => {
    const run = uploadRunName(NOW, 'bucket', 'incoming/sales.csv', 'v1');
    expect(parseApprovalKey(PREFIXES, approvalKey(PREFIXES, run, 'release'))).toEqual({
      runName: run,
      action: 'release',
    });
    expect(parseApprovalKey(PREFIXES, 'approvals/2025-Q1.discard')).toEqual({
      runName: '2025-Q1',
      action: 'discard',
    });
    for (const key of [
      'approvals/2025-W10.Release',
      'approvals/2025-W10.release.txt',
      'approvals/2025-W10',
      'approvals/../runs/2025-W10.release',
      'approvals/sub/2025-W10.release',
      'approvals/.release',
      'incoming/2025-W10.release',
      `approvals/${'a'.repeat(201)}.release`,
    ]) {
      expect(parseApprovalKey(PREFIXES, key), key).toBeNull();
    }
  });

  it('takes as run names what a period or an upload run is named, nothing with a path or a space', () => {
    expect(isRunName('2025-W10')).toBe(true);
    expect(isRunName(uploadRunName(NOW, 'bucket', 'incoming/a b.csv', 'v1'))).toBe(true);
    for (const name of ['', '../2025-W10', '2025 W10', 'a/b', '-x', 'x'.repeat(201)]) {
      expect(isRunName(name), name).toBe(false);
    }
  });
});
