/**
 * The Athena path's configuration (job.warehouse): the defaults a data team gets from columns and roles alone, and
 * every wrong value refused with its path and what it takes: Glue names, roles naming no column, both amount and
 * quantity, typed columns in a CSV table, and a location where the functions or Athena write, or above the uploads.
 */
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '../../lambda/config/app-config.ts';
import { isOverUploads, warehouseLocation } from '../../lambda/config/warehouse-config.ts';
import { MINIMAL, refusal } from './config-refusal.ts';

const COLUMNS = [{ name: 'invoice' }, { name: 'day' }, { name: 'client' }, { name: 'total' }];
const ROLES = { customer: 'client', order: 'invoice', date: 'day', amount: 'total' };
const withWarehouse = (warehouse: Record<string, unknown>, prefixes?: Record<string, string>) => ({
  ...MINIMAL,
  ...(prefixes ? { prefixes } : {}),
  warehouse: { columns: COLUMNS, roles: ROLES, ...warehouse },
});

describe('the warehouse configuration', () => {
  it('needs only the columns and the roles, and lies over the uploads by default', () => {
    const { warehouse, prefixes } = parseAppConfig(withWarehouse({}));

    expect(warehouse).toEqual({
      database: 'segment_report',
      table: 'transactions',
      format: 'csv',
      delimiter: ',',
      header: true,
      columns: COLUMNS.map((column) => ({ ...column, type: 'string' })),
      roles: ROLES,
      dateLayout: 'ISO',
      decimalMark: '.',
      use: 'over-size',
      overBytes: 2_000_000_000,
      scanLimitGigabytes: 1_000,
    });
    expect(prefixes.aggregates).toBe('aggregates/');
    expect(warehouse && warehouseLocation(warehouse, prefixes.incoming)).toBe('incoming/');
    expect(warehouse && isOverUploads(warehouse, prefixes.incoming)).toBe(true);
    const lake = parseAppConfig(withWarehouse({ location: 'lake/sales/' })).warehouse;
    expect(lake && isOverUploads(lake, 'incoming/')).toBe(false);
    expect(parseAppConfig(MINIMAL).warehouse).toBeUndefined();
  });

  it('keeps Parquet columns typed', () => {
    const columns = [...COLUMNS.slice(0, 3), { name: 'total', type: 'double' }];
    const { warehouse } = parseAppConfig(withWarehouse({ format: 'parquet', columns }));
    expect(warehouse?.columns.at(-1)).toEqual({ name: 'total', type: 'double' });
  });

  it('refuses each wrong value with its path', () => {
    expect(refusal(withWarehouse({ table: 'Sales Lines' }))).toBe(
      'configuration: warehouse.table: must be lower case letters, digits or _, such as sales',
    );
    expect(refusal(withWarehouse({ roles: { ...ROLES, customer: 'customer_id' } }))).toBe(
      "configuration: warehouse.roles.customer: must name one of the table's columns (invoice, day, client, total)",
    );
    expect(refusal(withWarehouse({ roles: { ...ROLES, quantity: 'total', price: 'total' } }))).toBe(
      'configuration: warehouse.roles: takes amount, or quantity and price, not both',
    );
    expect(refusal(withWarehouse({ roles: { customer: 'client', date: 'day' } }))).toBe(
      'configuration: warehouse.roles: needs amount, or quantity and price',
    );
    expect(
      refusal(withWarehouse({ columns: [...COLUMNS.slice(0, 3), { name: 'total', type: 'double' }] })),
    ).toBe(
      'configuration: warehouse.columns.3.type: must be string in a CSV table (Athena reads CSV fields as text; the roles say how to read them)',
    );
    expect(refusal(withWarehouse({ columns: [...COLUMNS, { name: 'day' }] }))).toBe(
      'configuration: warehouse.columns: must not name a column twice',
    );
    expect(refusal(withWarehouse({ delimiter: ';;' }))).toBe(
      'configuration: warehouse.delimiter: must be one character, such as ; or ,',
    );
    expect(refusal(withWarehouse({ scanLimitGigabytes: 0.001 }))).toMatch(
      /^configuration: warehouse\.scanLimitGigabytes: /,
    );
  });

  it('keeps the table apart from where the functions and Athena write, and never above the uploads', () => {
    expect(refusal(withWarehouse({ location: 'reports/lake/' }))).toBe(
      'configuration: warehouse.location: must not overlap the reports prefix reports/ (neither may start with the other)',
    );
    expect(refusal(withWarehouse({ location: 'aggregates/' }))).toBe(
      'configuration: warehouse.location: must not overlap the aggregates prefix aggregates/ (neither may start with the other)',
    );
    expect(refusal(withWarehouse({ location: 'data/' }, { incoming: 'data/incoming/' }))).toBe(
      'configuration: warehouse.location: must be the input prefix data/incoming/, a prefix under it, or apart from it, not above it',
    );
    expect(refusal({ ...MINIMAL, prefixes: { incoming: 'incoming/', aggregates: 'incoming/athena/' } })).toBe(
      'configuration: prefixes.aggregates: must not overlap the input prefix incoming/ (neither may start with the other)',
    );
    expect(
      refusal({ ...MINIMAL, prefixes: { approvals: 'approvals/', aggregates: 'approvals/athena/' } }),
    ).toBe(
      'configuration: prefixes.approvals: must not overlap the aggregates prefix approvals/athena/ (neither may start with the other)',
    );
    expect(parseAppConfig(withWarehouse({ location: 'incoming/lake/' })).warehouse?.location).toBe(
      'incoming/lake/',
    );
  });
});
