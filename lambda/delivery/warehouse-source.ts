/**
 * What a scheduled run aggregates with Athena, if anything (issue 16), from the configuration's warehouse
 * (config/warehouse-config.ts): the whole Glue table when it is the source, or, when it lies over the data team's
 * uploads, the very files the run would read (`"$path"`), when the configuration sends them to Athena (always, or
 * past a size). Otherwise nothing: the function reads the files as it always has.
 */
import type { AppConfig } from '../config/app-config.ts';
import { type WarehouseConfig, isOverUploads, warehouseLocation } from '../config/warehouse-config.ts';
import { type AggregateSource, quoted } from '../engine/aggregate/aggregate-sql.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { filesOfPeriod, filesToAnalyse } from './period-input.ts';
import type { StoredObject } from './ports.ts';
import type { ReportPeriod } from './report-period.ts';

/** The lines Athena reads for a run: the relation and how to read it, and the files behind it if any. */
export interface WarehouseSource {
  /** The table, as the report and the notices name it. */
  table: string;
  source: Omit<AggregateSource, 'now'>;
  /** The uploads the relation is limited to; none when the table itself is the source. */
  files: StoredObject[];
  warehouse: WarehouseConfig;
}

/** The table as Athena names it: `"database"."table"`. */
export function tableName(warehouse: WarehouseConfig): string {
  return `${quoted(warehouse.database)}.${quoted(warehouse.table)}`;
}

/** What Athena aggregates for the run of `period`, or null when the function reads its files itself. */
export async function warehouseSource(
  context: Pick<DeliveryContext, 'store' | 'config'>,
  period: Pick<ReportPeriod, 'startsAt' | 'endsAt'>,
): Promise<WarehouseSource | null> {
  const { store, config } = context;
  const warehouse = config.warehouse;
  if (warehouse === undefined) return null;
  const table = tableName(warehouse);
  const read = {
    columns: warehouse.roles,
    dateLayout: warehouse.dateLayout,
    decimalMark: warehouse.decimalMark,
  };
  if (!isOverUploads(warehouse, config.prefixes.incoming)) {
    return { table, source: { ...read, relation: table }, files: [], warehouse };
  }
  const found = await filesOfPeriod(store, config, period);
  const newest = found.inPeriod.at(-1);
  // No file: the function tells the data team there is no new data.
  if (newest === undefined) return null;
  const { files } = filesToAnalyse(config, found, newest);
  const location = warehouseLocation(warehouse, config.prefixes.incoming);
  if (!files.every((file) => file.key.startsWith(location))) return null;
  const bytes = files.reduce((sum, file) => sum + file.size, 0);
  if (warehouse.use === 'over-size' && bytes <= warehouse.overBytes) return null;
  const paths = files.map((file) => sqlString(`s3://${store.bucket}/${file.key}`));
  const relation = `(SELECT * FROM ${table} WHERE "$path" IN (${paths.join(', ')})) AS period_files`;
  return { table, source: { ...read, relation }, files, warehouse };
}

/**
 * Whether an upload is the Athena path's rather than the function's: under a warehouse over the uploads, and past
 * the size the configuration sends to Athena (the function would not read it in its time, and a rejection would keep
 * it out of the scheduled runs too).
 */
export function isLeftToAthena(
  config: Pick<AppConfig, 'warehouse' | 'prefixes'>,
  object: { key: string; size?: number | undefined },
): boolean {
  const { warehouse, prefixes } = config;
  if (warehouse === undefined || object.size === undefined) return false;
  const location = warehouseLocation(warehouse, prefixes.incoming);
  return (
    isOverUploads(warehouse, prefixes.incoming) &&
    object.key.startsWith(location) &&
    object.size > warehouse.overBytes
  );
}

/** A string literal: in single quotes, a single quote doubled. */
function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
