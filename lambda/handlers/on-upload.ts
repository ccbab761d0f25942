/**
 * Lambda handler for S3 `ObjectCreated` events on the input prefix: parse the event, then run the upload report
 * for each object. Thin: everything else is in lambda/delivery.
 */
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { createLogger } from '../adapters/powertools-logger.ts';
import { type UploadOutcome, runUploadReport } from '../delivery/upload-run.ts';
import { type HandlerDependencies, dependenciesFromEnvironment, lazily } from './handler-dependencies.ts';

const s3EventSchema = z.object({
  Records: z
    .array(
      z.object({
        eventSource: z.literal('aws:s3'),
        eventName: z.string(),
        s3: z.object({
          bucket: z.object({ name: z.string().min(1) }),
          object: z.object({
            key: z.string().min(1),
            size: z.number().optional(),
            eTag: z.string().optional(),
            versionId: z.string().optional(),
          }),
        }),
      }),
    )
    .min(1),
});

/** The handler with its dependencies given (tests, the local run). */
export function createUploadHandler(dependencies: () => HandlerDependencies) {
  return async (event: unknown, context?: Pick<Context, 'awsRequestId'>): Promise<UploadOutcome[]> => {
    const runId = context?.awsRequestId ?? `local-${Date.now().toString(36)}`;
    const { runLogger } = createLogger('segment-report-upload', runId);
    const parsed = s3EventSchema.safeParse(event);
    if (!parsed.success) {
      runLogger.error('not an S3 event: ignored', { issue: parsed.error.issues[0]?.message });
      return [];
    }
    const deps = dependencies();
    const outcomes: UploadOutcome[] = [];
    for (const record of parsed.data.Records) {
      // S3 event keys are URL-encoded, with + for spaces.
      const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
      outcomes.push(
        await runUploadReport(
          {
            store: deps.storeFor(record.s3.bucket.name),
            mailer: deps.mailer,
            logger: runLogger,
            config: deps.config,
            now: deps.now,
            runId,
          },
          { key, version: record.s3.object.versionId ?? record.s3.object.eTag, size: record.s3.object.size },
        ),
      );
    }
    return outcomes;
  };
}

export const handler = createUploadHandler(lazily(() => dependenciesFromEnvironment(process.env)));
