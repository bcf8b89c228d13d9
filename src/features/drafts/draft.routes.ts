/** HTTP routes that write drafts from the debrief: one for an action, or every thank-you of an interview. */
import { z } from 'zod';
import { checkResultView } from '../checks/check.presenter';
import { messageView, presentMessage } from '../messages/message.presenter';
import { type FeatureRoutes, idParams } from '../route-kit';
import { type DraftResult, draftForAction, draftThankYous } from './draft.service';

export const draftResultView = z.object({
  message: messageView,
  check: checkResultView,
  /** What the user should know before sending ("Set your name in Settings to sign your notes"). */
  hints: z.array(z.string()),
  /** The draft holds words the user saved, so drafting again kept it as they left it. */
  kept: z.boolean(),
});
export type DraftResultView = z.infer<typeof draftResultView>;

const present = (r: DraftResult): DraftResultView => ({
  message: presentMessage(r.message),
  check: {
    findings: r.check.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      start: f.start,
      end: f.end,
    })),
    blocked: r.check.blocked,
  },
  hints: r.hints,
  kept: r.kept,
});

export const draftRoutes: FeatureRoutes = async (app, { contextOf, dataDir }) => {
  app.post(
    '/drafts/for-action',
    {
      schema: {
        tags: ['messages'],
        description:
          "Draft the note an action asks for from the user's template and debrief (refreshes an existing draft unless the user edited it).",
        body: z.object({ key: z.string().min(1, 'is required').max(300) }),
        response: { 200: draftResultView },
      },
    },
    async (req) => present(await draftForAction(await contextOf(req), req.body.key, dataDir)),
  );

  app.post(
    '/interviews/:id/drafts',
    {
      schema: {
        tags: ['messages'],
        description:
          'One thank-you draft per interviewer not thanked yet; a draft the user edited is kept as it is.',
        params: idParams,
        response: { 200: z.object({ drafts: z.array(draftResultView) }) },
      },
    },
    async (req) => ({
      drafts: (await draftThankYous(await contextOf(req), req.params.id, dataDir)).map(present),
    }),
  );
};
