/**
 * The Athena path's state machine run locally (issue 16): the definition CDK synthesises, interpreted by
 * aws-local-stepfunctions (an implementation of the Amazon States Language), its Lambda tasks calling the real
 * schedule handler on the local S3 and SES, and its Athena task played by DuckDB: each query the plan hands over is
 * the aggregation's Athena text, recognised by what it selects and run in DuckDB's dialect on the same file under the
 * table's column names, its result written to the local S3 under the aggregates prefix as Athena writes it (a header,
 * every value in double quotes), and answered as Athena's `.sync` integration answers (GetQueryExecution's shape).
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { StateMachine } from 'aws-local-stepfunctions';
import { type AggregateSource, aggregateQueries } from '../../../lambda/engine/aggregate/aggregate-sql.ts';
import type { AggregateQueryName } from '../../../lambda/vocabulary/aggregation-steps.ts';
import { synthTemplate, stateMachineDefinition, logicalId, warehouseConfiguration } from './synth-stack.ts';
import type { LocalDelivery } from '../../support/local-delivery.ts';

/** A JSON value, as the interpreter hands tasks their input and takes their result. */
type JSONValue = null | boolean | number | string | JSONValue[] | { [key: string]: JSONValue };

// Node 20 has no Promise.withResolvers (Node 22, the functions' runtime, has); the interpreter calls it as it runs.
const withResolvers = <T>() => {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
};
(Promise as unknown as { withResolvers?: unknown }).withResolvers ??= withResolvers;

/** The synthesised state machine of the warehouse configuration the CDK tests use (Online Retail's columns). */
export function synthesisedDefinition(): object {
  const { stack, template } = synthTemplate(warehouseConfiguration());
  const warehouse = stack.warehouse;
  if (!warehouse) throw new Error('no state machine without a warehouse');
  return stateMachineDefinition(template, logicalId(stack, warehouse.stateMachine));
}

/** How Athena's part is played: DuckDB on a local copy of the table's file, or a query that fails. */
export type AthenaPlay =
  | { file: string; source: Omit<AggregateSource, 'relation' | 'now'>; columns: readonly string[]; now: Date }
  | { fails: string };

/** What each query the plan may hand over selects: its first result column. */
const QUERY_SIGNATURES: Record<AggregateQueryName, string> = {
  orders: 'AS first_ms',
  rejections: 'AS reason',
  totals: 'AS lines_read',
};

export interface LocalExecution {
  /** The execution's output, or its error when it failed. */
  outcome: { status: 'succeeded'; output: unknown } | { status: 'failed'; error: string; cause: string };
  /** The Athena query texts RunQuery was handed, in the order it ran them. */
  queries: string[];
}

/**
 * Runs the state machine once on `input` with the schedule handler of `local` and Athena played as `athena`. The
 * interpreter starts executions on the real clock, so the moment each Lambda task passes (`at`, the execution's
 * start) is checked to be one moment, the same for every step, then replaced by `startedAt`: the run's Monday.
 */
export async function runLocally(
  definition: object,
  local: LocalDelivery,
  input: { kind: 'weekly' | 'quarterly' },
  athena: AthenaPlay,
  startedAt: Date,
): Promise<LocalExecution> {
  const onSchedule = local.scheduleHandler();
  const queries: string[] = [];
  const starts = new Set<string>();
  let invocations = 0;
  const lambda = async (input: JSONValue): Promise<JSONValue> => {
    invocations += 1;
    const payload = (input as { Payload: Record<string, unknown> }).Payload;
    const at = payload.at;
    if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) {
      throw new Error(`no execution start in ${JSON.stringify(payload)}`);
    }
    starts.add(at);
    if (starts.size > 1)
      throw new Error(`the steps disagree on the execution's start: ${[...starts].join(', ')}`);
    const event = { ...payload, at: startedAt.toISOString() };
    const outcome = await onSchedule(event, { awsRequestId: `step-${invocations}` });
    return { Payload: outcome as unknown as JSONValue, StatusCode: 200 };
  };
  const runQuery = async (input: JSONValue): Promise<JSONValue> => {
    const task = input as { QueryString: string };
    queries.push(task.QueryString);
    if ('fails' in athena) {
      const error = new Error(
        JSON.stringify({ QueryExecution: { Status: { State: 'FAILED', StateChangeReason: athena.fails } } }),
      );
      error.name = 'States.TaskFailed';
      throw error;
    }
    return (await playQuery(local, athena, task.QueryString, queries.length)) as JSONValue;
  };
  const machine = new StateMachine(definition as never, { validationOptions: { checkArn: false } });
  const execution = machine.run(input, {
    overrides: {
      taskResourceLocalHandlers: { Plan: lambda, Report: lambda, NotifyDataTeam: lambda, RunQuery: runQuery },
      retryIntervalOverrides: { Plan: 0, Report: 0, NotifyDataTeam: 0, RunQuery: 0 },
    },
  });
  try {
    return { outcome: { status: 'succeeded', output: await execution.result }, queries };
  } catch (error) {
    const failure = error as Error & { cause?: { name?: string; message?: string } };
    return {
      outcome: {
        status: 'failed',
        error: failure.cause?.name ?? failure.name,
        cause: failure.cause?.message ?? '',
      },
      queries,
    };
  }
}

/** One query run by DuckDB, its result stored where Athena writes, answered as `.sync` answers. */
async function playQuery(
  local: LocalDelivery,
  athena: Exclude<AthenaPlay, { fails: string }>,
  athenaText: string,
  index: number,
): Promise<object> {
  const name = (Object.keys(QUERY_SIGNATURES) as AggregateQueryName[]).find((query) =>
    athenaText.includes(QUERY_SIGNATURES[query]),
  );
  if (name === undefined)
    throw new Error(`not one of the aggregation's queries: ${athenaText.slice(0, 200)}`);
  const names = athena.columns.map((column) => `'${column}'`).join(', ');
  const relation = `read_csv('${athena.file}', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', names = [${names}])`;
  const sql = aggregateQueries('duckdb', { ...athena.source, relation, now: athena.now })[name];
  const file = join(tmpdir(), `local-athena-${process.pid}-${index}.csv`);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${sql}) TO '${file}' (HEADER, FORCE_QUOTE *)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  const id = `local-query-${index}`;
  const key = `${local.config.prefixes.aggregates}${id}.csv`;
  await local.upload(key, await readFile(file));
  await rm(file);
  return {
    QueryExecution: {
      QueryExecutionId: id,
      Query: athenaText,
      Status: { State: 'SUCCEEDED' },
      ResultConfiguration: { OutputLocation: `s3://${local.bucket}/${key}` },
      Statistics: { DataScannedInBytes: 4096 },
    },
  };
}
