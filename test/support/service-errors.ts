/**
 * The error answers the fault proxy makes up, written as each service writes its own, so the AWS SDK reads and
 * classifies them (retry or not) as it would the real service's: S3's XML `<Error>`, SES v2's JSON body with
 * the `x-amzn-ErrorType` header.
 */
import type { ProxyAnswer } from '../../local/loopback-proxy.ts';

const DEFAULT_ERRORS: Record<'s3' | 'ses', Record<number, { code: string; message: string }>> = {
  s3: {
    500: { code: 'InternalError', message: 'We encountered an internal error. Please try again.' },
    503: { code: 'SlowDown', message: 'Please reduce your request rate.' },
  },
  ses: {
    500: {
      code: 'InternalFailure',
      message: 'The request processing has failed because of an unknown error.',
    },
    503: { code: 'ServiceUnavailable', message: 'The service is unavailable. Please try again later.' },
  },
};

/** The answer `status` with the service's error `code` and `message` (the usual ones for 500 and 503). */
export function serviceError(
  service: 's3' | 'ses',
  status: number,
  given: { code?: string; message?: string } = {},
): ProxyAnswer {
  const known = DEFAULT_ERRORS[service][status];
  const code = given.code ?? known?.code ?? 'ServiceError';
  const message = given.message ?? known?.message ?? `injected ${status}`;
  if (service === 's3') {
    return {
      answer: status,
      headers: { 'content-type': 'application/xml' },
      body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
    };
  }
  return {
    answer: status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': code },
    body: JSON.stringify({ message }),
  };
}
