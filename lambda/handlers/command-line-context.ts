/**
 * The command line's handler-side wiring, in the outer ring with the functions' own (it reads the environment).
 * The delivery context of a held-report command (`release`, `discard`, `held`): the same configuration, bucket and
 * adapters the functions get, so that a decision taken here is the one an approval object takes. The configuration
 * comes from `--config FILE` (the JSON of SEGMENT_REPORT_CONFIG) or that variable, the bucket from `--bucket` or
 * DATA_BUCKET, the endpoints from the local stand-ins' variables or AWS; credentials from the SDK's default chain.
 *
 * This file imports the handlers' `readEnvironment`, `dependenciesFor` and `deliveryContextFor` on purpose: the
 * command line must read the environment and build the adapters exactly as the functions do, and copying them
 * would let the two drift apart.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseAppConfig } from '../config/app-config.ts';
import type { DeliveryContext } from '../delivery/delivery-context.ts';
import type { RunLogger } from '../delivery/ports.ts';
import { messageOf } from '../errors/segment-report-error.ts';
import { InvalidOptionError } from '../errors/input-errors.ts';
import { ENVIRONMENT_VARIABLES, readEnvironment } from './environment.ts';
import { dependenciesFor } from './handler-dependencies.ts';
import { deliveryContextFor } from './invocation-context.ts';

/** Where the command's bucket and configuration come from when not from the environment. */
export interface BucketFlags {
  config?: string | undefined;
  bucket?: string | undefined;
}

/** The command line tells what happened in its one line; failures come back as exceptions, not logs. */
const SILENT_LOGGER: RunLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The context of one command: the bucket named by the flags or the environment, the clock the real one. */
export async function bucketContext(
  command: string,
  flags: BucketFlags,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<DeliveryContext> {
  const configText =
    flags.config === undefined ? env[ENVIRONMENT_VARIABLES.config] : await configFile(command, flags.config);
  if (configText === undefined || configText.trim() === '') {
    throw new InvalidOptionError(
      `${command}: no configuration: pass --config FILE or set ${ENVIRONMENT_VARIABLES.config}`,
    );
  }
  const bucket = flags.bucket ?? env[ENVIRONMENT_VARIABLES.bucket];
  if (bucket === undefined || bucket.trim() === '') {
    throw new InvalidOptionError(
      `${command}: no bucket: pass --bucket NAME or set ${ENVIRONMENT_VARIABLES.bucket}`,
    );
  }
  const environment = readEnvironment({
    ...env,
    [ENVIRONMENT_VARIABLES.config]: configText,
    [ENVIRONMENT_VARIABLES.bucket]: bucket,
  });
  const deps = dependenciesFor(environment.config, environment.bucket, environment.endpoints);
  return deliveryContextFor(deps, deps.storeFor(environment.bucket), SILENT_LOGGER, {
    awsRequestId: `cli-${randomUUID()}`,
  });
}

/** The text of `--config FILE`, checked here so that a mistake names the file: unreadable, not JSON, or invalid. */
async function configFile(command: string, file: string): Promise<string> {
  const where = `${command}: --config ${file}`;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (code ?? 'unreadable');
    throw new InvalidOptionError(`${where}: cannot read it (${why})`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InvalidOptionError(`${where}: not valid JSON: ${messageOf(error)}`, { file });
  }
  try {
    parseAppConfig(json);
  } catch (error) {
    throw new InvalidOptionError(`${where}: ${messageOf(error)}`, { file });
  }
  return text;
}
