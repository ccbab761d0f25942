/**
 * The days a scheduled report is about, as delivery computes them and the report names them in its subject and
 * header: one shape shared by both.
 */

/** The first and the last day of the period (both included), as YYYY-MM-DD in the report's time zone. */
export interface PeriodDays {
  first: string;
  last: string;
}
