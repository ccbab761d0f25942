import type { AppConfig } from '../config/app-config.ts';
import type { Mailer, ObjectStore, RunLogger } from './ports.ts';

/** What every run is given: the adapters, the configuration, the clock and the run's id. */
export interface DeliveryContext {
  store: ObjectStore;
  mailer: Mailer;
  logger: RunLogger;
  config: AppConfig;
  now: () => Date;
  /** Correlates logs and claims (the Lambda request id). */
  runId: string;
}
