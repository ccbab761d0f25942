/** The schema of a scheduled report's own period (Analysis.activity), beside the analysis schema that uses it. */
import { count, finite, isoDay, object } from './schema-words.ts';

const activityFigures = object({
  first: isoDay,
  end: isoDay,
  orders: count,
  revenue: finite,
  customers: count,
  newCustomers: count.nullable(),
  returningCustomers: count.nullable(),
});

export const periodActivitySchema = object({
  current: activityFigures,
  previous: activityFigures.nullable(),
  yearAgo: activityFigures.nullable(),
});
