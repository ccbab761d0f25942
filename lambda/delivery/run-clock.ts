/** The invocation's clock: injected, so that tests can replay Lambda's retries minutes later. */
export interface RunClock {
  now(): Date;
  sleep(milliseconds: number): Promise<void>;
  /** When the platform kills this invocation (Lambda: now + remaining time), on the injected clock. */
  deadline: Date;
  /** Real milliseconds left before the platform kills this invocation (Lambda's `getRemainingTimeInMillis`). */
  remainingMs(): number;
}
