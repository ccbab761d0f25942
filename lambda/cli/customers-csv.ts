/** The customers CSV now lives with the engine, shared by the command line and the Lambdas. */
export { formatCustomersCsv } from '../engine/export/customers-csv.ts';
