/**
 * The emails `npm start` writes to out/emails are the bytes the mailer sent (kept by the local stack's SES proxy,
 * not the stand-in's rebuilt copy), and a mail client reads in them exactly what the run archived: each .eml is
 * parsed by Python's `email` package, and its text, HTML and CSV attachment are compared with the archive.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CONFIG } from '../../local/local-config.ts';
import { runLocalJob } from '../../local/run-local-job.ts';
import { type PythonEmail, readEmailWithPython } from '../support/python-email.ts';

interface ArchivedReport {
  folder: string;
  text: string;
  html: string;
  csv: Buffer;
}

let workDir: string;
let emails: { file: string; parsed: PythonEmail }[];
let archived: ArchivedReport[];

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'segment-report-email-bytes-'));
  const outDir = join(workDir, 'emails');
  const archiveDir = join(workDir, 'archive');
  await runLocalJob(() => {}, { outDir, archiveDir });
  const names = (await readdir(outDir)).filter((name) => name.endsWith('.eml')).sort();
  emails = await Promise.all(
    names.map(async (name) => ({ file: name, parsed: await readEmailWithPython(join(outDir, name)) })),
  );
  archived = await archivedReports(archiveDir);
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/**
 * Every archive folder holding a report, found by file name: the layout under `reports/` is the delivery code's
 * to change, so no folder is named here.
 */
async function archivedReports(archiveDir: string): Promise<ArchivedReport[]> {
  const files = (await readdir(archiveDir, { recursive: true })).map((path) => join(archiveDir, path));
  const folders = files.filter((path) => basename(path) === 'report.txt').map((path) => dirname(path));
  return Promise.all(
    folders.sort().map(async (folder) => ({
      folder,
      text: await readFile(join(folder, 'report.txt'), 'utf8'),
      html: await readFile(join(folder, 'report.html'), 'utf8'),
      csv: await readFile(join(folder, 'customers.csv')),
    })),
  );
}

/**
 * The archived report an email carries: the folder whose files it matches most. The two runs of the job can
 * archive the same customers CSV, so one file alone would not tell them apart; a mismatch in one file still
 * leaves the right folder ahead, and the test comparing that file shows the difference.
 */
function archiveOf(email: PythonEmail): ArchivedReport {
  const scored = archived.map((report) => ({
    report,
    score:
      Number(email.text === report.text) +
      Number(email.html === report.html) +
      Number(email.attachments[0]?.bytes.equals(report.csv) ?? false),
  }));
  const best = Math.max(...scored.map(({ score }) => score));
  const matches = scored.filter(({ score }) => score === best);
  if (best === 0 || matches.length !== 1) {
    throw new Error(`no single archived report matches "${email.subject}" (best: ${best} of 3 files)`);
  }
  return (matches[0] as { report: ArchivedReport }).report;
}

describe('the emails npm start writes', () => {
  it('are two well-formed messages, each with a text part, an HTML part and one CSV attachment', () => {
    expect(emails).toHaveLength(2);
    for (const { parsed } of emails) {
      expect(parsed.defects).toEqual([]);
      expect(parsed.text).not.toBeNull();
      expect(parsed.html).not.toBeNull();
      expect(parsed.attachments.map((attachment) => attachment.contentType)).toEqual(['text/csv']);
      expect(parsed.attachments[0]?.filename).toMatch(/^customers-.+\.csv$/);
    }
  });

  it('come from the default sender name, with replies going to the data team', () => {
    for (const { parsed } of emails) {
      expect(parsed.from).toEqual([{ name: 'Segment report', address: LOCAL_CONFIG.sender }]);
      expect(parsed.replyTo).toEqual(
        LOCAL_CONFIG.recipients.dataTeam.map((address) => ({ name: '', address })),
      );
    }
  });

  it('carry one archived report each, found by listing the archive', () => {
    expect(archived).toHaveLength(emails.length);
    const folders = emails.map(({ parsed }) => archiveOf(parsed).folder);
    expect(new Set(folders).size).toBe(emails.length);
  });

  it('hold the archived report.txt as their text part', () => {
    for (const { parsed } of emails) expect(parsed.text).toBe(archiveOf(parsed).text);
  });

  it('hold the archived report.html as their HTML part', () => {
    for (const { parsed } of emails) expect(parsed.html).toBe(archiveOf(parsed).html);
  });

  it('attach the archived customers.csv, byte for byte', () => {
    for (const { parsed } of emails) {
      const csv = archiveOf(parsed).csv;
      expect(csv.length).toBeGreaterThan(0);
      expect(parsed.attachments[0]?.bytes).toEqual(csv);
    }
  });
});
