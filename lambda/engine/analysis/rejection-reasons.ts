/**
 * Why an input line is not used: the words the analysis counts rejected lines under. Nothing is dropped silently:
 * every reason is counted and reported, with the first line that gave it.
 */

/**
 * A transaction line's reasons, in the order its cleaning rules check them (transactions/cleaning-rules.ts): a
 * line counts once, under the first rule it breaks.
 */
export const REJECTION_REASONS = [
  /** The line has a different number of fields from the header (often a stray delimiter). */
  'wrongFieldCount',
  /** No customer id: the line cannot be attributed (guest checkouts, UCI rows without CustomerID). */
  'missingCustomer',
  /** The order id is `C` followed by digits: a cancellation (UCI convention). */
  'cancelled',
  /** The date cannot be read in any supported format (or is not a calendar date). */
  'unreadableDate',
  /** The amount names a currency other than the file's (transactions/log-currency.ts): never added up with it. */
  'otherCurrency',
  /** The amount, quantity or price cannot be read as a number. */
  'unreadableNumber',
  /** The amount, quantity, price or quantity x price is beyond ±1e12 (MAX_PLAUSIBLE_AMOUNT): `1e308`, a barcode. */
  'implausibleAmount',
  /** Quantity zero or negative: returns and corrections. */
  'nonPositiveQuantity',
  /** Unit price zero or negative: free items, bad-debt adjustments. */
  'nonPositivePrice',
  /** Amount zero or negative (logs with an amount column): refunds, free lines. */
  'nonPositiveAmount',
  /** Dated after the moment of the analysis. */
  'futureDate',
  /** Dated on or after the as-of date given with --as-of. */
  'afterAsOf',
] as const;

export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** A customer table's reasons: a row of the wrong width, without an id, or repeating an id already read. */
export const CUSTOMER_TABLE_REJECTIONS = ['wrongFieldCount', 'missingCustomer', 'duplicateCustomer'] as const;

export type CustomerTableRejection = (typeof CUSTOMER_TABLE_REJECTIONS)[number];
