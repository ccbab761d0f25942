import type { AwsEndpoints } from '../lambda/adapters/aws-clients.ts';
import { createS3Client, createSesClient } from '../lambda/adapters/aws-clients.ts';
import { S3ObjectStore } from '../lambda/adapters/s3-object-store.ts';
import { SesMailer } from '../lambda/adapters/ses-mailer.ts';
import type { AppConfig } from '../lambda/config/app-config.ts';
import type { HandlerDependencies } from '../lambda/handlers/handler-dependencies.ts';

/** The handlers' real adapters, pointed at given endpoints (the local stand-ins). */
export function dependenciesFromEndpoints(
  config: AppConfig,
  bucket: string,
  endpoints: AwsEndpoints,
): HandlerDependencies {
  const s3 = createS3Client(endpoints);
  return {
    config,
    bucket,
    storeFor: (name) => new S3ObjectStore(s3, name),
    mailer: new SesMailer(createSesClient(endpoints), config.configurationSetName),
    now: () => new Date(),
  };
}
