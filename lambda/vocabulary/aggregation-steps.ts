/**
 * The words the Athena path's state machine (infra) and the schedule function (handlers) share (issue 16). The
 * state machine asks the function to plan a scheduled run (`plan`), runs the planned queries in Athena, hands
 * their results to the function (`report`), and, when any of that fails, asks it to tell the data team
 * (`aggregation-failed`).
 */

/** The `step` of the function's events from the state machine. */
export const AGGREGATION_STEPS = { plan: 'plan', report: 'report' } as const;

/** The `task` of the event that tells the data team a run's aggregation failed. */
export const AGGREGATION_FAILED_TASK = 'aggregation-failed';

/** What a plan says: nothing to do (the period's report is done), the function reads files, or Athena runs the queries. */
export const AGGREGATION_ROUTES = ['done', 'function', 'athena'] as const;
export type AggregationRoute = (typeof AGGREGATION_ROUTES)[number];

/** The queries Athena runs for a run, each one result file the report reads. */
export const AGGREGATE_QUERY_NAMES = ['orders', 'rejections', 'totals'] as const;
export type AggregateQueryName = (typeof AGGREGATE_QUERY_NAMES)[number];
