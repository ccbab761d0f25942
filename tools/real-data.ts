// Where the real data sets live: vendored in test/data/ (origin, licence and sha256 in test/data/SOURCES.md), so
// the tests and the benchmarks run on a fresh clone. The only module that names those files; in tools/ (no engine
// import) so that test/ and bench/ both use it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/** test/data/: the vendored data sets and the pandas reference. */
export const REAL_DATA_DIRECTORY = fileURLToPath(new URL('../test/data/', import.meta.url));

const realData = (path: string): string => join(REAL_DATA_DIRECTORY, path);

/** UCI Online Retail, 541,909 lines, gzip (UTF-8, LF). */
export const ONLINE_RETAIL = realData('online_retail/online_retail.csv.gz');
/** CDNOW master file, 69,659 whitespace-aligned lines, gzip (ASCII, CRLF). */
/** The header of each role in the Online Retail export, as the engine finds them. */
export const ONLINE_RETAIL_ROLES = {
  customer: 'CustomerID',
  order: 'InvoiceNo',
  date: 'InvoiceDate',
  quantity: 'Quantity',
  price: 'UnitPrice',
} as const;
export const CDNOW = realData('cdnow/CDNOW_master.txt.gz');
/** CDNOW's 1/10 sample: 6,919 transactions of 2,357 customers, no header, gzip (ASCII, CRLF). */
export const CDNOW_SAMPLE = realData('cdnow/CDNOW_sample.txt.gz');
/** That sample summarised per customer (ID,x,t_x,T,zbar), the published table, gzip (ASCII, CRLF). */
export const CDNOW_SAMPLE_SUMMARY = realData('cdnow/cdnow_customers_summary_with_transactions.csv.gz');
/** Customer Personality Analysis, 2,240 customers, TAB-separated, gzip (ASCII, CRLF). */
export const CUSTOMER_PERSONALITY = realData('customer_personality/marketing_campaign.csv.gz');
/** The pandas + scikit-learn reference pipeline, run with /usr/bin/python3. */
export const REFERENCE_SCRIPT = realData('reference/rfm_reference.py');

/** A moment after every real data set (they end in 1998, 2011 and 2014). */
export const AFTER_ALL_DATA = new Date('2025-01-01T00:00:00Z');

/** The uncompressed text of one of the gzipped data sets above. */
export function readRealDataText(path: string, encoding: 'utf8' | 'ascii' = 'utf8'): string {
  return gunzipSync(readFileSync(path)).toString(encoding);
}
