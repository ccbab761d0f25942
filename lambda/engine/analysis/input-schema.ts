/** InputSummary (analysis-types.ts) as data read back: part of analysis-schema.ts, in a file of its own. */
import * as z from 'zod';
import { INPUT_SHAPES, SQL_ENGINES } from './analysis-types.ts';
import { CUSTOMER_TABLE_REJECTIONS, REJECTION_REASONS } from './rejection-reasons.ts';
import { count, countsByKey, lineNumber, object, oneOf, text } from './schema-words.ts';
import { CURRENCY_SOURCES } from '../input/currency-marks.ts';
import { DATE_ORDERS } from '../input/date-parsing.ts';
import { DECIMAL_MARKS } from '../input/number-parsing.ts';
import { DETECTED_ENCODINGS } from '../input/text-decoding.ts';

const REJECTIONS = [...new Set([...REJECTION_REASONS, ...CUSTOMER_TABLE_REJECTIONS])];

export const inputSummary = object({
  source: text,
  shape: oneOf(INPUT_SHAPES),
  encoding: oneOf(DETECTED_ENCODINGS),
  delimiter: text,
  decimalMark: oneOf(DECIMAL_MARKS),
  dateOrder: oneOf(DATE_ORDERS).nullable(),
  /** The report formats amounts with this code: three capitals, as Intl requires. */
  currency: object({
    code: text.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR').nullable(),
    source: oneOf(CURRENCY_SOURCES),
    otherLines: z.record(text, count, { error: 'expected an object' }),
  }).exactOptional(),
  columns: z.record(text, text, { error: 'expected an object' }),
  rowsRead: count,
  rowsUsed: count,
  rowsRejected: countsByKey(REJECTIONS, count),
  firstRejectedLine: countsByKey(REJECTIONS, lineNumber),
  undecodableCharacters: count,
  contentFingerprint: text.exactOptional(),
  aggregatedBy: oneOf(SQL_ENGINES).exactOptional(),
});
