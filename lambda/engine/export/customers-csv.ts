import type { CustomerRow } from '../analysis/analysis-types.ts';
import { RFM_SEGMENT_NAMES } from '../rfm/rfm-segments.ts';
import { DEFAULT_CLUSTERING_OPTIONS } from '../clustering/segmentation/clustering-options.ts';

const TRANSACTION_HEADER = [
  'customer_id',
  'recency_days',
  'frequency',
  'monetary',
  'r_score',
  'f_score',
  'm_score',
  'rfm_segment',
  'cluster',
  'cluster_margin',
  'ambiguous',
] as const;

/**
 * The value columns at the end of a transaction log's file, each with its fixed decimals: probabilities to 4,
 * purchases to 3, money to 2. Empty cells when the predictions are withheld or the customer has none.
 */
const VALUE_COLUMNS = [
  ['p_alive', 'probabilityAlive', 4],
  ['expected_purchases', 'expectedPurchases', 3],
  ['expected_order_value', 'expectedOrderValue', 2],
  ['clv', 'clv', 2],
  ['p_high_value', 'probabilityHighValue', 4],
] as const satisfies readonly (readonly [string, keyof CustomerRow, number])[];

/** Characters gathered before customersCsvChunks hands a chunk over. */
const CHUNK_CHARACTERS = 1 << 16;

/**
 * The per-customer file marketing acts on. Transaction logs: the fixed header above. Customer tables:
 * `customer_id,cluster,cluster_margin,ambiguous` then RFM columns when the table allows them, then the clustered
 * features. `cluster_margin` to 4 decimals; `ambiguous` 1 when the margin is below `ambiguousMargin` (the
 * analysis's, clusters.ambiguousMargin), else 0; both empty without clusters.
 * The whole file as one string; customersCsvChunks gives it in pieces, to write a large one as a stream.
 */
export function formatCustomersCsv(
  rows: readonly CustomerRow[],
  shape: 'transactions' | 'customers',
  ambiguousMargin: number = DEFAULT_CLUSTERING_OPTIONS.ambiguousMargin,
): string {
  return [...customersCsvChunks(rows, shape, ambiguousMargin)].join('');
}

/**
 * formatCustomersCsv in pieces of about 64K characters, reading the rows once in order: what is kept at any
 * time is one piece, whatever the number of customers (a 10M-customer file is beyond a JS string's length).
 */
export function* customersCsvChunks(
  rows: Iterable<CustomerRow>,
  shape: 'transactions' | 'customers',
  ambiguousMargin: number = DEFAULT_CLUSTERING_OPTIONS.ambiguousMargin,
): Generator<string> {
  let header: string | undefined;
  let hasRfm = false;
  let featureNames: string[] = [];
  let chunk = '';
  for (const row of rows) {
    if (header === undefined) {
      // A customer table has RFM for every row or for none, so its first row says.
      hasRfm = row.segment !== null;
      featureNames = shape === 'customers' ? Object.keys(row.features ?? {}) : [];
      header = headerLine(shape, hasRfm, featureNames);
      chunk = header;
    }
    const cluster = clusterFields(row, ambiguousMargin);
    chunk +=
      shape === 'transactions'
        ? transactionLine(row, cluster)
        : customerTableLine(row, cluster, hasRfm, featureNames);
    if (chunk.length >= CHUNK_CHARACTERS) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${header === undefined ? headerLine(shape, false, []) : chunk}\n`;
}

/**
 * A transaction log's row, written field by field: a file of millions of customers is millions of these, and
 * arrays spread and joined per row cost more than the writing (the same bytes as the customer table's way).
 */
function transactionLine(row: CustomerRow, cluster: string): string {
  let line = `\n${formatField(row.id)},${rfmFields(row)},${cluster}`;
  for (const [, key, digits] of VALUE_COLUMNS) line += `,${fixed(row[key], digits)}`;
  return `${line},${row.priority ?? ''}`;
}

function customerTableLine(
  row: CustomerRow,
  cluster: string,
  hasRfm: boolean,
  featureNames: readonly string[],
): string {
  const fields = [formatField(row.id), cluster, ...(hasRfm ? [rfmFields(row)] : [])];
  for (const name of featureNames) fields.push(formatField(row.features?.[name]));
  return `\n${fields.join(',')}`;
}

/** The cluster, its margin and whether it is ambiguous (the margin below `ambiguousMargin`), or empty cells. */
function clusterFields(row: CustomerRow, ambiguousMargin: number): string {
  const margin = row.cluster === null ? null : row.clusterMargin;
  const ambiguous = margin === null || !Number.isFinite(margin) ? '' : margin < ambiguousMargin ? '1' : '0';
  return `${formatField(row.cluster)},${fixed(margin, 4)},${ambiguous}`;
}

/** The RFM columns of a row: recency, frequency, monetary, the three scores and the segment's name. */
function rfmFields(row: CustomerRow): string {
  return [
    formatField(row.recencyDays),
    formatField(row.frequency),
    formatField(roundMoney(row.monetary)),
    formatField(row.recencyScore),
    formatField(row.frequencyScore),
    formatField(row.monetaryScore),
    formatField(row.segment && RFM_SEGMENT_NAMES[row.segment].en),
  ].join(',');
}

function headerLine(shape: 'transactions' | 'customers', hasRfm: boolean, featureNames: string[]): string {
  const header =
    shape === 'transactions'
      ? [...TRANSACTION_HEADER, ...VALUE_COLUMNS.map(([name]) => name), 'priority']
      : [
          'customer_id',
          'cluster',
          'cluster_margin',
          'ambiguous',
          ...(hasRfm ? TRANSACTION_HEADER.slice(1, 8) : []),
          ...featureNames,
        ];
  return header.map(formatField).join(',');
}

/**
 * One CSV field: RFC 4180 quoting, and text a spreadsheet would run as a formula (starting with = + - @ TAB CR)
 * neutralised with a leading apostrophe (OWASP CSV injection advice). Numbers are written as numbers.
 */
export function formatField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A number with `digits` decimals (a number needs no quoting), or an empty cell. */
function fixed(value: number | null | undefined, digits: number): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '';
}

function roundMoney(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
