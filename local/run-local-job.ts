/**
 * `npm start`: the main job end to end on this machine, with no AWS account. Starts local S3 and SES on
 * 127.0.0.1, puts the sample under `incoming/`, invokes the upload handler with the S3 event that the local S3
 * emits, then runs next Monday's weekly report, and writes every email the local SES received to
 * `out/emails/`: the .eml holds the exact bytes the mailer sent, the .html its HTML part. The handlers, the
 * delivery code and the AWS SDK clients are the deployed ones.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '../lambda/adapters/aws-clients.ts';
import { type AppConfig, parseAppConfig } from '../lambda/config/app-config.ts';
import { type HandlerDependencies, dependenciesFor } from '../lambda/handlers/handler-dependencies.ts';
import { downloadPrefix } from './download-prefix.ts';
import { LOCAL_CONFIG } from './local-config.ts';
import type { StoredEmail } from './local-ses.ts';
import { type LocalStack, startLocalStack } from './local-stack.ts';
import { createUploadHandler } from '../lambda/handlers/on-upload.ts';
import { createScheduleHandler } from '../lambda/handlers/on-schedule.ts';
import { SegmentReportError } from '../lambda/errors/segment-report-error.ts';

const SAMPLE = fileURLToPath(new URL('../samples/online-retail-sample.csv.gz', import.meta.url));
const SAMPLE_KEY = 'incoming/online-retail-sample.csv.gz';
const OUT_DIR = 'out/emails';

type Print = (line: string) => void;

export interface LocalJobOptions {
  /** The folder the emails are written to, emptied first: `out/emails` unless given. */
  outDir?: string;
  /** When given, the archive (every object under the reports prefix) is copied there, at its keys' paths. */
  archiveDir?: string;
}

/** Runs the job on the local stand-ins, says what it did through `print`; the emails the local SES received. */
export async function runLocalJob(
  print: (line: string) => void,
  options: LocalJobOptions = {},
): Promise<StoredEmail[]> {
  // Local Node is 20; the Lambda runtime is 22. The SDK's notice about that is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // The handlers' JSON logs are for CloudWatch; here only warnings and errors, unless asked for.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const stack = await startLocalStack();
  try {
    const config = parseAppConfig(LOCAL_CONFIG);
    const deps = dependenciesFor(config, stack.bucket, stack.endpoints);
    print(`local S3 ${stack.endpoints.s3Endpoint}, local SES ${stack.endpoints.sesEndpoint}`);
    await uploadSample(stack, deps, print);
    await runNextWeekly(deps, print);
    const emails = await writeEmails(stack, options.outDir ?? OUT_DIR, print);
    if (options.archiveDir !== undefined) await copyArchive(stack, config, options.archiveDir, print);
    return emails;
  } finally {
    await stack.stop();
  }
}

/** Puts the sample under `incoming/` and invokes the upload handler with the event the local S3 emitted. */
async function uploadSample(stack: LocalStack, deps: HandlerDependencies, print: Print): Promise<void> {
  const onUpload = createUploadHandler(() => deps);
  const events: { Records: unknown[] }[] = [];
  stack.onS3Event((event) => events.push(event));
  await createS3Client(stack.endpoints).send(
    new PutObjectCommand({ Bucket: stack.bucket, Key: SAMPLE_KEY, Body: await readFile(SAMPLE) }),
  );
  const uploadEvent = events.find((event) => JSON.stringify(event).includes('ObjectCreated'));
  if (!uploadEvent) throw new SegmentReportError('the local S3 emitted no ObjectCreated event');
  const [upload] = await onUpload(uploadEvent, { awsRequestId: 'local-upload' });
  print(`upload of s3://${stack.bucket}/${SAMPLE_KEY}: ${JSON.stringify(upload)}`);
}

/** The weekly run as next Monday 07:00 would do it: the period is this week, which holds the upload. */
async function runNextWeekly(deps: HandlerDependencies, print: Print): Promise<void> {
  const nextMonday = nextMondayMorning(new Date());
  const onSchedule = createScheduleHandler(() => ({ ...deps, now: () => nextMonday }));
  const weekly = await onSchedule({ kind: 'weekly' }, { awsRequestId: 'local-weekly' });
  print(`weekly run as of ${nextMonday.toISOString()}: ${JSON.stringify(weekly)}`);
}

/** Writes every email the local SES received to `outDir` (emptied first): the bytes sent, and the HTML part. */
async function writeEmails(stack: LocalStack, outDir: string, print: Print): Promise<StoredEmail[]> {
  const emails = await stack.emails();
  const sent = new Map(stack.rawMessages().map((message) => [message.messageId, message.raw]));
  // out/emails holds the emails of the last run only (it is the job's own output folder, never an input).
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  for (const [index, email] of emails.entries()) {
    const name = `${String(index + 1).padStart(2, '0')}-${slug(email.subject)}`;
    // The stand-in's own .eml is rebuilt from what it parsed; only an email sent without raw MIME needs it.
    const eml = sent.get(email.messageId) ?? (await stack.emlOf(email.messageId));
    await writeFile(join(outDir, `${name}.eml`), eml);
    if (email.body.html) await writeFile(join(outDir, `${name}.html`), email.body.html);
    print(
      `email to ${email.destination.to.join(', ')}: "${email.subject}" -> ${join(outDir, `${name}.eml`)}`,
    );
  }
  return emails;
}

/** Copies the archive (every object under the reports prefix) to `archiveDir`, at its keys' paths. */
async function copyArchive(
  stack: LocalStack,
  config: AppConfig,
  archiveDir: string,
  print: Print,
): Promise<void> {
  const prefix = config.prefixes.reports;
  const keys = await downloadPrefix(createS3Client(stack.endpoints), stack.bucket, prefix, archiveDir);
  print(`archive: ${keys.length} files under s3://${stack.bucket}/${prefix} -> ${archiveDir}`);
}

function nextMondayMorning(now: Date): Date {
  const days = (8 - now.getUTCDay()) % 7 || 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + days, 7, 0, 0));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}
