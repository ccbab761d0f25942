/**
 * `npm start` end to end: the local job uploads the sample, runs the upload and the weekly handlers on the
 * local stand-ins and writes every email received to out/emails/, here under a temporary working directory.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEmail } from '../../local/local-ses.ts';
import { runLocalJob } from '../../local/run-local-job.ts';
import { recipientsOf } from '../support/local-delivery.ts';

const EXECUTIVES = ['ceo@shop.example', 'cfo@shop.example'];

let workDir: string;
const originalDir = process.cwd();
const printed: string[] = [];
let emails: StoredEmail[];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'segment-report-start-'));
  process.chdir(workDir);
  emails = await runLocalJob((line) => printed.push(line));
});

afterAll(async () => {
  process.chdir(originalDir);
  await rm(workDir, { recursive: true, force: true });
});

describe('runLocalJob', () => {
  it('sends the upload report and the weekly report to the executives', () => {
    expect(emails).toHaveLength(2);
    expect(emails.map(recipientsOf)).toEqual([EXECUTIVES, EXECUTIVES]);
    const [upload, weekly] = emails;
    expect(upload?.subject).toBe(
      'Customer segmentation report, Dec 1, 2010 to Dec 9, 2011: revenue £833.3K, 442 customers',
    );
    // The weekly subject names the week before next Monday, which depends on today, and what the sample holds of
    // it: nothing, its orders being of 2010-2011.
    expect(weekly?.subject).toMatch(
      /^Weekly report, [A-Z][a-z]{2} \d{1,2}, \d{4} to [A-Z][a-z]{2} \d{1,2}, \d{4}: no orders in the file \(its last order is on Dec 9, 2011\)$/,
    );
    // The three trend charts, inline, and the customers CSV.
    expect(upload?.attachments.map((attachment) => attachment.contentType)).toEqual([
      'image/png',
      'image/png',
      'image/png',
      'text/csv',
    ]);
  });

  it('writes each email to out/emails as .eml and .html', async () => {
    const names = (await readdir(join(workDir, 'out', 'emails'))).sort();
    expect(names).toHaveLength(4);
    expect(names.slice(0, 2)).toEqual([
      '01-customer-segmentation-report-dec-1-2010-to-dec-9-2011-revenu.eml',
      '01-customer-segmentation-report-dec-1-2010-to-dec-9-2011-revenu.html',
    ]);
    // The weekly subject, and so its file name, names the week before next Monday.
    expect(names[2]).toMatch(/^02-weekly-report-[a-z]{3}-\d{1,2}-\d{4}-to-[a-z0-9-]+\.eml$/);
    expect(names[3]).toBe((names[2] ?? '').replace(/\.eml$/, '.html'));
    for (const [index, email] of emails.entries()) {
      const stem = join(workDir, 'out', 'emails', (names[index * 2] ?? '').replace(/\.eml$/, ''));
      const eml = await readFile(`${stem}.eml`, 'utf8');
      expect(eml).toMatch(/^Content-Type: multipart\/mixed; boundary=/m);
      expect(eml).toMatch(/^To: ceo@shop\.example, cfo@shop\.example$/m);
      expect(eml).toMatch(/^Content-Type: text\/html/m);
      expect(eml).toContain('filename=customers-');
      expect(await readFile(`${stem}.html`, 'utf8')).toBe(email.body.html);
    }
  });

  it('says what it did', () => {
    expect(printed[0]).toMatch(/^local S3 http:\/\/127\.0\.0\.1:\d+, local SES http:\/\/127\.0\.0\.1:\d+$/);
    expect(printed[1]).toMatch(
      /^upload of s3:\/\/segment-report-local\/incoming\/online-retail-sample\.csv\.gz: \{"status":"sent"/,
    );
    expect(printed[2]).toMatch(
      /^weekly run as of \d{4}-\d\d-\d\dT07:00:00\.000Z: \{"status":"sent","periodId":"\d{4}-W\d\d"/,
    );
    expect(
      printed.filter((line) => line.startsWith('email to ceo@shop.example, cfo@shop.example: ')),
    ).toHaveLength(2);
  });
});
