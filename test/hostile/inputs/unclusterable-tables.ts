// Customer tables that cannot be clustered: every feature constant, or every feature empty.

const CUSTOMER_TABLE_HEADER = 'ID,Income,Recency,MntWines,NumWebPurchases';
const CUSTOMERS = 30;

/** A customer table's text: its header, then one row per customer (numbered from 1) from `row`. */
function customerTableCsv(row: (id: number) => string): string {
  const rows = Array.from({ length: CUSTOMERS }, (_, index) => row(index + 1));
  return `${[CUSTOMER_TABLE_HEADER, ...rows].join('\n')}\n`;
}

/** 30 customers whose every feature has one value (nothing to cluster on). */
export function constantCustomerTableCsv(): string {
  return customerTableCsv((id) => `${id},52000,14,300,4`);
}

/** 30 customers with every feature empty. */
export function emptyCustomerTableCsv(): string {
  return customerTableCsv((id) => `${id},,,,`);
}
