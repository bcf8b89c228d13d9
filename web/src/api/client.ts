/**
 * The typed API client. Every request and response type comes from the zod schemas the server
 * validates and serializes with (type-only imports: no schema code ships to the browser), so the
 * client and the server cannot drift apart silently.
 */

import type { z } from 'zod';
import type { Stage } from '../../../src/core/types';
import type { SettingsPatchInput, SettingsView } from '../../../src/features/accounts/settings.schemas';
import type {
  CheckRequestInput,
  CheckResultView,
  FindingView,
} from '../../../src/features/checks/check.presenter';
import type {
  ClientInsightsView,
  ClientPipelineView,
  ClientSummaryView,
  ClientTodayView,
  CoachView,
} from '../../../src/features/coaching/coaching.presenter';
import type { ContactView } from '../../../src/features/contacts/contact.presenter';
import type { EditContactInput } from '../../../src/features/contacts/contact-edit.schemas';
import type { DebriefView } from '../../../src/features/debriefs/debrief.presenter';
import type { SaveDebriefInput } from '../../../src/features/debriefs/debrief.schemas';
import type { DraftResultView } from '../../../src/features/drafts/draft.routes';
import type { InterviewView } from '../../../src/features/interviews/interview.presenter';
import type {
  NewInterviewInput,
  UpdateInterviewInput,
} from '../../../src/features/interviews/interview.schemas';
import type { mailSettingsView } from '../../../src/features/mail/mail.routes';
import type { MessageView } from '../../../src/features/messages/message.presenter';
import type { NoteForActionView } from '../../../src/features/messages/message.routes';
import type {
  DraftInput,
  RecordMessageInput,
  UpdateDraftInput,
} from '../../../src/features/messages/message.schemas';
import type {
  OpportunityListView,
  OpportunityView,
  OverviewView,
} from '../../../src/features/opportunities/opportunity.presenter';
import type {
  NewOpportunityInput,
  UpdateOpportunityInput,
} from '../../../src/features/opportunities/opportunity.schemas';
import type { TodayView } from '../../../src/features/plan/plan.presenter';
import type { TemplateView } from '../../../src/features/templates/template.routes';

/** An error from the API (or the network), as one sentence for the person who clicked. */
export class ApiError extends Error {
  readonly status: number;
  readonly field: string | undefined;
  readonly code: string;
  /** Every bad field of a form at once, when the server found several. */
  readonly issues: ReadonlyArray<{ field: string; message: string }>;

