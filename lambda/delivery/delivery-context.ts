import type { AppConfig } from '../config/app-config.ts';
import type { ChartAssetSource } from '../report/charts/chart-assets.ts';
import type { Mailer, ObjectStore, RunLogger } from './ports.ts';
import type { RunClock } from './run-clock.ts';

/** What every run is given: the adapters, the configuration, the invocation's clock and its ids. */
export interface DeliveryContext {
  store: ObjectStore;
  mailer: Mailer;
  logger: RunLogger;
  config: AppConfig;
  clock: RunClock;
  /** Correlates logs and claims (the Lambda request id, the same for Lambda's retries of one event). */
  runId: string;
  /** This invocation alone (a random id): what a claim is held by. */
  attemptId: string;
  /** The charts' WebAssembly and font, read on the first report with charts (the bundle's own files). */
  chartAssets: ChartAssetSource;
}
