/**
 * The Athena path's configuration (issue 16): the Glue table the scheduled runs may aggregate with Athena under
 * Step Functions, how its files are stored (CSV with a declared dialect, or Parquet), the column of each role and
 * how dates and numbers are written, when a run takes that path, and the most one query may scan.
 *
 * Where the table lies decides what a run reads. Under the input prefix (the data team's uploads), a run picks its
 * files as it always does (`scheduleSource`) and Athena reads only those (`"$path"`), when `use` is `always` or
 * when they add up to more than `overBytes`; smaller files stay on the function. Anywhere else in the bucket (a
 * data lake's prefix), the table is the source: every scheduled run aggregates all of it with Athena.
 */
import * as z from 'zod';
import { SQL_DATE_LAYOUTS } from '../engine/aggregate/sql-dialects.ts';

/** A Glue (Hive) name: lower case letters, digits and underscores, as Athena reads them without quoting. */
const glueName = z
  .string()
  .regex(/^[a-z_][a-z0-9_]{0,127}$/, { message: 'must be lower case letters, digits or _, such as sales' });

/** The column types a table may declare: CSV tables are text; Parquet files keep their own types. */
export const WAREHOUSE_COLUMN_TYPES = [
  'string',
  'double',
  'bigint',
  'int',
  'decimal(18,4)',
  'date',
  'timestamp',
] as const;

const columnSchema = z
  .object({ name: glueName, type: z.enum(WAREHOUSE_COLUMN_TYPES).default('string') })
  .strict();

const rolesSchema = z
  .object({
    customer: glueName,
    order: glueName.optional(),
    date: glueName,
    amount: glueName.optional(),
    quantity: glueName.optional(),
    price: glueName.optional(),
  })
  .strict()
  .refine(
    (roles) => roles.amount !== undefined || (roles.quantity !== undefined && roles.price !== undefined),
    {
      message: 'needs amount, or quantity and price',
    },
  )
  .refine(
    (roles) => roles.amount === undefined || (roles.quantity === undefined && roles.price === undefined),
    {
      message: 'takes amount, or quantity and price, not both',
    },
  );

const PREFIX = /^[A-Za-z0-9!_.*'()\-/]+\/$/;

export const warehouseConfigSchema = z
  .object({
    database: glueName.default('segment_report'),
    table: glueName.default('transactions'),
    /** The table's files: a prefix of the data bucket; the input prefix when absent. */
    location: z
      .string()
      .regex(PREFIX, { message: 'must be a key prefix ending with /, such as lake/sales/' })
      .optional(),
    format: z.enum(['csv', 'parquet']).default('csv'),
    /** CSV only: the field separator (one character) and whether the first line is a header. */
    delimiter: z.string().length(1, { message: 'must be one character, such as ; or ,' }).default(','),
    header: z.boolean().default(true),
    /** The table's columns in file order (CSV) or by name (Parquet). */
    columns: z.array(columnSchema).min(1, { message: 'needs the table columns' }),
    /** The column of each role, among `columns`. */
    roles: rolesSchema,
    dateLayout: z.enum(SQL_DATE_LAYOUTS).default('ISO'),
    decimalMark: z.enum(['.', ',']).default('.'),
    /** Under the input prefix: Athena for every scheduled run, or only when its files are over `overBytes`. */
    use: z.enum(['always', 'over-size']).default('over-size'),
    overBytes: z.number().int().positive().default(2_000_000_000),
    /** Athena cancels a query past this many bytes scanned (the workgroup's cut-off; Athena's minimum is 10 MB). */
    scanLimitGigabytes: z.number().min(0.01).max(100_000).default(1_000),
  })
  .strict()
  .superRefine((warehouse, context) => {
    const names = new Set(warehouse.columns.map((column) => column.name));
    for (const [role, name] of Object.entries(warehouse.roles)) {
      if (name !== undefined && !names.has(name)) {
        context.addIssue({
          code: 'custom',
          path: ['roles', role],
          message: `must name one of the table's columns (${[...names].join(', ')})`,
        });
      }
    }
    // Athena's CSV reader (OpenCSVSerde) reads every field as text; types are Parquet's.
    const typed = warehouse.columns.findIndex((column) => column.type !== 'string');
    if (warehouse.format === 'csv' && typed >= 0) {
      context.addIssue({
        code: 'custom',
        path: ['columns', typed, 'type'],
        message:
          'must be string in a CSV table (Athena reads CSV fields as text; the roles say how to read them)',
      });
    }
    if (names.size !== warehouse.columns.length) {
      context.addIssue({ code: 'custom', path: ['columns'], message: 'must not name a column twice' });
    }
  });

export type WarehouseConfig = z.output<typeof warehouseConfigSchema>;

/** The table's prefix in the data bucket: its own, or the input prefix. */
export function warehouseLocation(warehouse: WarehouseConfig, incoming: string): string {
  return warehouse.location ?? incoming;
}

/** Whether the table lies over the data team's uploads (runs pick files) rather than being the source itself. */
export function isOverUploads(warehouse: WarehouseConfig, incoming: string): boolean {
  return warehouseLocation(warehouse, incoming).startsWith(incoming);
}
