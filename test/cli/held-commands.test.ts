/**
 * `segment-report release`, `discard` and `held` (issue 15) end to end: real held reports made by the real upload
 * handler on the local S3 and SES (a file uploaded again with its rows in another order is held as duplicate
 * content), then the real command line, spawned as its own process with the functions' environment variables
 * pointing at the same stand-ins. A release sends the held report once; a second release, a discard after it and a
 * refused decision send nothing; the listing shows each report's state from its claim.
 */
import { createServer } from 'node:net';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdRecordKey } from '../../lambda/delivery/archive-layout.ts';
import { type HoldRecord, readHoldRecord } from '../../lambda/delivery/hold-record.ts';
import { type ClaimRecord, parseClaimRecord } from '../../lambda/delivery/claim-record.ts';
import { listHeldReports } from '../../lambda/cli/held-listing.ts';
import { heldTable } from '../../lambda/cli/held-table.ts';
import { HELD_LIST_LIMIT } from '../../lambda/cli/held-usage.ts';
import { MemoryDelivery } from '../support/memory-delivery.ts';
import { HOLD_DEFAULTS } from '../support/hold-settings.ts';
import {
  isToExecutives,
  type LocalDelivery,
  startLocalDelivery,
  TEST_CONFIG,
} from '../support/local-delivery.ts';
import { type CliRun, makeTempDir, runCli, stderrLines } from '../support/run-cli.ts';
import { sampleSlice } from '../support/sample-data.ts';

const CONFIG_JSON = JSON.stringify({ ...TEST_CONFIG, hold: HOLD_DEFAULTS });
const KEY = 'incoming/shop-export.csv';
const HOUR_MS = 3_600_000;

/** The sample's first lines, and the same rows in two other orders: other bytes, the same content. */
const [HEADER = '', ...ROWS] = sampleSlice(1500).trimEnd().split('\n');
const ORIGINAL = `${HEADER}\n${ROWS.join('\n')}\n`;
const REVERSED = `${HEADER}\n${[...ROWS].reverse().join('\n')}\n`;
const ROTATED = `${HEADER}\n${[...ROWS.slice(700), ...ROWS.slice(0, 700)].join('\n')}\n`;

let local: LocalDelivery;
let dir = '';
/** The environment a function gets, pointed at the local stand-ins. */
let functionEnv: Record<string, string>;

beforeAll(async () => {
  // The handlers' clock an hour ago, the command line's the real one: the held reports wait 72 hours.
  local = await startLocalDelivery({ hold: HOLD_DEFAULTS }, new Date(Date.now() - HOUR_MS));
  dir = await makeTempDir();
  functionEnv = {
    SEGMENT_REPORT_CONFIG: CONFIG_JSON,
    DATA_BUCKET: local.bucket,
    SEGMENT_REPORT_S3_ENDPOINT: local.stack.endpoints.s3Endpoint ?? '',
    SEGMENT_REPORT_SES_ENDPOINT: local.stack.endpoints.sesEndpoint ?? '',
    AWS_REGION: local.stack.endpoints.region,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
});

afterAll(async () => {
  await local.stop();
  await rm(dir, { recursive: true, force: true });
});

/** The CLI run with `env` over this process's environment (runCli passes the environment as it is at spawn). */
function cli(
  args: readonly string[],
  env: Record<string, string | undefined> = functionEnv,
): Promise<CliRun> {
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  const assign = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  assign(env);
  try {
    return runCli(args);
  } finally {
    assign(saved);
  }
}

/** Uploads `body` under KEY and runs the upload handler on its event; the run's outcome. */
async function uploadAndRun(body: string, requestId: string, at?: Date) {
  const event = await local.upload(KEY, body);
  const handler = local.uploadHandler(at ? { now: () => at } : {});
  const [outcome] = await handler(event, { awsRequestId: requestId });
  return outcome;
}

async function heldRun(body: string, requestId: string, at?: Date): Promise<string> {
  const outcome = await uploadAndRun(body, requestId, at);
  expect(outcome).toMatchObject({ status: 'held' });
  if (outcome?.status !== 'held') throw new Error('not held');
  return outcome.run;
}

async function executiveEmails() {
  return (await local.stack.emails()).filter(isToExecutives);
}

async function holdOf(run: string) {
  const record = await readHoldRecord(local.store, local.config.prefixes, run);
  if (record === null) throw new Error(`no hold record for ${run}`);
  return record;
}

async function claimOf(run: string) {
  const { claimKey } = await holdOf(run);
  const stored = await local.store.readText(claimKey);
  if (stored === null) throw new Error(`no claim for ${run}`);
  return parseClaimRecord(stored.text, claimKey);
}

interface ListedRow {
  run: string;
  kind: string;
  state: string;
  claimState: string;
  checks: string[];
  decision: { action: string; by: string; reason?: string } | null;
}

async function listing(): Promise<ListedRow[]> {
  const run = await cli(['held', '--json']);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as ListedRow[];
}

/** Exit 2 (or `code`) with exactly one line on stderr, no stack frame, nothing on stdout. */
function expectOneLineFailure(run: CliRun, code: number, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stdout).toBe('');
  expect(stderrLines(run)).toHaveLength(1);
  expect(run.stderr).not.toContain('    at ');
  expect(run.stderr).toMatch(pattern);
}

