/**
 * The schedule function's two steps in the Athena path's state machine besides the report (issue 16). `plan`: a
 * run whose period's report is already done costs nothing (`done`: the state machine stops before Athena); a run
 * the configuration keeps on the function goes on as always (`function`); otherwise the aggregation's queries in
 * Athena's dialect, on the run's table or files (`athena`). The report step then reads their results under the run's
 * claim (scheduled-run.ts), which keeps one email per period whatever the state machine retries. `failed`: when
 * planning, a query or the report failed, the data team is told what failed, in words, never a stack trace.
 */
import { aggregateQueries } from '../engine/aggregate/aggregate-sql.ts';
import { FileTooLargeError } from '../errors/input-errors.ts';
import { aggregationFailedNotice } from '../report/notices/data-team-notice.ts';
import {
  AGGREGATE_QUERY_NAMES,
  type AggregateQueryName,
  type AggregationRoute,
} from '../vocabulary/aggregation-steps.ts';
import type { ScheduledReportKind } from '../vocabulary/report-kind.ts';
import { DONE_STATES, parseClaimRecord } from './claim-record.ts';
import type { DeliveryContext } from './delivery-context.ts';
import { scheduledRun } from './scheduled-run.ts';
import { tellDataTeam } from './tell-data-team.ts';
import { tableName, warehouseSource } from './warehouse-source.ts';

/** What the state machine does next, and the queries Athena runs when it is Athena's turn. */
export interface AggregationPlan {
  status: 'planned';
  route: AggregationRoute;
  periodId: string;
  queries: { name: AggregateQueryName; sql: string }[];
}

/** Plans the `kind` run at `at` (the state machine's start). */
export async function planScheduledRun(
  context: DeliveryContext,
  kind: ScheduledReportKind,
  at: Date,
): Promise<AggregationPlan> {
  const run = scheduledRun(context, kind, at);
  const periodId = run.period.id;
  const claim = await context.store.readText(run.claimKey);
  if (claim !== null) {
    const record = parseClaimRecord(claim.text, `s3://${context.store.bucket}/${run.claimKey}`);
    // A finished run, or one whose email may have gone: Athena would be paid for nothing.
    if (DONE_STATES.has(record.state) || record.state === 'uncertain') {
      context.logger.info('scheduled run already done', { kind, periodId, state: record.state });
      return { status: 'planned', route: 'done', periodId, queries: [] };
    }
  }
  const found = await warehouseSource(context, run.period);
  if (found === null) return { status: 'planned', route: 'function', periodId, queries: [] };
  const queries = aggregateQueries('athena', { ...found.source, now: at });
  const planned = AGGREGATE_QUERY_NAMES.map((name) => ({ name, sql: queries[name] }));
  const bytes = planned.reduce((sum, query) => sum + Buffer.byteLength(query.sql), 0);
  if (bytes > MAX_PLANNED_SQL_BYTES) {
    throw new FileTooLargeError(
      `the ${kind} run ${periodId} reads ${found.files.length} files, too many to name in Athena's queries ` +
        `(${Math.ceil(bytes / 1000)} kB of SQL; a state holds at most 256 kB): give the table a location of its own ` +
        '(warehouse.location: every run then aggregates the whole table), or merge the files',
    );
  }
  context.logger.info('aggregating with athena', {
    kind,
    periodId,
    table: found.table,
    files: found.files.length,
  });
  return {
    status: 'planned',
    route: 'athena',
    periodId,
    queries: planned,
  };
}

/**
 * The most SQL a plan hands the state machine: a state's data is at most 256 kB (and an Athena query 262,144 bytes).
 * A run on uploads names each of its files (`"$path"`), about 70 bytes a file in each of the three queries.
 */
export const MAX_PLANNED_SQL_BYTES = 200_000;

/** What a failed state said: the state machine's error name and its cause (JSON or text). */
export interface AggregationFailure {
  error: string;
  cause: string;
}

/** Tells the data team the `kind` run at `at` failed in the state machine; returns the notice's message id. */
export async function tellAggregationFailed(
  context: DeliveryContext,
  kind: ScheduledReportKind,
  at: Date,
  failure: AggregationFailure,
): Promise<{ status: 'aggregation-failed'; periodId: string; messageId: string }> {
  const { config } = context;
  const run = scheduledRun(context, kind, at);
  const table = config.warehouse === undefined ? 'Athena' : tableName(config.warehouse);
  const reason = failureInWords(failure);
  const notice = aggregationFailedNotice(config.report.locale, kind, run.period.id, table, reason);
  const messageId = await tellDataTeam(context, notice);
  context.logger.error('aggregation failed', { kind, periodId: run.period.id, error: failure.error, reason });
  return { status: 'aggregation-failed', periodId: run.period.id, messageId };
}

/** The longest reason a notice quotes. */
const MAX_REASON_CHARACTERS = 500;

/**
 * A failure in words: Athena's reason for a failed query, a function's error message (without its stack), or the
 * cause as text; prefixed with the error's name.
 */
export function failureInWords({ error, cause }: AggregationFailure): string {
  const said = reasonOf(cause);
  const words = said === '' ? error : `${error}: ${said}`;
  return words.length > MAX_REASON_CHARACTERS ? `${words.slice(0, MAX_REASON_CHARACTERS - 1)}…` : words;
}

function reasonOf(cause: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(cause);
  } catch {
    return cause.trim();
  }
  if (typeof parsed !== 'object' || parsed === null) return cause.trim();
  const record = parsed as {
    errorMessage?: unknown;
    QueryExecution?: { Status?: { StateChangeReason?: unknown; State?: unknown } };
  };
  const athena = record.QueryExecution?.Status;
  if (athena !== undefined) {
    return [athena.State, athena.StateChangeReason].filter((part) => typeof part === 'string').join(': ');
  }
  if (typeof record.errorMessage === 'string') return record.errorMessage;
  return '';
}
