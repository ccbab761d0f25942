import type { CustomerRow } from '../analysis-types.ts';
import { RFM_SEGMENT_NAMES } from '../rfm/rfm-segments.ts';

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
] as const;

/**
 * The per-customer file marketing acts on. Transaction logs: the fixed header above. Customer tables:
 * `customer_id,cluster` then RFM columns when the table allows them, then the clustered features.
 */
export function formatCustomersCsv(
  rows: readonly CustomerRow[],
  shape: 'transactions' | 'customers',
): string {
  const featureNames = shape === 'customers' ? Object.keys(rows[0]?.features ?? {}) : [];
  const hasRfm = rows.some((row) => row.segment !== null);
  const header =
    shape === 'transactions'
      ? [...TRANSACTION_HEADER]
      : ['customer_id', 'cluster', ...(hasRfm ? TRANSACTION_HEADER.slice(1, 8) : []), ...featureNames];
  const lines = [header.map(formatField).join(',')];
  for (const row of rows) {
    const rfm = [
      row.recencyDays,
      row.frequency,
      roundMoney(row.monetary),
      row.recencyScore,
      row.frequencyScore,
      row.monetaryScore,
      row.segment && RFM_SEGMENT_NAMES[row.segment].en,
    ];
    const fields =
      shape === 'transactions'
        ? [row.id, ...rfm, row.cluster]
        : [row.id, row.cluster, ...(hasRfm ? rfm : []), ...featureNames.map((name) => row.features?.[name])];
    lines.push(fields.map(formatField).join(','));
  }
  return `${lines.join('\n')}\n`;
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

function roundMoney(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}
