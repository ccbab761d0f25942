/**
 * A run's world in memory, for the unit tests of the delivery runs: the in-memory store, a mailer that keeps
 * every message (or fails once as told), the fake clock, and the configuration of the integration tests. No
 * server: the local-server tests keep the wiring (handlers, SDK clients, S3 events); these keep the run logic.
 */
import { HOLD_OFF } from './hold-settings.ts';
import { type AppConfig, type AppConfigInput, parseAppConfig } from '../../lambda/config/app-config.ts';
import type { ClaimRecord } from '../../lambda/delivery/claim-record.ts';
import type { DeliveryContext } from '../../lambda/delivery/delivery-context.ts';
import type { EmailMessage, Mailer } from '../../lambda/delivery/ports.ts';
import { FakeClock, SILENT_LOGGER } from './fake-clock.ts';
import { MemoryObjectStore } from './memory-object-store.ts';
import { testChartAssets } from './chart-assets.ts';

export const MEMORY_EXECUTIVES = ['ceo@shop.example', 'cfo@shop.example'];
export const MEMORY_DATA_TEAM = ['data-team@shop.example'];

/** Lambda's timeout: each invocation's claim expires with it. */
export const MEMORY_TIMEOUT_MS = 300_000;

const MEMORY_CONFIG_INPUT: AppConfigInput = {
  sender: 'reports@segment-report.example',
  recipients: { executives: MEMORY_EXECUTIVES, dataTeam: MEMORY_DATA_TEAM },
  report: { locale: 'en', currency: 'GBP', timeZone: 'Europe/London' },
  hold: HOLD_OFF,
};

/** Keeps every message it is given; `failNextWith` makes the next send throw instead. */
export class RecordingMailer implements Mailer {
  readonly sent: EmailMessage[] = [];
  private failure: Error | undefined;

  failNextWith(error: Error): void {
    this.failure = error;
  }

  async send(message: EmailMessage): Promise<string> {
    const failure = this.failure;
    this.failure = undefined;
    if (failure) throw failure;
    this.sent.push(message);
    return `message-${this.sent.length}`;
  }

  toExecutives(): EmailMessage[] {
    return this.sent.filter((message) => message.to.join() === MEMORY_EXECUTIVES.join());
  }

  toDataTeam(): EmailMessage[] {
    return this.sent.filter((message) => message.to.join() === MEMORY_DATA_TEAM.join());
  }
}

export class MemoryDelivery {
  readonly store = new MemoryObjectStore();
  readonly mailer = new RecordingMailer();
  readonly clock: FakeClock;
  readonly config: AppConfig;

  constructor(now: Date, configOverrides: Partial<AppConfigInput> = {}) {
    this.clock = new FakeClock(now);
    this.config = parseAppConfig({ ...MEMORY_CONFIG_INPUT, ...configOverrides });
  }

  /** The context of one invocation starting now on the fake clock. */
  context(attemptId = 'attempt-1'): DeliveryContext {
    return {
      store: this.store,
      mailer: this.mailer,
      logger: SILENT_LOGGER,
      config: this.config,
      clock: this.clock.forInvocation(MEMORY_TIMEOUT_MS),
      runId: `request-${attemptId}`,
      attemptId,
      chartAssets: testChartAssets,
    };
  }

  /** The claim record under `key`, as the store holds it, or null. */
  async claim(key: string): Promise<ClaimRecord | null> {
    const stored = await this.store.readText(key);
    return stored ? (JSON.parse(stored.text) as ClaimRecord) : null;
  }

  keys(prefix: string): string[] {
    return [...this.store.objects.keys()].filter((key) => key.startsWith(prefix)).sort();
  }
}
