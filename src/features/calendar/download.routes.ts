/**
 * `GET /api/calendar/actions.ics`: the open actions as a one-off calendar file to download and
 * open (or import) in any calendar app. Unlike the feed it needs no address a calendar service
 * can reach, so it also works for Google Calendar, which cannot fetch a feed from this machine.
 */
import type { FeatureRoutes } from '../route-kit';
import { buildFeed } from './feed.service';

export const calendarDownloadRoutes: FeatureRoutes = async (app, { contextOf }) => {
  app.get(
    '/calendar/actions.ics',
    { schema: { tags: ['today'], description: 'Every open action as an iCalendar file, to import once.' } },
    async (req, reply) => {
      const body = await buildFeed(await contextOf(req));
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="afterview-actions.ics"')
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );
};
