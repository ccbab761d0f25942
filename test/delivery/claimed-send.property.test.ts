/**
 * The promise behind every executive email, as a property: for any interleaving of two runs of the same claim
 * (fast-check's scheduler orders every store and mail call), any single fault (a store call that fails before or
 * after it took effect, loses its answer, or never returns as in a killed run; a refused, unanswered or
 * accepted-but-unanswered send), and Lambda's retries replayed at +1 and +3 minutes: at most one email, and
 * never a silent success with nothing sent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '../../lambda/config/app-config.ts';
import { runOnce } from '../../lambda/delivery/claimed-run.ts';
import type { DeliveryContext } from '../../lambda/delivery/delivery-context.ts';
import { senderOf } from '../../lambda/delivery/email-sender.ts';
import { type EmailMessage, type Mailer, type ObjectStore } from '../../lambda/delivery/ports.ts';
import { sendOnce } from '../../lambda/delivery/send-once.ts';
import { FakeClock, SILENT_LOGGER } from '../support/fake-clock.ts';
import { MemoryObjectStore } from '../support/memory-object-store.ts';
import { EmailNotSentError, EmailOutcomeUnknownError } from '../../lambda/errors/delivery-errors.ts';
import { testChartAssets } from '../support/chart-assets.ts';

const CLAIM_KEY = 'runs/weekly/2025-W10.json';
const T0 = new Date('2025-03-10T07:00:00Z');
const TIMEOUT_MS = 300_000;
const RETRY_DELAYS_MS = [60_000, 180_000];
const CONFIG = parseAppConfig({
  sender: 'reports@segment-report.example',
  recipients: { executives: ['ceo@shop.example'], dataTeam: ['data@shop.example'] },
});

type StoreFault = 'fails' | 'fails-after-writing' | 'loses-answer' | 'hangs';
type MailFault = 'refused' | 'no-answer' | 'accepted-no-answer' | 'hangs' | 'accepted-then-hangs';
type Fault =
  { on: 'none' } | { on: 'store'; call: number; kind: StoreFault } | { on: 'mail'; kind: MailFault };

const faults: fc.Arbitrary<Fault> = fc.oneof(
  fc.constant<Fault>({ on: 'none' }),
  fc.record({
    on: fc.constant('store' as const),
    call: fc.nat({ max: 24 }),
    kind: fc.constantFrom<StoreFault>('fails', 'fails-after-writing', 'loses-answer', 'hangs'),
  }),
  fc.record({
    on: fc.constant('mail' as const),
    kind: fc.constantFrom<MailFault>(
      'refused',
      'no-answer',
      'accepted-no-answer',
      'hangs',
      'accepted-then-hangs',
    ),
  }),
);

const NEVER = new Promise<never>(() => {});

/** The world both runs share: one bucket, one mail service, one clock, the fault armed once. */
class World {
  readonly store = new MemoryObjectStore();
  readonly clock = new FakeClock(T0);
  readonly delivered: EmailMessage[] = [];
  private calls = 0;
  private mailFaultUsed = false;

  constructor(
    private readonly fault: Fault,
    private readonly gate: () => Promise<void>,
  ) {}

  /** The bucket as each run sees it: every call waits for the scheduler, the armed call misbehaves. */
  storeView(): ObjectStore {
    const store = this.store;
    // An idempotent call whose answer was lost is simply retried by the SDK; a conditional write's retry meets
    // 412, which the adapter reads as null.
    const call = async <T>(
      apply: () => Promise<T>,
      lostAnswer: (result: T) => T = (result) => result,
    ): Promise<T> => {
      await this.gate();
      const index = this.calls;
      this.calls += 1;
      const fault = this.fault.on === 'store' && this.fault.call === index ? this.fault.kind : null;
      if (fault === 'hangs') return NEVER;
      if (fault === 'fails') throw new Error('S3 unavailable');
      const result = await apply();
      if (fault === 'fails-after-writing') throw new Error('connection reset after the write');
      return fault === 'loses-answer' ? lostAnswer(result) : result;
    };
    return {
      bucket: store.bucket,
      readStream: (key, version) => call(() => store.readStream(key, version)),
      readText: (key) => call(() => store.readText(key)),
      write: (key, body) => call(() => store.write(key, body)),
      createIfAbsent: (key, body) =>
        call(
          () => store.createIfAbsent(key, body),
          () => null,
        ),
      replaceIfUnchanged: (key, body, type, etag) =>
        call(
          () => store.replaceIfUnchanged(key, body, type, etag),
          () => null,
        ),
      list: (prefix) => call(() => store.list(prefix)),
      signedDownloadUrl: (key, seconds) => store.signedDownloadUrl(key, seconds),
    };
  }

