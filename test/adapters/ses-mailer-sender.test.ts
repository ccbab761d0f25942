/**
 * The From and Reply-To headers the mailer composes, read back by Python's `email` package as a mail client
 * would: the display name comes back exactly as given, whatever it holds. The configuration refuses a name with
 * a line break or a quote (test/config/sender-name.test.ts); this is the second guard, for a message built
 * without it: the name is encoded or quoted, never written raw, so it cannot end the header or add an address.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMime } from '../../lambda/adapters/ses-mailer.ts';
import { type EmailMessage } from '../../lambda/delivery/ports.ts';
import { readEmailWithPython } from '../support/python-email.ts';

const SENDER = 'reports@segment-report.example';
const MESSAGE: EmailMessage = {
  from: { name: 'Segment report', address: SENDER },
  to: ['ceo@shop.example'],
  replyTo: ['data-team@shop.example', 'analyst@shop.example'],
  subject: 'Weekly report',
  html: '<p>Weekly</p>',
  text: 'Weekly\n',
  attachments: [],
};

let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'segment-report-sender-header-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** The message composed, as Python reads it, and the names of the headers in the bytes. */
async function composed(message: EmailMessage, file: string) {
  const raw = Buffer.from(await composeMime(message));
  await writeFile(join(workDir, file), raw);
  const head = raw.toString('latin1').split('\r\n\r\n')[0] ?? '';
  const headers = head.split('\r\n').flatMap((line) => /^([^\s:]+):/.exec(line)?.[1]?.toLowerCase() ?? []);
  return { parsed: await readEmailWithPython(join(workDir, file)), head, headers };
}

describe("composeMime's sender headers", () => {
  it('write the display name beside the address, and Reply-To each address given', async () => {
    const { parsed, head } = await composed(MESSAGE, 'plain.eml');

    expect(head).toMatch(/^From: Segment report <reports@segment-report\.example>$/m);
    expect(head).toMatch(/^Reply-To: data-team@shop\.example, analyst@shop\.example$/m);
    expect(parsed.from).toEqual([{ name: 'Segment report', address: SENDER }]);
    expect(parsed.replyTo).toEqual([
      { name: '', address: 'data-team@shop.example' },
      { name: '', address: 'analyst@shop.example' },
    ]);
  });

  it('write no Reply-To when the message has none', async () => {
    const { parsed, headers } = await composed({ ...MESSAGE, replyTo: undefined }, 'no-reply-to.eml');

    expect(headers).not.toContain('reply-to');
    expect(parsed.replyTo).toEqual([]);
  });

  it.each([
    ['not ASCII', 'Rapport clients — Café'],
    ['a CR LF and a header after it', 'Reports\r\nBcc: spy@evil.example'],
    ['a bare line feed', 'Reports\nReply-To: spy@evil.example'],
    ['a quote and an address after it', 'Reports" <spy@evil.example>, "x'],
    ['a backslash', 'Reports \\ weekly'],
    ['a comma and angle brackets', 'Reports, <weekly>'],
  ])('encode a name %s: one From, the name as given, no header added', async (_, name) => {
    const { parsed, head, headers } = await composed(
      { ...MESSAGE, from: { name, address: SENDER } },
      `hostile-${name.length}.eml`,
    );

    expect(parsed.defects).toEqual([]);
    expect(parsed.from).toEqual([{ name, address: SENDER }]);
    expect(parsed.replyTo.map(({ address }) => address)).toEqual(MESSAGE.replyTo);
    expect(headers.filter((header) => header === 'from')).toHaveLength(1);
    expect(headers.filter((header) => header === 'reply-to')).toHaveLength(1);
    expect(headers).not.toContain('bcc');
    expect(head).toMatch(/^[\x20-\x7e\r\n\t]*$/);
  });
});
