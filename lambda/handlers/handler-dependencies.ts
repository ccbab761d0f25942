/** The adapters a handler works with, built once per container from the environment (or given by a test). */
import { setTimeout as delay } from 'node:timers/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { type AwsEndpoints, createS3Client, createSesClient } from '../adapters/aws-clients.ts';
import { chartAssetFiles } from '../adapters/chart-asset-files.ts';
import { S3ObjectStore } from '../adapters/s3-object-store.ts';
import { SesMailer } from '../adapters/ses-mailer.ts';
import type { AppConfig } from '../config/app-config.ts';
import type { Mailer, ObjectStore } from '../delivery/ports.ts';
import type { ChartAssetSource } from '../report/charts/chart-assets.ts';
import { readEnvironment } from './environment.ts';

export interface HandlerDependencies {
  config: AppConfig;
  /** The data bucket of the configuration (scheduled runs). */
  bucket: string;
  storeFor(bucket: string): ObjectStore;
  mailer: Mailer;
  now: () => Date;
  sleep: (milliseconds: number) => Promise<void>;
  /** The charts' files beside the function's bundle. */
  chartAssets: ChartAssetSource;
}

/** Real adapters from the environment: AWS, or the local stand-ins when their endpoints are set. */
export function dependenciesFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
): HandlerDependencies {
  const environment = readEnvironment(env);
  return dependenciesFor(environment.config, environment.bucket, environment.endpoints);
}

/** The real adapters for a configuration, a bucket and endpoints (AWS, or the local stand-ins). */
export function dependenciesFor(
  config: AppConfig,
  bucket: string,
  endpoints: AwsEndpoints,
): HandlerDependencies {
  const s3: S3Client = createS3Client(endpoints);
  return {
    config,
    bucket,
    storeFor: (name) => new S3ObjectStore(s3, name),
    mailer: new SesMailer(createSesClient(endpoints), config.configurationSetName),
    now: () => new Date(),
    sleep: (milliseconds) => delay(milliseconds),
    chartAssets: chartAssetFiles(),
  };
}

/** Builds the dependencies on first use and keeps them for the container's life. */
export function lazily<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
}

/**
 * The handler Lambda calls: `create` given the real adapters, built from the environment on first use and kept
 * for the container's life. Tests and the local run call `create` with adapters of their own.
 */
export function deployedHandler<H>(create: (dependencies: () => HandlerDependencies) => H): H {
  return create(lazily(() => dependenciesFromEnvironment(process.env)));
}
