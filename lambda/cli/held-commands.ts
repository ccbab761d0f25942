/**
 * The data team's commands on held reports (issue 15): `release RUN` sends a held report to the executives once,
 * `discard RUN --reason TEXT` records that it is not sent, `held` lists the held reports and what became of them.
 * The decision itself is the delivery code's (held-report-decision.ts), the same an approval object takes; this
 * file reads the command line, prints one line of what happened, and turns a failure to reach the bucket into one
 * line too. A refused decision (unknown run, expired, already discarded) is the person's input: exit 2.
 */
import { userInfo } from 'node:os';
import {
  decideHeldReport,
  type DecisionOutcome,
  type DecisionRequest,
} from '../delivery/held-report-decision.ts';
import { holdRecordFolder } from '../delivery/archive-layout.ts';
import type { DeliveryContext } from '../delivery/delivery-context.ts';
import { messageOf, SegmentReportError } from '../errors/segment-report-error.ts';
import { bucketContext } from '../handlers/command-line-context.ts';
import { parseDecisionArguments, parseHeldListArguments } from './held-arguments.ts';
import { listHeldReports } from './held-listing.ts';
import { heldJson, heldTable, leftOutLine, plainText } from './held-table.ts';
import { HELD_LIST_LIMIT, type HeldCommand } from './held-usage.ts';

export interface HeldCommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The environment; the process's when absent. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** Runs `release`, `discard` or `held` (their `--help` is main's); throws what the person must be told. */
export async function runHeldCommand(
  command: HeldCommand,
  args: readonly string[],
  io: HeldCommandIo,
): Promise<void> {
  if (command === 'held') {
    const parsed = parseHeldListArguments(args);
    const context = await bucketContext(command, parsed, io.env);
    const listing = await reaching(context, command, () => listHeldReports(context, HELD_LIST_LIMIT));
    if (parsed.json) {
      io.stdout(heldJson(listing));
      const more = leftOutLine(listing);
      if (more !== undefined) io.stderr(more);
    } else {
      io.stdout(
        heldTable(listing, `s3://${context.store.bucket}/${holdRecordFolder(context.config.prefixes)}`),
      );
    }
    return;
  }
  const parsed = parseDecisionArguments(command, args);
  const context = await bucketContext(command, parsed, io.env);
  const request: DecisionRequest = {
    run: parsed.run,
    action: command,
    by: `${parsed.by ?? osUser()} (command line)`,
    reason: parsed.reason,
  };
  const outcome = await reaching(context, `${command} ${parsed.run}`, () =>
    decideHeldReport(context, request),
  );
  io.stdout(`${plainText(outcomeLine(request, outcome))}\n`);
}

/** What happened, in one line. */
export function outcomeLine(request: DecisionRequest, outcome: DecisionOutcome): string {
  switch (outcome.status) {
    case 'released': {
      const noun = outcome.recipients === 1 ? 'executive' : 'executives';
      return `released ${outcome.run}: sent to ${outcome.recipients} ${noun} (message id ${outcome.messageId})`;
    }
    case 'discarded': {
      const reason = request.reason ? `: ${request.reason}` : '';
      return `discarded ${outcome.run} (by ${request.by}${reason})`;
    }
    case 'already': {
      const decision = outcome.decision;
      const by = decision ? ` by ${decision.by} at ${decision.at}` : '';
      if (request.action === 'release') return `${outcome.run} was already released${by}: not sent again`;
      return `${outcome.run} was already discarded${by}${decision?.reason ? ` (${decision.reason})` : ''}`;
    }
    case 'in-progress': {
      const by = outcome.decision ? ` by ${outcome.decision.by} (since ${outcome.decision.at})` : '';
      return `${outcome.run} is being released${by}: that release sends it, this one sends nothing`;
    }
  }
}

/**
 * Runs `work` on the bucket; a failure that is not ours to explain (the bucket unreachable, refused credentials)
 * becomes one line naming the bucket and what the SDK said, never a stack trace.
 */
async function reaching<T>(context: DeliveryContext, what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SegmentReportError) throw error;
    throw new SegmentReportError(`${what}: s3://${context.store.bucket}: ${describe(error)}`, {
      cause: error,
    });
  }
}

/** An SDK or network error in a few words: its code or name and its message (an AggregateError's first cause). */
function describe(error: unknown): string {
  const first =
    error instanceof AggregateError && error.errors.length > 0 ? (error.errors[0] as unknown) : error;
  const code = (first as { code?: unknown }).code;
  const message = messageOf(first).trim();
  const name = first instanceof Error ? first.name : 'Error';
  const label = typeof code === 'string' ? code : name;
  if (message === '') return label;
  return message.includes(label) ? message : `${label}: ${message}`;
}

/** The person running the command, as the OS names them. */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown user';
  }
}
