/** What the Insights page draws: the funnel, response times, thank-you timing, check-ins per reply. */
import { z } from 'zod';

export const insightsView = z.object({
  /** How many opportunities reached each stage (in pipeline order). */
  funnel: z.array(z.object({ stage: z.string(), count: z.number() })),
  /** Days from your first interview or note to their first reply, per company. */
  responseDays: z.array(z.object({ company: z.string(), days: z.number() })),
  /**
   * Mean days to the first reply, grouped by the stage the opportunity was in when that first
   * interview ended or note was sent (pipeline order; stages with no replies left out).
   */
  responseDaysByStage: z.array(z.object({ stage: z.string(), days: z.number(), opportunities: z.number() })),
  /** Thank-you notes sent within the playbook's window vs after it. */
  thankYous: z.object({ onTime: z.number(), late: z.number() }),
  /** Check-ins sent and replies received, per company. */
  checkIns: z.array(z.object({ company: z.string(), checkIns: z.number(), replies: z.number() })),
});
export type InsightsView = z.infer<typeof insightsView>;
