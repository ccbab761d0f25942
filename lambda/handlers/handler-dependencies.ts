/** The adapters a handler works with, built once per container from the environment (or given by a test). */
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import { type AwsEndpoints, createS3Client, createSesClient } from '../adapters/aws-clients.ts';
import { S3ObjectStore } from '../adapters/s3-object-store.ts';
import { SesMailer } from '../adapters/ses-mailer.ts';
import type { AppConfig } from '../config/app-config.ts';
import { FUNCTION_TIMEOUT_SECONDS } from '../config/function-limits.ts';
import type { DeliveryContext } from '../delivery/delivery-context.ts';
import type { Mailer, ObjectStore, RunLogger } from '../delivery/ports.ts';
import { readEnvironment } from './environment.ts';

export interface HandlerDependencies {
  config: AppConfig;
  /** The data bucket of the configuration (scheduled runs). */
  bucket: string;
  storeFor(bucket: string): ObjectStore;
  mailer: Mailer;
  now: () => Date;
  sleep: (milliseconds: number) => Promise<void>;
}

/** What Lambda's context tells a handler: its request id and how long it has left. */
export interface InvocationContext {
  awsRequestId: string;
  getRemainingTimeInMillis?: () => number;
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
  };
}

/**
 * The delivery context of one invocation: its deadline is Lambda's remaining time when the context gives it,
 * else (the local run, tests) the function's deployed timeout.
 */
export function deliveryContextFor(
  deps: HandlerDependencies,
  store: ObjectStore,
  logger: RunLogger,
  invocation: InvocationContext | undefined,
): DeliveryContext {
  const started = deps.now();
  const startedReal = performance.now();
  const remainingMs =
    invocation?.getRemainingTimeInMillis ??
    (() => FUNCTION_TIMEOUT_SECONDS * 1000 - (performance.now() - startedReal));
  return {
    store,
    mailer: deps.mailer,
    logger,
    config: deps.config,
    clock: {
      now: deps.now,
      sleep: deps.sleep,
      deadline: new Date(started.getTime() + Math.round(remainingMs())),
      remainingMs,
    },
    runId: invocation?.awsRequestId ?? `local-${started.getTime().toString(36)}`,
    attemptId: randomUUID(),
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
