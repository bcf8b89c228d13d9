/**
 * What the API returns for opportunities. The zod shapes are the single source for the
 * response serializer, the OpenAPI document and the web client's types.
 */
import { z } from 'zod';
import { type Opportunity, STAGES } from '../../core/types';

export const opportunityView = z.object({
  id: z.string(),
  company: z.string(),
  role: z.string(),
  stage: z.enum(STAGES),
  recruiterId: z.string().nullable(),
  decisionBy: z.string().nullable(),
  domains: z.array(z.string()),
  links: z.array(z.string()),
  notes: z.string(),
  createdAt: z.string(),
  stageChangedAt: z.string(),
});
export type OpportunityView = z.infer<typeof opportunityView>;

export const opportunityListView = z.object({ opportunities: z.array(opportunityView) });
export type OpportunityListView = z.infer<typeof opportunityListView>;

/** Copy only the public fields, so nothing added to the domain type leaks by accident. */
export const presentOpportunity = (o: Opportunity): OpportunityView => ({
  id: o.id,
  company: o.company,
  role: o.role,
  stage: o.stage,
  recruiterId: o.recruiterId,
  decisionBy: o.decisionBy,
  domains: o.domains,
  links: o.links,
  notes: o.notes,
  createdAt: o.createdAt,
  stageChangedAt: o.stageChangedAt,
});