  constructor(
    status: number,
    code: string,
    message: string,
    field?: string,
    issues: ReadonlyArray<{ field: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.issues = issues;
  }
}

const CSRF_COOKIE = 'afterview_csrf';

function csrfToken(): string {
  const pair = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`));
  return pair ? decodeURIComponent(pair.slice(CSRF_COOKIE.length + 1)) : '';
}

async function ensureToken(): Promise<string> {
  const existing = csrfToken();
  if (existing) return existing;
  // Any GET hands out the cookie; settings is small.
  await fetch('/api/settings', { credentials: 'same-origin' });
  return csrfToken();
}

/** Send one request; resolves to the parsed JSON or throws an ApiError with a readable sentence. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = await ensureToken();
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'unavailable', 'Could not reach Afterview. Is the server still running?');
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  // Hosted mode: a lapsed or revoked session sends the person to sign in, then back here.
  if (res.status === 401 && !path.startsWith('/api/auth/') && window.location.pathname !== '/sign-in') {
    window.location.assign(
      `/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`,
    );
  }
  if (!res.ok) {
    const err = (
      data as {
        error?: {
          code?: string;
          message?: string;
          field?: string;
          issues?: Array<{ field: string; message: string }>;
        };
      } | null
    )?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'internal',
      err?.message ?? `The server answered ${res.status}; please try again.`,
      err?.field,
      err?.issues ?? [],
    );
  }
  return data as T;
}

const q = (params: Record<string, string | undefined>): string => {
  const entries = Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
};
const enc = encodeURIComponent;

/** The connected mailbox as the server describes it (never a password). */
export type MailSettingsView = z.infer<typeof mailSettingsView>;

/** One finding of the note checker. */
export type Finding = FindingView;

export const api = {
  today: () => request<TodayView>('GET', '/api/today'),
  done: (key: string) => request<{ ok: true }>('POST', '/api/actions/done', { key }),
  dismiss: (key: string) => request<{ ok: true }>('POST', '/api/actions/dismiss', { key }),
  snooze: (key: string, until: string) =>
    request<{ ok: true }>('POST', '/api/actions/snooze', { key, until }),
  undo: (key: string) => request<{ ok: true }>('POST', '/api/actions/undo', { key }),

  opportunities: () => request<OpportunityListView>('GET', '/api/opportunities'),
  addOpportunity: (input: NewOpportunityInput) =>
    request<OpportunityView>('POST', '/api/opportunities', input),
  overview: (id: string) => request<OverviewView>('GET', `/api/opportunities/${enc(id)}/overview`),
  updateOpportunity: (id: string, input: UpdateOpportunityInput) =>
    request<OpportunityView>('PATCH', `/api/opportunities/${enc(id)}`, input),
  changeStage: (id: string, stage: Stage) =>
    request<OpportunityView>('PUT', `/api/opportunities/${enc(id)}/stage`, { stage }),

  interview: (id: string) => request<InterviewView>('GET', `/api/interviews/${enc(id)}`),
  addInterview: (input: NewInterviewInput) => request<InterviewView>('POST', '/api/interviews', input),
  updateInterview: (id: string, input: UpdateInterviewInput) =>
    request<InterviewView>('PATCH', `/api/interviews/${enc(id)}`, input),

  debrief: (interviewId: string) =>
    request<DebriefView>('GET', `/api/interviews/${enc(interviewId)}/debrief`),
  saveDebrief: (interviewId: string, input: SaveDebriefInput) =>
    request<DebriefView>('PUT', `/api/interviews/${enc(interviewId)}/debrief`, input),

  messages: (opportunityId?: string) =>
    request<{ messages: MessageView[] }>('GET', `/api/messages${q({ opportunityId })}`),
  message: (id: string) => request<MessageView>('GET', `/api/messages/${enc(id)}`),
  recordMessage: (input: RecordMessageInput) => request<MessageView>('POST', '/api/messages', input),
  saveDraft: (input: DraftInput) => request<MessageView>('POST', '/api/drafts', input),
  updateDraft: (id: string, input: UpdateDraftInput) =>
    request<MessageView>('PATCH', `/api/messages/${enc(id)}`, input),
  /** `force`: the user's explicit "Send anyway" over checker errors, as for sending. */
  mailto: (id: string, force = false) =>
    request<{ url: string }>('GET', `/api/messages/${enc(id)}/mailto${force ? '?force=1' : ''}`),
  emlPath: (id: string) => `/api/messages/${enc(id)}/eml`,
  /** The .eml as a file to save; an error comes back as an ApiError sentence, never as a page of JSON. */
  eml: async (id: string, force = false): Promise<Blob> => {
    let res: Response;
    try {
      res = await fetch(`/api/messages/${enc(id)}/eml${force ? '?force=1' : ''}`, {
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, 'unavailable', 'Could not reach Afterview. Is the server still running?');
    }
    if (res.ok) return res.blob();
    const err = (
      (await res.json().catch(() => null)) as {
        error?: { code?: string; message?: string; field?: string };
      } | null
    )?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'internal',
      err?.message ?? `The server answered ${res.status}; please try again.`,
      err?.field,
    );
  },
  noteForAction: (key: string) => request<NoteForActionView>('GET', `/api/messages/for-action${q({ key })}`),
  mailSettings: () => request<MailSettingsView>('GET', '/api/mail/settings'),
  setMailServer: (protocol: 'smtp' | 'imap', url: string | null) =>
    request<MailSettingsView>('PUT', `/api/mail/${protocol}`, { url }),
  setMailIdentity: (patch: { fromName?: string | null; fromAddress?: string }) =>
    request<MailSettingsView>('PATCH', '/api/mail/identity', patch),
  testMail: () =>
    request<{ results: Array<{ protocol: string; server: string; ok: boolean; message: string }> }>(
      'POST',
      '/api/mail/test',
      {},
    ),
  outbox: () =>
    request<{ messages: Array<MessageView & { attempts: number; lastError: string | null }> }>(
      'GET',
      '/api/outbox',
    ),
  send: (id: string, options: { at?: string; force?: boolean }) =>
    request<{ message: MessageView; findings: Finding[] }>('POST', `/api/messages/${enc(id)}/send`, options),
  markSent: (id: string) => request<MessageView>('POST', `/api/messages/${enc(id)}/sent`, {}),
  check: (input: CheckRequestInput) => request<CheckResultView>('POST', '/api/check', input),
  draftForAction: (key: string) => request<DraftResultView>('POST', '/api/drafts/for-action', { key }),

  people: () => request<{ people: ContactView[] }>('GET', '/api/people'),
  person: (id: string) =>
    request<{
      person: ContactView;
      messages: MessageView[];
      interviews: InterviewView[];
      opportunities: OpportunityView[];
    }>('GET', `/api/people/${enc(id)}`),

  editPerson: (id: string, input: EditContactInput) =>
    request<ContactView>('PATCH', `/api/people/${enc(id)}`, input),
  settings: () => request<SettingsView>('GET', '/api/settings'),
  updateSettings: (patch: SettingsPatchInput) => request<SettingsView>('PATCH', '/api/settings', patch),
  templates: () => request<{ templates: TemplateView[] }>('GET', '/api/templates'),
  saveTemplate: (name: string, text: string) =>
    request<TemplateView>('PUT', `/api/templates/${enc(name)}`, { text }),
  resetTemplate: (name: string) => request<TemplateView>('DELETE', `/api/templates/${enc(name)}`),
  createFeed: () => request<{ feedPath: string }>('POST', '/api/settings/feed'),
  revokeFeed: () => request<{ feedPath: null }>('DELETE', '/api/settings/feed'),
};

/** Coaches (hosted mode; local mode answers 404 with a sentence). */
export const coachingApi = {
  coaches: () => request<{ coaches: CoachView[] }>('GET', '/api/coaching/coaches'),
  invite: (email: string) => request<CoachView>('POST', '/api/coaching/coaches', { email }),
  share: (id: string, shareNotes: boolean) =>
    request<CoachView>('PUT', `/api/coaching/coaches/${enc(id)}/share`, { shareNotes }),
  revoke: (id: string) => request<null>('POST', `/api/coaching/coaches/${enc(id)}/revoke`, {}),
  accept: (token: string) =>
    request<{ clientId: string; clientName: string }>('POST', '/api/coaching/accept', { token }),
  me: () => request<{ coachesSomeone: boolean }>('GET', '/api/coaching/me'),
  clients: () => request<{ clients: ClientSummaryView[] }>('GET', '/api/coaching/clients'),
  stop: (clientId: string) => request<null>('POST', '/api/coaching/stop', { clientId }),
  today: (clientId: string) =>
    request<ClientTodayView>('GET', `/api/coaching/clients/${enc(clientId)}/today`),
  pipeline: (clientId: string) =>
    request<ClientPipelineView>('GET', `/api/coaching/clients/${enc(clientId)}/pipeline`),
  insights: (clientId: string) =>
    request<ClientInsightsView>('GET', `/api/coaching/clients/${enc(clientId)}/insights`),
};

export type { ActionView } from '../../../src/features/plan/plan.presenter';
export type {
  ClientPipelineView,
  ClientSummaryView,
  ClientTodayView,
  CoachView,
  ContactView,
  DebriefView,
  InterviewView,
  MessageView,
  OpportunityView,
  OverviewView,
  SettingsView,
  TemplateView,
  TodayView,
};