describe('releasing a held report from the command line', () => {
  let run = '';

  it('lists a held upload report with its failed check', async () => {
    expect(await uploadAndRun(ORIGINAL, 'first')).toMatchObject({ status: 'sent' });
    run = await heldRun(REVERSED, 'reordered');
    expect(await executiveEmails()).toHaveLength(1);

    const table = await cli(['held']);
    expect(table.code, table.stderr).toBe(0);
    const [header, line, ...more] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^RUN +KIND +STATE +HELD AT +EXPIRES AT +CHECKS +DECIDED$/);
    expect(more).toEqual([]);
    const hold = await holdOf(run);
    // The same rows again: duplicate content, and a period that did not move on.
    const checks = [...new Set(hold.findings.map((finding) => finding.check))];
    expect(checks).toContain('duplicate-content');
    expect(line?.split(/ {2,}/)).toEqual([
      run,
      'upload',
      'held',
      hold.heldAt,
      hold.expiresAt,
      checks.join(','),
      '-',
    ]);

    expect(await listing()).toMatchObject([
      { run, kind: 'upload', state: 'held', claimState: 'held', checks, decision: null },
    ]);
  });

  it('sends it to the executives once: one email, the held subject', async () => {
    const before = await executiveEmails();

    const released = await cli(['release', run, '--by', 'lee', '--reason', 'same week, re-exported']);

    expect(released.code, released.stderr).toBe(0);
    expect(released.stderr).toBe('');
    expect(released.stdout).toMatch(
      new RegExp(`^released ${run}: sent to 2 executives \\(message id [^)\\s]+\\)\\n$`),
    );
    const sent = (await executiveEmails()).slice(before.length);
    expect(sent.map((email) => email.subject)).toEqual([(await holdOf(run)).emailSubject]);
    expect(await claimOf(run)).toMatchObject({
      state: 'sent',
      decision: { action: 'release', by: 'lee (command line)', reason: 'same week, re-exported' },
    });
  });

  it('sends nothing on a second release, and says who released it', async () => {
    const before = (await local.stack.emails()).length;

    const again = await cli(['release', run]);

    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(
      new RegExp(`^${run} was already released by lee \\(command line\\) at \\S+: not sent again\\n$`),
    );
    expect(await local.stack.emails()).toHaveLength(before);
  });

  it('refuses to discard a released report: exit 2, one line', async () => {
    const refused = await cli(['discard', run, '--reason', 'x']);

    expectOneLineFailure(refused, 2, new RegExp(`${run}: the report was already released by lee`));
    expect((await claimOf(run)).state).toBe('sent');
  });

  it('shows it released, by whom, in the listing', async () => {
    expect(await listing()).toMatchObject([
      {
        run,
        state: 'released',
        claimState: 'sent',
        decision: { action: 'release', by: 'lee (command line)' },
      },
    ]);
  });
});

describe('discarding a held report from the command line', () => {
  it('records who and why, sends nothing, and says so again on a second discard', async () => {
    const run = await heldRun(ROTATED, 'rotated', new Date(Date.now() - HOUR_MS / 2));
    const executivesBefore = (await executiveEmails()).length;

    const discarded = await cli(['discard', run, '--reason', 'partial export', '--by', 'ana']);

    expect(discarded.code, discarded.stderr).toBe(0);
    expect(discarded.stdout).toBe(`discarded ${run} (by ana (command line): partial export)\n`);
    expect(await executiveEmails()).toHaveLength(executivesBefore);
    const claim = await claimOf(run);
    expect(claim.state).toBe('discarded');
    expect(claim.decision).toMatchObject({ action: 'discard', reason: 'partial export' });
    expect(claim.decision?.by).toContain('ana');

    const again = await cli(['discard', run, '--reason', 'partial export']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain(`${run} was already discarded by ana (command line)`);

    const refused = await cli(['release', run]);
    expectOneLineFailure(refused, 2, /the report was discarded by ana/);
    expect(await executiveEmails()).toHaveLength(executivesBefore);

    // Newest first: the discarded report (held later) above the released one.
    const rows = await listing();
    expect(rows.map((row) => row.state)).toEqual(['discarded', 'released']);
    expect(rows[0]).toMatchObject({ run, decision: { action: 'discard', reason: 'partial export' } });
  });
});

describe('where the command line finds the bucket and the configuration', () => {
  it('takes --config FILE and --bucket NAME over missing variables', async () => {
    const file = join(dir, 'config.json');
    await writeFile(file, CONFIG_JSON);

    const listed = await cli(['held', '--config', file, '--bucket', local.bucket], {
      ...functionEnv,
      SEGMENT_REPORT_CONFIG: undefined,
      DATA_BUCKET: undefined,
    });

    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout.trimEnd().split('\n')).toHaveLength(3);
  });

  it('names a --config file that is not JSON, or not there: exit 2, one line', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "sender": ');

    expectOneLineFailure(
      await cli(['held', '--config', file]),
      2,
      new RegExp(`held: --config ${file.replace(/[.\\]/g, '\\$&')}: not valid JSON: `),
    );
    expectOneLineFailure(
      await cli(['release', 'W1', '--config', join(dir, 'absent.json')]),
      2,
      /absent\.json: cannot read it/,
    );
  });

  it('says in one line that no bucket or configuration was given', async () => {
    expectOneLineFailure(
      await cli(['held'], { ...functionEnv, DATA_BUCKET: undefined }),
      2,
      /pass --bucket NAME or set DATA_BUCKET/,
    );
  });
});

