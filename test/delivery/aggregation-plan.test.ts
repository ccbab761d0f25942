/**
 * The Athena path's plan on a store in memory (delivery/aggregation-plan.ts): a run on uploads names each of its
 * files once per query, up to what a state machine's state can carry; past it, the plan stops with a line the data
 * team can act on, rather than a state machine failing on its payload. What a failure says, in words: Athena's
 * reason, a function's message, or the cause as given, never a stack, and never longer than a notice quotes.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_PLANNED_SQL_BYTES,
  failureInWords,
  planScheduledRun,
} from '../../lambda/delivery/aggregation-plan.ts';
import { FileTooLargeError } from '../../lambda/errors/input-errors.ts';
import { MemoryDelivery } from '../support/memory-delivery.ts';

const AT = new Date('2025-03-10T07:00:00Z');
const WAREHOUSE = {
  columns: [{ name: 'invoice' }, { name: 'day' }, { name: 'client' }, { name: 'total' }],
  roles: { customer: 'client', order: 'invoice', date: 'day', amount: 'total' },
  use: 'always' as const,
};

/** A delivery whose bucket holds `files` uploads of the week before AT, read as the history. */
function withUploads(files: number): MemoryDelivery {
  const delivery = new MemoryDelivery(AT, { warehouse: WAREHOUSE, scheduleSource: 'history' });
  for (let index = 0; index < files; index += 1) {
    const name = `incoming/daily/sales-${String(index).padStart(5, '0')}.csv`;
    delivery.store.put(name, 'invoice,day,client,total\n', new Date('2025-03-05T10:00:00Z'));
  }
  return delivery;
}

describe('the plan of a run on uploads', () => {
  it('names every file of the run in each query while they fit in a state', async () => {
    const plan = await planScheduledRun(withUploads(300).context(), 'weekly', AT);

    expect(plan.route).toBe('athena');
    const bytes = plan.queries.reduce((sum, query) => sum + Buffer.byteLength(query.sql), 0);
    expect(bytes).toBeLessThanOrEqual(MAX_PLANNED_SQL_BYTES);
    for (const { sql } of plan.queries) {
      expect(sql.match(/'s3:\/\/[^']+\/incoming\/daily\/sales-\d{5}\.csv'/g)).toHaveLength(300);
    }
  });

  it('stops, saying what to do, when the files would not fit', async () => {
    const run = planScheduledRun(withUploads(2000).context(), 'weekly', AT);

    await expect(run).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(run).rejects.toThrow(
      /^the weekly run 2025-W10 reads 2000 files, too many to name in Athena's queries \(\d+ kB of SQL; a state holds at most 256 kB\): give the table a location of its own \(warehouse\.location: every run then aggregates the whole table\), or merge the files$/,
    );
  });
});

describe('a failure in words', () => {
  it('says Athena’s reason, a function’s message or the cause itself, after the error’s name', () => {
    expect(
      failureInWords({
        error: 'States.TaskFailed',
        cause: JSON.stringify({
          QueryExecution: {
            Status: { State: 'CANCELLED', StateChangeReason: 'Bytes scanned limit was exceeded' },
          },
        }),
      }),
    ).toBe('States.TaskFailed: CANCELLED: Bytes scanned limit was exceeded');
    expect(
      failureInWords({
        error: 'Error',
        cause: JSON.stringify({
          errorType: 'Error',
          errorMessage: 'boom',
          stackTrace: ['at x (index.mjs:1:1)'],
        }),
      }),
    ).toBe('Error: boom');
    expect(failureInWords({ error: 'States.Timeout', cause: '' })).toBe('States.Timeout');
    expect(failureInWords({ error: 'States.Runtime', cause: 'The JSONPath $.plan could not be found' })).toBe(
      'States.Runtime: The JSONPath $.plan could not be found',
    );
    expect(failureInWords({ error: 'X', cause: JSON.stringify({ trace: ['at y'] }) })).toBe('X');
    const long = failureInWords({ error: 'X', cause: 'a'.repeat(2000) });
    expect(long).toHaveLength(500);
    expect(long.endsWith('…')).toBe(true);
  });
});
