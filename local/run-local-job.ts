/**
 * `npm start`: the main job end to end on this machine, with no AWS account. Starts local S3 and SES on
 * 127.0.0.1, puts the sample under `incoming/`, invokes the upload handler with the S3 event that the local S3
 * emits, then runs next Monday's weekly report, and writes every email the local SES received to
 * `out/emails/` (.eml and .html). The handlers, the delivery code and the AWS SDK clients are the deployed ones.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { createS3Client } from '../lambda/adapters/aws-clients.ts';
import { parseAppConfig } from '../lambda/config/app-config.ts';
import { SegmentReportError } from '../lambda/engine/errors.ts';
import { dependenciesFor } from '../lambda/handlers/handler-dependencies.ts';
import { LOCAL_CONFIG } from './local-config.ts';
import { type StoredEmail, startLocalStack } from './local-stack.ts';
import { createUploadHandler } from '../lambda/handlers/on-upload.ts';
import { createScheduleHandler } from '../lambda/handlers/on-schedule.ts';

const SAMPLE = fileURLToPath(new URL('../samples/online-retail-sample.csv.gz', import.meta.url));
const SAMPLE_KEY = 'incoming/online-retail-sample.csv.gz';
const OUT_DIR = 'out/emails';

export async function runLocalJob(print: (line: string) => void): Promise<StoredEmail[]> {
  // Local Node is 20; the Lambda runtime is 22. The SDK's notice about that is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  // The handlers' JSON logs are for CloudWatch; here only warnings and errors, unless asked for.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
  const stack = await startLocalStack();
  try {
    const config = parseAppConfig(LOCAL_CONFIG);
    const deps = dependenciesFor(config, stack.bucket, stack.endpoints);
    const onUpload = createUploadHandler(() => deps);
    const events: { Records: unknown[] }[] = [];
    stack.onS3Event((event) => events.push(event));

    print(`local S3 ${stack.endpoints.s3Endpoint}, local SES ${stack.endpoints.sesEndpoint}`);
    await createS3Client(stack.endpoints).send(
      new PutObjectCommand({ Bucket: stack.bucket, Key: SAMPLE_KEY, Body: await readFile(SAMPLE) }),
    );
    const uploadEvent = events.find((event) => JSON.stringify(event).includes('ObjectCreated'));
    if (!uploadEvent) throw new SegmentReportError('the local S3 emitted no ObjectCreated event');
    const [upload] = await onUpload(uploadEvent, { awsRequestId: 'local-upload' });
    print(`upload of s3://${stack.bucket}/${SAMPLE_KEY}: ${JSON.stringify(upload)}`);

    // The weekly run as next Monday 07:00 would do it: the period is this week, which holds the upload.
    const nextMonday = nextMondayMorning(new Date());
    const onSchedule = createScheduleHandler(() => ({ ...deps, now: () => nextMonday }));
    const weekly = await onSchedule({ kind: 'weekly' }, { awsRequestId: 'local-weekly' });
    print(`weekly run as of ${nextMonday.toISOString()}: ${JSON.stringify(weekly)}`);

    const emails = await stack.emails();
    // out/emails holds the emails of the last run only (it is the job's own output folder, never an input).
    await rm(OUT_DIR, { recursive: true, force: true });
    await mkdir(OUT_DIR, { recursive: true });
    for (const [index, email] of emails.entries()) {
      const name = `${String(index + 1).padStart(2, '0')}-${slug(email.subject)}`;
      await writeFile(join(OUT_DIR, `${name}.eml`), await stack.emlOf(email.messageId));
      if (email.body.html) await writeFile(join(OUT_DIR, `${name}.html`), email.body.html);
      print(
        `email to ${email.destination.to.join(', ')}: "${email.subject}" -> ${join(OUT_DIR, `${name}.eml`)}`,
      );
    }
    return emails;
  } finally {
    await stack.stop();
  }
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
