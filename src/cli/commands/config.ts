/**
 * `afterview config set KEY VALUE` and `afterview config show`. Keys are a table so another
 * feature (mail: smtp, imap) adds its own without touching the others.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { isEmail } from '../../core/address';
import { isLocale, LOCALES } from '../../core/drafts/locale';
import { invalid } from '../../core/errors';
import { parsePlaybook } from '../../core/playbook-schema';
import { getAccount, getPlaybook, updateSettings } from '../../features/accounts/account.service';
import { isKnownRegion } from '../../features/holidays/holiday.service';
import { present } from '../output';
import type { CommandKit } from '../program';
import type { Session } from '../session';
import { MAIL_CONFIG_KEYS } from './mail';

/** One settable key: what it takes, and how to apply it. Returns a sentence for people. */
export interface ConfigKey {
  usage: string;
  set: (session: Session, value: string) => Promise<string>;
}

export const CONFIG_KEYS: Record<string, ConfigKey> = {
  timezone: {
    usage: 'IANA zone, e.g. America/Los_Angeles',
    set: async (s, value) => {
      const account = await updateSettings(s.ctx, { timeZone: value });
      return `Time zone set to ${account.timeZone}.`;
    },
  },
  holidays: {
    usage: 'holiday region, e.g. US, US-CA, GB-ENG, DE-BY, or "none"',
    set: async (s, value) => {
      if (value.toLowerCase() === 'none') {
        await updateSettings(s.ctx, { holidayRegion: null });
        return 'Business days now skip weekends only.';
      }
      const region = value.toUpperCase();
      if (!(await isKnownRegion(region))) {
        throw invalid(
          `holidays: "${value}" is not a region the holiday calendar knows (try US, US-CA, GB-ENG, DE-BY).`,
        );
      }
      await updateSettings(s.ctx, { holidayRegion: region });
      return `Business days now skip the public holidays of ${region}.`;
    },
  },
  playbook: {
    usage: 'a JSON or YAML file of playbook overrides, or "default"',
    set: async (s, value) => {
      if (value === 'default') {
        await updateSettings(s.ctx, { playbookOverrides: {} });
        return 'Playbook reset to the defaults.';
      }
      const overrides = await readPlaybookFile(resolve(s.io.cwd, value));
      parsePlaybook(overrides, value);
      await updateSettings(s.ctx, { playbookOverrides: overrides });
      return `Playbook loaded from ${value}.`;
    },
  },
  me: {
    usage: 'your own email address(es), comma-separated',
    set: async (s, value) => {
      const emails = value
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
      const bad = emails.find((e) => !isEmail(e));
      if (bad !== undefined || emails.length === 0)
        throw invalid(`me: "${bad ?? value}" is not a valid email address.`);
      await updateSettings(s.ctx, { ownEmails: emails });
      return `Your addresses: ${emails.join(', ')}.`;
    },
  },
  name: {
    usage: 'your name, used to sign drafts',
    set: async (s, value) => {
      await updateSettings(s.ctx, { displayName: value.trim() || null });
      return `Name set to ${value.trim()}.`;
    },
  },
  signature: {
    usage: 'the sign-off at the end of drafts (use \\n for new lines)',
    set: async (s, value) => {
      await updateSettings(s.ctx, { signature: value.replaceAll('\\n', '\n') || null });
      return 'Signature saved.';
    },
  },
  locale: {
    usage: `${LOCALES.join(' | ')}, or "default" to follow the time zone (dates in notes, spelling)`,
    set: async (s, value) => {
      if (value.toLowerCase() === 'default') {
        const account = await updateSettings(s.ctx, { locale: null });
        return `Locale follows your time zone: ${account.locale}.`;
      }
      // Accept en_gb / EN-GB as typed; store the canonical form.
      const canonical = value
        .replace('_', '-')
        .replace(
          /^([a-z]+)-([a-z]+)$/i,
          (_m, l: string, r: string) => `${l.toLowerCase()}-${r.toUpperCase()}`,
        );
      if (!isLocale(canonical))
        throw invalid(`locale: "${value}" is not one of ${LOCALES.join(', ')} (or "default").`, 'locale');
      await updateSettings(s.ctx, { locale: canonical });
      return `Locale set to ${canonical}: ${canonical === 'en-GB' ? 'dates read "Wednesday 2 December", British spelling' : 'dates read "Wednesday, December 2", US spelling'}.`;
    },
  },
  // smtp, imap, mail-signature: owned by the mail commands.
  ...MAIL_CONFIG_KEYS,
};

async function readPlaybookFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw invalid(`playbook: cannot read ${path}.`, 'playbook');
  }
  try {
    // yaml is loaded on use: only a playbook file needs it, not every command's start-up.
    return /\.ya?ml$/i.test(path) ? (await import('../yaml')).parseYaml(text) : JSON.parse(text);
  } catch (err) {
    const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw invalid(
      `playbook: ${path} is not valid ${/\.ya?ml$/i.test(path) ? 'YAML' : 'JSON'}: ${detail}`,
      'playbook',
    );
  }
}

export function registerConfigCommands(program: Command, kit: CommandKit): void {
  const config = program
    .command('config')
    .description('settings: time zone, holidays, playbook, your addresses');
  config
    .command('set')
    .description(`set one setting: ${Object.keys(CONFIG_KEYS).join(' | ')}`)
    .argument('<key>', Object.keys(CONFIG_KEYS).join(' | '))
    .argument('<value>', 'the new value')
    .action((key: string, value: string, _o: unknown, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const entry = CONFIG_KEYS[key];
        if (!entry) {
          throw invalid(
            `config: unknown setting "${key}"; one of ${Object.keys(CONFIG_KEYS).join(', ')}.`,
            'key',
          );
        }
        const said = await entry.set(s, value);
        present(s, { ok: true, key, message: said }, () => said);
      }),
    );
  config
    .command('show')
    .description('print the settings and the effective playbook')
    .action((_o: unknown, cmd: Command) =>
      kit.run(cmd, async (s) => {
        const account = await getAccount(s.ctx);
        const playbook = await getPlaybook(s.ctx);
        const shown = {
          timeZone: account.timeZone,
          holidayRegion: account.holidayRegion,
          ownEmails: account.ownEmails,
          name: account.displayName,
          signature: account.signature,
          locale: account.locale,
          localeChosen: account.localeChosen,
          dataDir: s.dataDir,
          playbook,
        };
        present(s, shown, () =>
          [
            `time zone   ${account.timeZone}`,
            `holidays    ${account.holidayRegion ?? 'none (weekends only)'}`,
            `me          ${account.ownEmails.join(', ') || '-'}`,
            `name        ${account.displayName ?? '-'}`,
            `locale      ${account.locale}${account.localeChosen ? '' : ' (from the time zone)'}`,
            `data        ${s.dataDir}`,
            `playbook    ${JSON.stringify(playbook)}`,
          ].join('\n'),
        );
      }),
    );
}
