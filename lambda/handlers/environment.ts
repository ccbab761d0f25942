/**
 * The handlers' one look at the environment, at start-up: the configuration (JSON), the data bucket, and, for
 * the local run only, the endpoints of the local stand-ins. A missing or wrong value fails with its name.
 */
import type { AwsEndpoints } from '../adapters/aws-clients.ts';
import { type AppConfig, parseAppConfig } from '../config/app-config.ts';
import { InvalidOptionError } from '../errors/input-errors.ts';

export interface HandlerEnvironment {
  config: AppConfig;
  bucket: string;
  endpoints: AwsEndpoints;
}

export const ENVIRONMENT_VARIABLES = {
  config: 'SEGMENT_REPORT_CONFIG',
  bucket: 'DATA_BUCKET',
  s3Endpoint: 'SEGMENT_REPORT_S3_ENDPOINT',
  sesEndpoint: 'SEGMENT_REPORT_SES_ENDPOINT',
} as const;

export function readEnvironment(env: Readonly<Record<string, string | undefined>>): HandlerEnvironment {
  const configText = required(env, ENVIRONMENT_VARIABLES.config);
  let configJson: unknown;
  try {
    configJson = JSON.parse(configText);
  } catch (error) {
    throw new InvalidOptionError(
      `Environment variable ${ENVIRONMENT_VARIABLES.config} is not valid JSON: ${(error as Error).message}`,
    );
  }
  const s3Endpoint = env[ENVIRONMENT_VARIABLES.s3Endpoint];
  const sesEndpoint = env[ENVIRONMENT_VARIABLES.sesEndpoint];
  return {
    config: parseAppConfig(configJson),
    bucket: required(env, ENVIRONMENT_VARIABLES.bucket),
    endpoints: {
      region: env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'us-east-1',
      ...(s3Endpoint ? { s3Endpoint } : {}),
      ...(sesEndpoint ? { sesEndpoint } : {}),
    },
  };
}

function required(env: Readonly<Record<string, string | undefined>>, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new InvalidOptionError(`Environment variable ${name} is required`);
  }
  return value;
}
