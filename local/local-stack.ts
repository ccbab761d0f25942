/**
 * The local stand-ins for AWS, started in-process on 127.0.0.1 with free ports: S3 (local-s3.ts) and SES v2
 * (local-ses.ts). The real AWS SDK clients talk to them; `npm start` and the integration tests use this,
 * nothing deployed does.
 */
import type { AwsEndpoints } from '../lambda/adapters/aws-clients.ts';
import type { S3EventListener } from './aws-s3-events.ts';
import { startLocalS3 } from './local-s3.ts';
import { type LocalSes, startLocalSes } from './local-ses.ts';

/** Both stand-ins: their endpoints for the SDK clients, the S3 events, and what the SES stand-in received. */
export interface LocalStack extends Omit<LocalSes, 'endpoint' | 'stop'> {
  /** The SES endpoint is the recording proxy's, so every raw email sent through it is kept. */
  endpoints: AwsEndpoints;
  bucket: string;
  /** Calls the listener with every S3 event notification, shaped as S3 sends it (keys form-encoded). */
  onS3Event(listener: S3EventListener): void;
  stop(): Promise<void>;
}

export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Starts local S3 (with `bucket`) and SES; `stop()` closes both and deletes the S3 files. */
export async function startLocalStack(bucket = 'segment-report-local'): Promise<LocalStack> {
  const s3 = await startLocalS3(bucket);
  const ses = await startLocalSes();
  const { endpoint: sesEndpoint, stop: stopSes, ...received } = ses;
  return {
    ...received,
    bucket,
    endpoints: {
      region: 'us-east-1',
      s3Endpoint: s3.endpoint,
      sesEndpoint,
      credentials: LOCAL_CREDENTIALS,
    },
    onS3Event: s3.onEvent,
    stop: async () => {
      await stopSes();
      await s3.stop();
    },
  };
}
