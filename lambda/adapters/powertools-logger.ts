/** Structured JSON logs through Powertools Logger, behind the delivery code's RunLogger interface. */
import { Logger } from '@aws-lambda-powertools/logger';
import type { RunLogger } from '../delivery/ports.ts';

export function createLogger(serviceName: string, runId?: string): { logger: Logger; runLogger: RunLogger } {
  const logger = new Logger({ serviceName });
  if (runId) logger.appendKeys({ runId });
  return {
    logger,
    runLogger: {
      info: (message, fields) => logger.info(message, fields ?? {}),
      warn: (message, fields) => logger.warn(message, fields ?? {}),
      error: (message, fields) => logger.error(message, fields ?? {}),
    },
  };
}
