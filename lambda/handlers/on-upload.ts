/**
 * Lambda handler for S3 `ObjectCreated` events on the input prefix and the approvals prefix: parse the event, then
 * run the upload report (or, for an approval object, the data team's release or discard) for each record on its own. One record's failure (S3 down, a run in progress elsewhere) does not stop the
 * others; the handler fails at the end, so that Lambda retries the event: records already done are then found
 * done by their claims. Thin: everything else is in lambda/delivery.
 */
import * as z from 'zod';
import { createLogger } from '../adapters/powertools-logger.ts';
import { unquoted } from '../adapters/s3-object-store.ts';
import type { ApprovalOutcome } from '../delivery/approval-run.ts';
import type { UploadOutcome } from '../delivery/upload-run.ts';
import type { DeliveryContext } from '../delivery/delivery-context.ts';
import { UploadRecordsFailedError } from '../errors/delivery-errors.ts';
import { type HandlerDependencies, deployedHandler } from './handler-dependencies.ts';
import { type InvocationContext, deliveryContextFor } from './invocation-context.ts';

const s3EventSchema = z.object({ Records: z.array(z.unknown()).min(1) });

const s3RecordSchema = z.object({
  eventSource: z.literal('aws:s3'),
  eventName: z.string().startsWith('ObjectCreated:'),
  eventTime: z.iso.datetime({ offset: true }).optional(),
  userIdentity: z.object({ principalId: z.string() }).optional(),
  s3: z.object({
    bucket: z.object({ name: z.string().min(1) }),
    object: z.object({
      key: z.string().min(1),
      size: z.number().optional(),
      eTag: z.string().min(1),
      versionId: z.string().optional(),
    }),
  }),
});

/** The handler with its dependencies given (tests, the local run). */
export function createUploadHandler(dependencies: () => HandlerDependencies) {
  return async (
    event: unknown,
    invocation?: InvocationContext,
  ): Promise<(UploadOutcome | ApprovalOutcome)[]> => {
    const { runLogger } = createLogger('segment-report-upload', invocation?.awsRequestId);
    const parsed = s3EventSchema.safeParse(event);
    if (!parsed.success) {
      runLogger.error('not an S3 event: ignored', { issue: parsed.error.issues[0]?.message });
      return [];
    }
    const deps = dependencies();
    const outcomes: (UploadOutcome | ApprovalOutcome)[] = [];
    const failures: string[] = [];
    for (const [index, raw] of parsed.data.Records.entries()) {
      const record = s3RecordSchema.safeParse(raw);
      if (!record.success) {
        runLogger.error('not an S3 ObjectCreated record: ignored', {
          record: index,
          issue: record.error.issues[0]?.message,
        });
        outcomes.push({ status: 'ignored', reason: 'not an S3 ObjectCreated record' });
        continue;
      }
      const key = decodeS3EventKey(record.data.s3.object.key);
      try {
        const context = deliveryContextFor(
          deps,
          deps.storeFor(record.data.s3.bucket.name),
          runLogger,
          invocation,
        );
        outcomes.push(await runRecord(context, key, record.data));
      } catch (error) {
        const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        runLogger.error('upload run failed', { key, error: message });
        failures.push(`${key}: ${message}`);
      }
    }
    if (failures.length > 0) {
      throw new UploadRecordsFailedError(
        `${failures.length} of ${parsed.data.Records.length} records failed: ${failures.join('; ')}`,
      );
    }
    return outcomes;
  };
}

/**
 * One record: an approval object's release or discard, or an uploaded file's report. The runs are imported here,
 * not at the top: they bring the analysis and the report's rendering (MJML, ECharts), which the cold start then
 * does not evaluate (bench/steps/lambda-bundle.ts measures both).
 */
async function runRecord(
  context: DeliveryContext,
  key: string,
  record: z.infer<typeof s3RecordSchema>,
): Promise<UploadOutcome | ApprovalOutcome> {
  const { object } = record.s3;
  if (key.startsWith(context.config.prefixes.approvals)) {
    const { runApproval } = await import('../delivery/approval-run.ts');
    return runApproval(context, {
      key,
      principal: record.userIdentity?.principalId,
    });
  }
  const { runUploadReport } = await import('../delivery/upload-run.ts');
  return runUploadReport(context, {
    key,
    etag: unquoted(object.eTag),
    versionId: object.versionId,
    size: object.size,
    eventTime: record.eventTime === undefined ? undefined : new Date(record.eventTime),
  });
}

/** S3 event keys are form-encoded: `+` for a space, `%2B` for a plus sign. */
export function decodeS3EventKey(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

export const handler = deployedHandler(createUploadHandler);