describe('mistakes on the command line', () => {
  it('refuses an unknown run, a RUN that is no run name, a discard without --reason, an unknown flag: exit 2', async () => {
    const [unknown, notAName, noReason, emptyReason, mistyped] = await Promise.all([
      cli(['release', 'no-such-run']),
      cli(['release', '../etc/passwd']),
      cli(['discard', 'no-such-run']),
      cli(['discard', 'no-such-run', '--reason', '']),
      cli(['release', 'no-such-run', '--resaon', 'x']),
    ]);

    expectOneLineFailure(unknown, 2, /no-such-run: no held report of that name/);
    expectOneLineFailure(notAName, 2, /release: RUN "\.\.\/etc\/passwd" is not a run name/);
    expectOneLineFailure(noReason, 2, /discard: --reason TEXT is required/);
    expectOneLineFailure(emptyReason, 2, /discard: --reason: needs a value/);
    expectOneLineFailure(mistyped, 2, /unknown option --resaon; did you mean --reason\?/);
  });

  it('prints each command its own usage on --help', async () => {
    const help = await cli(['discard', '--help']);

    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: segment-report discard RUN --reason TEXT/);
    expect(help.stdout).toContain('--bucket NAME');
  });
});

describe('an unreachable bucket', () => {
  it('fails with exit 1 and one line, no stack trace', async () => {
    const port = await closedPort();

    const failed = await cli(['release', 'W1'], {
      ...functionEnv,
      SEGMENT_REPORT_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    });

    expectOneLineFailure(failed, 1, new RegExp(`release W1: s3://${local.bucket}: .*ECONNREFUSED`));
  });
});

describe('the listing of many held reports', () => {
  it(`reads the newest ${HELD_LIST_LIMIT}, newest first, and counts the others`, async () => {
    const memory = new MemoryDelivery(new Date('2026-11-30T12:00:00Z'));
    const { store, config } = memory;
    const start = Date.parse('2026-01-01T00:00:00Z');
    const total = HELD_LIST_LIMIT + 3;
    for (let index = 0; index < total; index += 1) {
      const heldAt = new Date(start + index * HOUR_MS);
      const runName = `run-${String(index).padStart(3, '0')}`;
      const record: HoldRecord = {
        schemaVersion: 1,
        runName,
        kind: 'weekly',
        claimKey: `runs/weekly/${runName}.json`,
        archive: `reports/weekly/${runName}/`,
        subject: `the weekly report ${runName}`,
        emailSubject: `Weekly report ${runName}`,
        findings: [{ check: 'rows', now: 10, before: 100, threshold: 0.5 }],
        firstReport: false,
        heldAt: heldAt.toISOString(),
        expiresAt: new Date(heldAt.getTime() + 72 * HOUR_MS).toISOString(),
        images: [],
        customers: { attachedAs: 'customers.csv' },
      };
      store.put(holdRecordKey(config.prefixes, runName), JSON.stringify(record), heldAt);
      // The newest one's claim is gone: shown as such, the listing goes on.
      if (index === total - 1) continue;
      const claim: ClaimRecord = {
        runId: 'run',
        holder: 'holder',
        state: index % 2 === 0 ? 'held' : 'expired',
        claimedAt: heldAt.toISOString(),
        expiresAt: record.expiresAt,
        updatedAt: heldAt.toISOString(),
      };
      store.put(record.claimKey, JSON.stringify(claim), heldAt);
    }

    const listing = await listHeldReports(memory.context(), HELD_LIST_LIMIT);

    expect(listing.leftOut).toBe(3);
    expect(listing.rows).toHaveLength(HELD_LIST_LIMIT);
    expect(listing.rows.slice(0, 3).map((row) => [row.run, row.state])).toEqual([
      ['run-202', 'claim missing'],
      ['run-201', 'expired'],
      ['run-200', 'held'],
    ]);
    expect(listing.rows.at(-1)?.run).toBe('run-003');
    const table = heldTable(listing, 's3://memory-bucket/runs/held/');
    expect(table.trimEnd().split('\n')).toHaveLength(HELD_LIST_LIMIT + 2);
    expect(table.endsWith('... and 3 older held reports not shown\n')).toBe(true);
  });
});

/** A loopback port nothing listens on: opened by the system, then closed. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
