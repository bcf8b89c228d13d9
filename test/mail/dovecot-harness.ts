/**
 * A real IMAP server for tests: Debian's Dovecot, started as root with a throwaway config and
 * passwd-file in a temp dir, listening on a free loopback port. Tests skip with a one-line
 * reason when Dovecot is not installed, unless AFTERVIEW_REQUIRE_SYSTEM_DEPS=1 (CI), where a
 * missing Dovecot is a failure.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../child-process';

export const DOVECOT_BIN = '/usr/sbin/dovecot';
/** `nobody`/`nogroup` on Debian. */
const MAIL_UID = 65534;
const MAIL_GID = 65534;

/** Why Dovecot tests cannot run here, or null when they can. Throws when CI requires them. */
export function dovecotSkipReason(): string | null {
  if (existsSync(DOVECOT_BIN) && process.getuid?.() === 0) return null;
  const reason = existsSync(DOVECOT_BIN)
    ? 'Dovecot tests must run as root (it drops privileges itself)'
    : `Dovecot is not installed (${DOVECOT_BIN} missing; apt-get install dovecot-imapd)`;
  if (process.env.AFTERVIEW_REQUIRE_SYSTEM_DEPS === '1')
    throw new Error(`${reason}, and AFTERVIEW_REQUIRE_SYSTEM_DEPS=1`);
  return reason;
}

export interface DovecotServer {
  host: string;
  port: number;
  user: string;
  password: string;
  /** `imap://user:password@127.0.0.1:port?starttls=off` */
  url: string;
  /** The user's maildir (INBOX's files; deleting its `dovecot*` files rebuilds it under a new UIDVALIDITY). */
  mailDir: string;
  log(): string;
  stop(): Promise<void>;
}

async function waitForPort(
  port: number,
  child: ChildProcess,
  logPath: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      const log = existsSync(logPath) ? readFileSync(logPath, 'utf8') : '';
      throw new Error(`Dovecot exited with ${child.exitCode}: ${log.slice(-2000)}`);
    }
    const ok = await new Promise<boolean>((resolve) => {
      const s = connect(port, '127.0.0.1');
      s.once('data', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Dovecot did not listen on port ${port} within ${timeoutMs} ms`);
}

/** Start Dovecot with one user; the Sent and Drafts folders exist with their special-use flags. */
export async function startDovecot(
  options: { user?: string; password?: string } = {},
): Promise<DovecotServer> {
  const user = options.user ?? 'jo@example.test';
  const password = options.password ?? 'imap-test-password';
  const dir = mkdtempSync(join(tmpdir(), 'afterview-dovecot-'));
  // Dovecot's login processes run as dovenull and must reach the sockets under base_dir.
  chmodSync(dir, 0o755);
  mkdirSync(join(dir, 'mail'), { recursive: true });
  // Dovecot will not store mail as root: the mail belongs to `nobody`.
  chownSync(join(dir, 'mail'), MAIL_UID, MAIL_GID);
  const port = await freePort();
  const logPath = join(dir, 'dovecot.log');
  writeFileSync(join(dir, 'passwd'), `${user}:{PLAIN}${password}::::::\n`, { mode: 0o644 });
  writeFileSync(
    join(dir, 'dovecot.conf'),
    `# Throwaway test config written by test/mail/dovecot-harness.ts
protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${logPath}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${MAIL_UID} gid=${MAIL_GID} home=${dir}/mail/%u
}
namespace inbox {
  inbox = yes
  separator = /
  mailbox Sent {
    special_use = \\Sent
    auto = create
  }
  mailbox Drafts {
    special_use = \\Drafts
    auto = create
  }
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service imap-login {
  chroot =
}
`,
  );
  const child = spawn(DOVECOT_BIN, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  try {
    await waitForPort(port, child, logPath);
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    url: `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}?starttls=off`,
    mailDir: join(dir, 'mail', user),
    log: () => (existsSync(logPath) ? readFileSync(logPath, 'utf8') : ''),
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
