/**
 * The SMTP harness as most test files use it: one server started before the file's tests, reset
 * before each test (no behaviours queued, nothing accepted, no delay), closed after the last.
 * Call it at the top of the file; the handle reads and writes the running harness.
 */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { type SmtpBehaviour, type SmtpHarness, startSmtpHarness } from './smtp-harness';

export function smtpHarnessPerFile(options: Parameters<typeof startSmtpHarness>[0] = {}): SmtpHarness {
  let running: SmtpHarness | undefined;
  const h = (): SmtpHarness => {
    if (!running) throw new Error('the SMTP harness starts in beforeAll: use it inside a test or hook');
    return running;
  };
  beforeAll(async () => {
    running = await startSmtpHarness(options);
  });
  beforeEach(() => h().reset());
  afterAll(async () => {
    await running?.close();
    running = undefined;
  });
  return {
    get host() {
      return h().host;
    },
    get port() {
      return h().port;
    },
    get url() {
      return h().url;
    },
    get accepted() {
      return h().accepted;
    },
    acceptedIds: () => h().acceptedIds(),
    next: (...behaviours: SmtpBehaviour[]) => h().next(...behaviours),
    get fallback() {
      return h().fallback;
    },
    set fallback(b: SmtpBehaviour) {
      h().fallback = b;
    },
    get acceptDelayMs() {
      return h().acceptDelayMs;
    },
    set acceptDelayMs(ms: number) {
      h().acceptDelayMs = ms;
    },
    get inData() {
      return h().inData;
    },
    reset: () => h().reset(),
    close: () => h().close(),
  };
}
