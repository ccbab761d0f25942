/**
 * The AWS SDK clients, built once per Lambda container. With local endpoints (the local run and the tests: s3rver,
 * aws-ses-v2-local) the same clients talk to 127.0.0.1; without, to AWS with the Lambda role's credentials.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { StandardRetryStrategy } from '@smithy/core/retry';
import type { RetryStrategyV2 } from '@smithy/types';

export interface AwsEndpoints {
  region: string;
  /** e.g. http://127.0.0.1:4568 for s3rver; AWS when absent. */
  s3Endpoint?: string | undefined;
  sesEndpoint?: string | undefined;
  /** Only for local stand-ins; on AWS the default provider chain (the Lambda role) is used. */
  credentials?: { accessKeyId: string; secretAccessKey: string } | undefined;
}

/**
 * Transient errors (throttling, 5xx, timeouts) are retried by the SDK with exponential backoff and jitter;
 * 4 attempts instead of 3 rides out a short SES throttle within the function's timeout.
 */
const MAX_ATTEMPTS = 4;

export function createS3Client(endpoints: AwsEndpoints): S3Client {
  const endpoint = endpoints.s3Endpoint;
  return new S3Client({
    region: endpoints.region,
    maxAttempts: MAX_ATTEMPTS,
    ...(endpoint !== undefined
      ? {
          endpoint,
          forcePathStyle: true,
          // s3rver stores streamed uploads corrupted when the SDK adds its default checksums.
          requestChecksumCalculation: 'WHEN_REQUIRED' as const,
          responseChecksumValidation: 'WHEN_REQUIRED' as const,
        }
      : {}),
    ...(endpoints.credentials ? { credentials: endpoints.credentials } : {}),
  });
}

/**
 * SES may have accepted a message whose answer was lost (a reset connection, a timeout, a 5xx after accepting):
 * the SDK's default retries would then send it twice. Only throttling, and a connection that was never opened,
 * prove the message was not taken, so only those are retried; every other failure surfaces at once and the run
 * treats its outcome as unknown.
 */
export function retryOnlyThrottling(maxAttempts: number): RetryStrategyV2 {
  const standard = new StandardRetryStrategy(maxAttempts);
  // The tokens handed back are the standard strategy's own.
  type StandardToken = Parameters<StandardRetryStrategy['recordSuccess']>[0];
  return {
    acquireInitialRetryToken: (scope) => standard.acquireInitialRetryToken(scope),
    refreshRetryTokenForRetry: (token, errorInfo) =>
      errorInfo.errorType === 'THROTTLING' || isConnectionRefused(errorInfo.error)
        ? standard.refreshRetryTokenForRetry(token as StandardToken, errorInfo)
        : Promise.reject(errorInfo.error),
    recordSuccess: (token) => standard.recordSuccess(token as StandardToken),
  };
}

export function createSesClient(endpoints: AwsEndpoints): SESv2Client {
  return new SESv2Client({
    region: endpoints.region,
    maxAttempts: MAX_ATTEMPTS,
    retryStrategy: retryOnlyThrottling(MAX_ATTEMPTS),
    ...(endpoints.sesEndpoint === undefined ? {} : { endpoint: endpoints.sesEndpoint }),
    ...(endpoints.credentials ? { credentials: endpoints.credentials } : {}),
  });
}

/** Nothing listened at the address: the request never left this machine (so it cannot have been accepted). */
export function isConnectionRefused(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    if ((current as { code?: unknown }).code === 'ECONNREFUSED') return true;
    current = current.cause;
  }
  return false;
}
