/**
 * A real SMTP server for tests (the smtp-server package, which implements the protocol) on a
 * free loopback port. Each message meets a behaviour: accept, defer (4xx), reject (5xx), refuse
 * to relay, or drop the connection before or after the data. Every accepted message is logged
 * with its Message-ID, so tests can count deliveries.
 */
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export type SmtpBehaviour =
  | 'accept'
  | 'defer'
  | 'reject'
  | 'relay-refused'
  | 'drop-before-data'
  | 'drop-after-data';

export interface AcceptedMessage {
  messageId: string | null;
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpHarness {
  host: string;
  port: number;
  /** `smtp://…?starttls=off` (with user and password when the harness requires them). */
  url: string;
  accepted: AcceptedMessage[];
  /** Message-IDs accepted, in order. */
  acceptedIds(): string[];
  /** Queue behaviours for the next messages, in order; after the queue, `fallback` applies. */
  next(...behaviours: SmtpBehaviour[]): void;
  /** Behaviour once the queue is empty (default accept). */
  fallback: SmtpBehaviour;
  /** Milliseconds to wait before answering the end of data (slows sends down for crash tests). */
  acceptDelayMs: number;
  /** Messages whose data has arrived and whose answer is still being delayed: sends in flight. */
  inData: number;
  /** Forget queued behaviours and accepted messages; back to accepting everything. */
  reset(): void;
  close(): Promise<void>;
}

interface SessionState {
  behaviour: SmtpBehaviour;
}

export async function startSmtpHarness(
  options: { user?: string; password?: string; acceptDelayMs?: number } = {},
): Promise<SmtpHarness> {
  const queue: SmtpBehaviour[] = [];
  const states = new Map<string, SessionState>();
  const accepted: AcceptedMessage[] = [];
  const harness = {} as SmtpHarness;

  const server: SMTPServer = new SMTPServer({
    authOptional: !options.user,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password)
        return callback(null, { user: auth.username });
      const err = Object.assign(new Error('Authentication credentials invalid'), { responseCode: 535 });
      return callback(err);
    },
    onMailFrom(_address, session, callback) {
      states.set(session.id, { behaviour: queue.shift() ?? harness.fallback });
      callback();
    },
    onRcptTo(_address, session, callback) {
      const state = states.get(session.id);
      if (state?.behaviour === 'relay-refused') {
        return callback(Object.assign(new Error('5.7.1 Relay access denied'), { responseCode: 554 }));
      }
      if (state?.behaviour === 'drop-before-data') return dropConnection(server, session);
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const behaviour = states.get(session.id)?.behaviour ?? 'accept';
        const raw = Buffer.concat(chunks).toString('utf8');
        if (behaviour === 'drop-after-data') return dropConnection(server, session);
        if (behaviour === 'defer') {
          return callback(
            Object.assign(new Error('4.3.0 Mailbox busy, try again later'), { responseCode: 451 }),
          );
        }
        if (behaviour === 'reject') {
          return callback(
            Object.assign(new Error('5.7.1 Message rejected as spam by content filter'), {
              responseCode: 554,
            }),
          );
        }
        const finish = () => {
          accepted.push({
            messageId: headerValue(raw, 'message-id'),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          harness.inData -= 1;
          callback(null, 'Message queued');
        };
        harness.inData += 1;
        if (harness.acceptDelayMs > 0) setTimeout(finish, harness.acceptDelayMs);
        else finish();
      });
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const auth = options.user
    ? `${encodeURIComponent(options.user)}:${encodeURIComponent(options.password ?? '')}@`
    : '';
  Object.assign(harness, {
    host: '127.0.0.1',
    port,
    url: `smtp://${auth}127.0.0.1:${port}?starttls=off`,
    accepted,
    acceptedIds: () => accepted.map((m) => m.messageId ?? ''),
    next: (...b: SmtpBehaviour[]) => queue.push(...b),
    fallback: 'accept' as SmtpBehaviour,
    acceptDelayMs: options.acceptDelayMs ?? 0,
    inData: 0,
    reset: () => {
      queue.length = 0;
      accepted.length = 0;
      harness.fallback = 'accept';
      harness.acceptDelayMs = options.acceptDelayMs ?? 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
  return harness;
}

/** The unfolded value of the first `name:` header of a raw message. */
export function headerValue(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const re = new RegExp(`^${name}:\\s*(.*)$`, 'im');
  return re.exec(unfolded)?.[1]?.trim() ?? null;
}

function dropConnection(server: SMTPServer, session: SMTPServerSession): void {
  // smtp-server offers no API to cut a session: find its socket among the open connections.
  const connections = (
    server as unknown as { connections: Set<{ id: string; _socket?: { destroy(): void } }> }
  ).connections;
  for (const c of connections) if (c.id === session.id) c._socket?.destroy();
}
