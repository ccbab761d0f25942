/**
 * Online Retail as a Glue table names it (the Athena path, issue 16): its columns in file order, lower case as Glue
 * keeps them, and the column of each role. The steps' end-to-end test and the CDK tests declare their warehouse with it.
 */
import type { AppConfigInput } from '../../lambda/config/app-config.ts';

export const ONLINE_RETAIL_TABLE_COLUMNS = [
  'invoice',
  'stock_code',
  'description',
  'quantity',
  'invoice_date',
  'unit_price',
  'customer_id',
  'country',
] as const;

export const ONLINE_RETAIL_TABLE_ROLES = {
  customer: 'customer_id',
  order: 'invoice',
  date: 'invoice_date',
  quantity: 'quantity',
  price: 'unit_price',
} as const;

type WarehouseInput = NonNullable<AppConfigInput['warehouse']>;

/** The job's `warehouse` over Online Retail as that table, with `overrides` (when runs take Athena, its location...). */
export function onlineRetailWarehouse(overrides: Partial<WarehouseInput> = {}): WarehouseInput {
  return {
    columns: ONLINE_RETAIL_TABLE_COLUMNS.map((name) => ({ name })),
    roles: { ...ONLINE_RETAIL_TABLE_ROLES },
    ...overrides,
  };
}
