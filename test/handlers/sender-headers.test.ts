/**
 * Who the job's emails are from and where a reply goes, read in the exact bytes the local SES accepted (the
 * stack's recording proxy, as `npm start` writes them to out/emails) by Python's `email` package, as a mail
 * client would: the executives' report and a data-team notice both come from the configured display name and
 * send replies to the data team, who can answer for the numbers (the sending address is read by nobody).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DATA_TEAM,
  EXECUTIVES,
  type LocalDelivery,
  TEST_CONFIG,
  startLocalDelivery,
} from '../support/local-delivery.ts';
import { type PythonEmail, readEmailWithPython } from '../support/python-email.ts';
import { sampleSlice } from '../support/sample-data.ts';

/** Not ASCII, with a comma: the name must be encoded in the header, not written as it is. */
const SENDER_NAME = 'Rapport clients — Online Retail, Londres';
const FROM = [{ name: SENDER_NAME, address: TEST_CONFIG.sender }];
const REPLY_TO = DATA_TEAM.map((address) => ({ name: '', address }));

let local: LocalDelivery;
let workDir: string;

beforeAll(async () => {
  local = await startLocalDelivery({ senderName: SENDER_NAME });
  workDir = await mkdtemp(join(tmpdir(), 'segment-report-sender-'));
});

afterAll(async () => {
  await local.stop();
  await rm(workDir, { recursive: true, force: true });
});

beforeEach(async () => {
  await local.stack.clearEmails();
});

interface SentEmail {
  parsed: PythonEmail;
  /** The header block of the bytes sent, up to the first empty line. */
  head: string;
}

/** The one email SES accepted since the last clearing, as sent and as Python reads it. */
async function theEmailSent(): Promise<SentEmail> {
  const sent = local.stack.rawMessages();
  expect(sent).toHaveLength(1);
  const raw = (sent[0] as { raw: Buffer }).raw;
  const file = join(workDir, `${sent[0]?.messageId ?? 'email'}.eml`);
  await writeFile(file, raw);
  return { parsed: await readEmailWithPython(file), head: raw.toString('latin1').split('\r\n\r\n')[0] ?? '' };
}

/** A header block that no name can have broken: one From, one Reply-To, 7-bit only, and nothing else injected. */
function expectSoundHead(head: string): void {
  const names = head.split('\r\n').flatMap((line) => /^([^\s:]+):/.exec(line)?.[1]?.toLowerCase() ?? []);
  expect(names.filter((name) => name === 'from')).toHaveLength(1);
  expect(names.filter((name) => name === 'reply-to')).toHaveLength(1);
  expect(names).not.toContain('bcc');
  expect(head).toMatch(/^[\x20-\x7e\r\n\t]*$/);
}

describe('the emails the job sends', () => {
  it('come from the configured name to the executives, with replies going to the data team', async () => {
    const event = await local.upload('incoming/sender-report.csv', sampleSlice(1500));

    expect(await local.uploadHandler()(event, { awsRequestId: 'sender-report' })).toMatchObject([
      { status: 'sent' },
    ]);

    const { parsed, head } = await theEmailSent();
    expect(parsed.defects).toEqual([]);
    expect(parsed.from).toEqual(FROM);
    expect(parsed.replyTo).toEqual(REPLY_TO);
    expect(parsed.subject).toMatch(/^Customer segmentation report/);
    expectSoundHead(head);
    expect(head).toContain(`\r\nTo: ${EXECUTIVES.join(', ')}\r\n`);
  });

  it('come from the same name on a notice to the data team, which replies to itself', async () => {
    const event = await local.upload('incoming/sender-rejected.csv', 'Invoice,Customer\n"1,C1\n');

    expect(await local.uploadHandler()(event, { awsRequestId: 'sender-notice' })).toMatchObject([
      { status: 'rejected' },
    ]);

    const { parsed, head } = await theEmailSent();
    expect(parsed.defects).toEqual([]);
    expect(parsed.from).toEqual(FROM);
    expect(parsed.replyTo).toEqual(REPLY_TO);
    expect(parsed.subject).toMatch(/^File rejected: /);
    expectSoundHead(head);
  });
});
