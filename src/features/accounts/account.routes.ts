/** HTTP routes for the account's settings and the calendar feed's secret URL. */
import { z } from 'zod';
import { DEFAULT_PLAYBOOK } from '../../core/playbook';
import { parsePlaybook } from '../../core/playbook-schema';
import type { Account } from '../../core/types';
import {
  currentFeedToken,
  feedPath,
  getAccountWithFeedToken,
  revokeFeedToken,
  rotateFeedToken,
} from '../calendar/feed-token.service';
import type { ServiceContext } from '../context';
import type { FeatureRoutes } from '../route-kit';
import { updateSettings } from './account.service';
import { type SettingsView, settingsPatchSchema, settingsView } from './settings.schemas';

// A hosted request's actor is a signed-in user; a local install's is its one local user.
const modeOf = (ctx: ServiceContext): SettingsView['mode'] =>
  ctx.actor.kind === 'user' ? 'hosted' : 'local';

function presentSettings(account: Account, token: string | null, mode: SettingsView['mode']): SettingsView {
  const overrides =
    account.playbookOverrides && typeof account.playbookOverrides === 'object'
      ? (account.playbookOverrides as Record<string, unknown>)
      : {};
  let playbook = DEFAULT_PLAYBOOK;
  try {
    playbook = parsePlaybook(overrides);
  } catch {
    // A stored override that no longer validates shows the defaults; saving the form fixes it.
  }
  return {
    timeZone: account.timeZone,
    holidayRegion: account.holidayRegion,
    ownEmails: account.ownEmails,
    playbookOverrides: overrides,
    playbook,
    signature: account.signature,
    displayName: account.displayName,
    locale: account.locale,
    localeChosen: account.localeChosen,
    feedPath: token ? feedPath(token) : null,
    mode,
  };
}

export const accountRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.get('/settings', { schema: { tags: ['settings'], response: { 200: settingsView } } }, async (req) => {
    const ctx = await contextOf(req);
    const { account, token } = await getAccountWithFeedToken(ctx);
    return presentSettings(account, token, modeOf(ctx));
  });

  app.patch(
    '/settings',
    { schema: { tags: ['settings'], body: settingsPatchSchema, response: { 200: settingsView } } },
    async (req) => {
      const ctx = await contextOf(req);
      const account = await updateSettings(ctx, req.body);
      return presentSettings(account, await currentFeedToken(ctx), modeOf(ctx));
    },
  );

  app.post(
    '/settings/feed',
    {
      schema: {
        tags: ['settings'],
        description: 'Create the private calendar feed URL, or replace it (the old URL stops working).',
        response: { 200: z.object({ feedPath: z.string() }) },
      },
    },
    async (req) => ({ feedPath: feedPath(await rotateFeedToken(await contextOf(req))) }),
  );

  app.delete(
    '/settings/feed',
    { schema: { tags: ['settings'], response: { 200: z.object({ feedPath: z.null() }) } } },
    async (req) => {
      await revokeFeedToken(await contextOf(req));
      return { feedPath: null };
    },
  );
};