  mailer(): Mailer {
    return {
      send: async (message) => {
        await this.gate();
        const toExecutives = message.to.includes('ceo@shop.example');
        const fault =
          this.fault.on === 'mail' && toExecutives && !this.mailFaultUsed ? this.fault.kind : null;
        if (fault !== null) this.mailFaultUsed = true;
        if (fault === 'refused') throw new EmailNotSentError('SES refused: throttled');
        if (fault === 'no-answer') throw new EmailOutcomeUnknownError('connection reset before an answer');
        if (fault === 'hangs') return NEVER;
        this.delivered.push(message);
        if (fault === 'accepted-no-answer') throw new EmailOutcomeUnknownError('500 after accepting');
        if (fault === 'accepted-then-hangs') return NEVER;
        return `message-${this.delivered.length}`;
      },
    };
  }

  context(attemptId: string): DeliveryContext {
    return {
      store: this.storeView(),
      mailer: this.mailer(),
      logger: SILENT_LOGGER,
      config: CONFIG,
      clock: this.clock.forInvocation(TIMEOUT_MS),
      runId: attemptId.split('/')[0] ?? attemptId,
      attemptId,
      chartAssets: testChartAssets,
    };
  }

  executiveEmails(): number {
    return this.delivered.filter((message) => message.to.includes('ceo@shop.example')).length;
  }

  dataTeamNotices(): number {
    return this.delivered.filter((message) => message.to.includes('data@shop.example')).length;
  }
}

type Ending = 'succeeded' | 'failed' | 'killed';

/** One invocation: the claimed send of the weekly report. */
function invoke(world: World, attemptId: string): { done: Promise<Ending> } {
  const context = world.context(attemptId);
  const settled = runOnce(context, CLAIM_KEY, 'the weekly report 2025-W10', (claim) =>
    sendOnce(
      context,
      claim,
      {
        ...senderOf(CONFIG),
        to: ['ceo@shop.example'],
        subject: 'Weekly',
        html: '<p>',
        text: 'x',
        attachments: [],
      },
      'the weekly report 2025-W10',
    ),
  ).then(
    (): Ending => 'succeeded',
    (): Ending => 'failed',
  );
  return { done: settled };
}

/**
 * Lets the scheduler run every call until `done` settles; an invocation still pending when nothing is left to
 * run hangs on a call that never returns: killed, as Lambda's timeout would.
 */
async function settle(scheduler: fc.Scheduler, done: Promise<Ending>): Promise<Ending> {
  let ending: Ending | undefined;
  void done.then((value) => (ending = value));
  for (let idle = 0, step = 0; ending === undefined && idle < 5 && step < 10_000; step += 1) {
    if (scheduler.count() > 0) {
      idle = 0;
      await scheduler.waitOne();
    } else {
      idle += 1;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return ending ?? 'killed';
}

describe('claimed send, two runs, one fault, retries replayed', () => {
  it('delivers at most one executive email, and exactly one unless the send itself was left unknown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), faults, async (scheduler, fault) => {
        const world = new World(fault, () => scheduler.schedule(Promise.resolve()));
        const endings = new Map<string, Ending>();
        const firsts = ['run-a', 'run-b'].map((run) => ({ run, ...invoke(world, `${run}/1`) }));
        for (const { run, done } of firsts) endings.set(run, await settle(scheduler, done));

        // Lambda's retries of each invocation that failed or was killed, the clock moved on.
        for (const { run } of firsts) {
          for (const [index, delay] of RETRY_DELAYS_MS.entries()) {
            if (endings.get(run) === 'succeeded') break;
            world.clock.set(new Date(T0.getTime() + delay));
            endings.set(run, await settle(scheduler, invoke(world, `${run}/${index + 2}`).done));
          }
        }

        const emails = world.executiveEmails();
        expect(emails).toBeLessThanOrEqual(1);
        const sendLeftUnknown =
          fault.on === 'mail' &&
          ['no-answer', 'accepted-no-answer', 'hangs', 'accepted-then-hangs'].includes(fault.kind);
        if (!sendLeftUnknown) expect(emails).toBe(1);
        if (emails === 0) {
          // Never a silent success: the alarm (a failed invocation) and a notice to the data team.
          expect([...endings.values()]).toContain('failed');
          expect(world.dataTeamNotices()).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 300, seed: 20_251_130 },
    );
  });
});
