// The CDNOW 1/10 sample as the value models' tests read it: raw transactions as order columns, and the published
// per-customer summary (ID,x,t_x,T,zbar) to compare with.
import { CDNOW_SAMPLE, CDNOW_SAMPLE_SUMMARY, readRealDataText } from '../../../tools/real-data.ts';
import type { OrderColumns } from '../../../lambda/engine/value/purchase-summary.ts';

/** The day number (days since 1970-01-01) of a YYYYMMDD date. */
export const dayOf = (yyyymmdd: string): number =>
  Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) /
  86_400_000;

export const CDNOW_SAMPLE_CUSTOMERS = 2_357;
/** The calibration period of the published fit ends on 1997-09-30 (inclusive); the data end on 1998-06-30. */
export const CALIBRATION_END_DAY = dayOf('19970930');
export const OBSERVATION_END_DAY = dayOf('19980630');

/** The sample's lines (no header, CRLF removed). */
export function cdnowSampleLines(): string[] {
  return readRealDataText(CDNOW_SAMPLE, 'ascii').trim().split(/\r?\n/);
}

/** Lines of CDNOW_sample.txt as order columns: customer index = sample id - 1, day number, dollar value. */
export function ordersFromLines(lines: readonly string[]): OrderColumns {
  const count = lines.length;
  const orders = {
    count,
    customers: new Int32Array(count),
    days: new Int32Array(count),
    amounts: new Float64Array(count),
  };
  lines.forEach((line, index) => {
    const [, sampleId = '', date = '', , dollars = ''] = line.trim().split(/\s+/);
    orders.customers[index] = Number(sampleId) - 1;
    orders.days[index] = dayOf(date);
    orders.amounts[index] = Number(dollars);
  });
  return orders;
}

/** The published summary, as printed: one row of strings per customer, in ID order. */
export function publishedSummaryRows(): { id: number; x: string; tx: string; T: string; zbar: string }[] {
  const [, ...rows] = readRealDataText(CDNOW_SAMPLE_SUMMARY, 'ascii').trim().split(/\r?\n/);
  return rows.map((row) => {
    const [id = '', x = '', tx = '', T = '', zbar = ''] = row.split(',');
    return { id: Number(id), x, tx, T, zbar };
  });
}
