/**
 * Saving what an import understood: one transaction, all or nothing. Opportunities are matched
 * by email domain or company (or created), people are merged with the ones already known (same
 * address, or same name at the same company) keeping every detail and where it came from, and
 * interviews from invites replace the one with the same UID when their SEQUENCE is higher; a
 * cancellation cancels it.
 */
import type {
  CaptureBundle,
  CapturedContact,
  CapturedInterview,
  CapturedOpportunity,
  SkippedEntry,
} from '../../core/capture/bundle';
import { cleanBundle } from '../../core/capture/clean';
import { looseKey } from '../../core/capture/names';
import { invalid, notFound } from '../../core/errors';
import { ROLE_NOT_GIVEN } from '../../core/plan/role';
import { formatInstant, isValidTimeZone, Temporal } from '../../core/time';
import {
  CLOSED_STAGES,
  type Contact,
  type Opportunity,
  type ParticipantRole,
  type Provenance,
} from '../../core/types';
import type { DbOrTrx } from '../../db/database';
import { newId } from '../../db/ids';
import { getAccount } from '../accounts/account.service';
import * as contactRepo from '../contacts/contact.repository';
import { toContact } from '../contacts/contact.service';
import type { ServiceContext } from '../context';
import { listEvents } from '../events/event.repository';
import { recordEvent } from '../events/event.service';
import * as interviewRepo from '../interviews/interview.repository';
import { readJsonObject, writeJson } from '../json-columns';
import * as opportunityRepo from '../opportunities/opportunity.repository';
import { toOpportunity, transitionStage } from '../opportunities/opportunity.service';
import { touchingOnce } from '../plan/wake';

export interface ApplyOptions {
  /** Attach every interview (and merge every opportunity of the file) into this opportunity. */
  opportunityId?: string;
  /**
   * Everyone read from the file joins this interview as an interviewer, in the same transaction
   * (the "scan a business card" button of an interview).
   */
  interviewId?: string;
  /** Name of the imported file, kept in each detail's provenance. */
  fileName?: string;
  /** Do everything, report it, then roll back: shows exactly what saving would do. */
  dryRun?: boolean;
  /** Called after each record, for progress bars. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportResult {
  dryRun: boolean;
  opportunities: {
    created: Array<{ id: string; company: string; role: string }>;
    matched: Array<{ id: string; company: string; role: string }>;
  };
  contacts: {
    created: Array<{ id: string; displayName: string }>;
    /** Known people the file added details to (or confirmed). */
    merged: Array<{ id: string; displayName: string; added: string[] }>;
  };
  interviews: {
    created: Array<{ id: string; round: string; start: string }>;
    updated: Array<{ id: string; round: string; start: string }>;
    cancelled: Array<{ id: string; round: string; start: string }>;
    /** Already saved from the same or a newer version of the invite. */
    unchanged: Array<{ id: string; round: string; start: string }>;
  };
  skipped: SkippedEntry[];
  warnings: string[];
}

/** Thrown inside the transaction to roll a dry run back, carrying what it would have done. */
class DryRunRollback extends Error {
  constructor(readonly result: ImportResult) {
    super('dry run');
  }
}

/** Records saved between two turns of the event loop (see ImportWriter.tick). */
const YIELD_EVERY = 200;

const emptyResult = (dryRun: boolean, bundle: CaptureBundle): ImportResult => ({
  dryRun,
  opportunities: { created: [], matched: [] },
  contacts: { created: [], merged: [] },
  interviews: { created: [], updated: [], cancelled: [], unchanged: [] },
  skipped: [...bundle.skipped],
  warnings: [...bundle.warnings],
});

/** The people of the account, indexed for matching, updated as the import adds to them. */
class PeopleIndex {
  private readonly byEmail = new Map<string, Contact>();
  private readonly byNameCompany = new Map<string, Contact>();

  constructor(contacts: Contact[]) {
    for (const c of contacts) this.add(c);
  }

  add(c: Contact): void {
    for (const e of c.emails) if (!this.byEmail.has(e)) this.byEmail.set(e, c);
    if (c.company) {
      const key = `${looseKey(c.displayName)}|${looseKey(c.company)}`;
      if (!this.byNameCompany.has(key)) this.byNameCompany.set(key, c);
    }
  }

  /** Same address, or the same name at the same company. */
  find(emails: string[], name: string | null, company: string | null): Contact | null {
    for (const e of emails) {
      const hit = this.byEmail.get(e);
      if (hit) return hit;
    }
    if (name && company) return this.byNameCompany.get(`${looseKey(name)}|${looseKey(company)}`) ?? null;
    return null;
  }
}

class ImportWriter {
  readonly result: ImportResult;
  private readonly at: string;
  private readonly source: string;
  private readonly contactIds = new Map<string, string>();
  private readonly opportunityIds = new Map<string, Opportunity>();
  private done = 0;

  constructor(
    private readonly trx: DbOrTrx,
    private readonly ctx: ServiceContext,
    private readonly bundle: CaptureBundle,
    private readonly options: ApplyOptions,
    private readonly accountZone: string,
  ) {
    this.result = emptyResult(Boolean(options.dryRun), bundle);
    this.at = formatInstant(ctx.now);
    this.source = options.fileName ? `${bundle.source}:${options.fileName}` : bundle.source;
  }

  private get accountId(): string {
    return this.ctx.actor.accountId;
  }

  /**
   * Count a record for the progress bar, and every YIELD_EVERY records let the event loop run: a
   * long import inside the web server otherwise holds it for the whole transaction, and every
   * other request (reads go to their own connection) would wait for the commit.
   */
  private async tick(): Promise<void> {
    this.done++;
    const total =
      this.bundle.contacts.length + this.bundle.opportunities.length + this.bundle.interviews.length;
    this.options.onProgress?.(this.done, total);
    if (this.done % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }

  async run(): Promise<ImportResult> {
    const opportunities = (await opportunityRepo.listOpportunities(this.trx, this.accountId)).map(
      toOpportunity,
    );
    let forced: Opportunity | null = null;
    if (this.options.opportunityId) {
      forced = opportunities.find((o) => o.id === this.options.opportunityId) ?? null;
      if (!forced) throw notFound('opportunity', this.options.opportunityId);
    }
    // Opportunities first (people take their company), without recruiters yet.
    const companyOf = new Map<string, string>();
    for (const captured of this.bundle.opportunities) {
      const opp = forced ?? this.matchOpportunity(opportunities, captured);
      const saved = opp ? await this.mergeOpportunity(opp, captured) : await this.createOpportunity(captured);
      if (!opp) {
        opportunities.push(saved);
        this.indexOpportunity(saved);
      }
      this.opportunityIds.set(captured.key, saved);
      companyOf.set(captured.key, saved.company);
      await this.tick();
    }
    const people = new PeopleIndex((await contactRepo.listContacts(this.trx, this.accountId)).map(toContact));
    const interviewCompany = new Map<string, string>();
    for (const i of this.bundle.interviews) {
      const company = forced?.company ?? (i.opportunityKey ? companyOf.get(i.opportunityKey) : undefined);
      if (!company) continue;
      for (const p of i.participants) interviewCompany.set(p.contactKey, company);
    }
    for (const captured of this.bundle.contacts) {
      const company = captured.company ?? interviewCompany.get(captured.key) ?? null;
      await this.saveContact(people, captured, company);
      await this.tick();
    }
    for (const captured of this.bundle.opportunities) {
      const opp = this.opportunityIds.get(captured.key);
      const recruiterId = captured.recruiterKey ? this.contactIds.get(captured.recruiterKey) : undefined;
      if (opp && recruiterId && !opp.recruiterId) {
        await opportunityRepo.updateOpportunity(this.trx, this.accountId, opp.id, {
          recruiter_id: recruiterId,
          updated_at: this.at,
        });
        opp.recruiterId = recruiterId;
      }
    }
    const single = this.bundle.opportunities.length === 1 ? this.bundle.opportunities[0]?.key : undefined;
    for (const captured of this.bundle.interviews) {
      const key = captured.opportunityKey ?? single;
      const opp = forced ?? (key ? this.opportunityIds.get(key) : undefined);
      if (!opp) {
        this.result.skipped.push({
          line: captured.line,
          reason: `"${captured.round}" matches no company; import again with --opportunity ID`,
        });
      } else {
        await this.saveInterview(opp, captured);
      }
      await this.tick();
    }
    if (this.options.interviewId) await this.joinInterview(this.options.interviewId, forced);
    return this.result;
  }

  /** Add every person of the file to an existing interview of this account as an interviewer. */
  private async joinInterview(interviewId: string, forced: Opportunity | null): Promise<void> {
    const interview = await interviewRepo.findInterview(this.trx, this.accountId, interviewId);
    if (!interview) throw notFound('interview', interviewId);
    if (forced && interview.opportunity_id !== forced.id) {
      throw invalid(`interviewId: interview ${interviewId} belongs to another opportunity.`, 'interviewId');
    }
    for (const contactId of new Set(this.contactIds.values())) {
      await interviewRepo.upsertParticipant(this.trx, {
        account_id: this.accountId,
        interview_id: interviewId,
        contact_id: contactId,
        role: 'interviewer',
      });
    }
  }

  /**
   * Opportunities by loose company key, built once per import: scanning every opportunity for
   * every row made a 20,000-row spreadsheet quadratic (minutes, with the database locked).
   */
  private byCompany: Map<string, Opportunity[]> | null = null;

  private companyIndex(all: Opportunity[]): Map<string, Opportunity[]> {
    if (!this.byCompany) {
      this.byCompany = new Map();
      for (const o of all) this.indexOpportunity(o);
    }
    return this.byCompany;
  }

  private indexOpportunity(o: Opportunity): void {
    if (!this.byCompany) return;
    const key = looseKey(o.company);
    const list = this.byCompany.get(key);
    if (list) list.push(o);
    else this.byCompany.set(key, [o]);
  }

  private matchOpportunity(all: Opportunity[], captured: CapturedOpportunity): Opportunity | null {
    const company = looseKey(captured.company);
    // A domain match can name another company, so only non-spreadsheet imports scan them all.
    const pool = this.bundle.source === 'csv' ? (this.companyIndex(all).get(company) ?? []) : all;
    const candidates = pool.filter((o) => {
      if (this.bundle.source === 'csv') {
        // A spreadsheet row is one application: the same company with another role is another row.
        return looseKey(o.company) === company && looseKey(o.role) === looseKey(captured.role ?? '');
      }
      return o.domains.some((d) => captured.domains.includes(d)) || looseKey(o.company) === company;
    });
    // An open application before a closed one, then the most recent.
    candidates.sort(
      (a, b) =>
        Number(CLOSED_STAGES.includes(a.stage)) - Number(CLOSED_STAGES.includes(b.stage)) ||
        b.createdAt.localeCompare(a.createdAt),
    );
    return candidates[0] ?? null;
  }

  private async createOpportunity(captured: CapturedOpportunity): Promise<Opportunity> {
    const stage = captured.stage ?? (this.bundle.interviews.length > 0 ? 'interviewing' : 'applied');
    const row = {
      id: newId(),
      account_id: this.accountId,
      company: captured.company,
      role: captured.role ?? ROLE_NOT_GIVEN,
      stage,
      recruiter_id: null,
      decision_by: null,
      domains: writeJson(captured.domains),
      links: writeJson(captured.links),
      notes: captured.notes,
      stage_changed_at: this.at,
      created_at: this.at,
      updated_at: this.at,
    };
    await opportunityRepo.insertOpportunity(this.trx, row);
    await recordEvent(this.trx, this.ctx, {
      kind: 'opportunity-created',
      opportunityId: row.id,
      data: { stage, source: this.source, ...(captured.appliedOn && { appliedOn: captured.appliedOn }) },
    });
    this.result.opportunities.created.push({ id: row.id, company: row.company, role: row.role });
    if (!captured.role) {
      this.result.warnings.push(`${row.company}: the role was not given; set it on the opportunity.`);
    }
    return toOpportunity(row);
  }

  private async mergeOpportunity(opp: Opportunity, captured: CapturedOpportunity): Promise<Opportunity> {
    const domains = [...new Set([...opp.domains, ...captured.domains])];
    const links = [...new Set([...opp.links, ...captured.links])];
    if (domains.length !== opp.domains.length || links.length !== opp.links.length) {
      await opportunityRepo.updateOpportunity(this.trx, this.accountId, opp.id, {
        domains: writeJson(domains),
        links: writeJson(links),
        updated_at: this.at,
      });
      opp.domains = domains;
      opp.links = links;
    }
    if (!this.result.opportunities.matched.some((m) => m.id === opp.id)) {
      this.result.opportunities.matched.push({ id: opp.id, company: opp.company, role: opp.role });
    }
    return opp;
  }

  private provenance(field: string, value: string, captured: CapturedContact): Provenance {
    return { field, value, source: `${this.source} (${captured.origin})`, at: this.at };
  }

  private async saveContact(
    people: PeopleIndex,
    captured: CapturedContact,
    company: string | null,
  ): Promise<void> {
    const name = captured.displayName;
    if (!name && captured.emails.length === 0) return;
    const existing = people.find(captured.emails, name, company);
    const details: Array<[string, string]> = [
      ...(name ? [['displayName', name] as [string, string]] : []),
      ...(captured.title ? [['title', captured.title] as [string, string]] : []),
      ...(company ? [['company', company] as [string, string]] : []),
      ...captured.emails.map((e) => ['email', e] as [string, string]),
      ...captured.phones.map((p) => ['phone', p] as [string, string]),
      ...captured.links.map((l) => ['link', l] as [string, string]),
    ];
    if (!existing) {
      const row = {
        id: newId(),
        account_id: this.accountId,
        display_name: name ?? (captured.emails[0] as string),
        title: captured.title,
        company,
        emails: writeJson(captured.emails),
        bad_emails: '[]',
        phones: writeJson(captured.phones),
        links: writeJson(captured.links),
        provenance: writeJson(details.map(([f, v]) => this.provenance(f, v, captured))),
        notes: captured.notes,
        created_at: this.at,
        updated_at: this.at,
      };
      await contactRepo.insertContact(this.trx, row);
      const contact = toContact(row);
      people.add(contact);
      this.contactIds.set(captured.key, contact.id);
      this.result.contacts.created.push({ id: contact.id, displayName: contact.displayName });
      return;
    }
    // Merge: fill what is missing, add new addresses and numbers, and record every detail's source.
    const added: string[] = [];
    const union = (list: string[], more: string[], label: string): string[] => {
      const out = [...list];
      for (const m of more) {
        if (!out.includes(m)) {
          out.push(m);
          added.push(`${label} ${m}`);
        }
      }
      return out;
    };
    const placeholderName =
      existing.displayName.includes('@') && existing.emails.includes(existing.displayName);
    const displayName = name && placeholderName ? name : existing.displayName;
    if (displayName !== existing.displayName) added.push(`name ${displayName}`);
    const title = existing.title ?? captured.title;
    if (title !== existing.title) added.push(`title ${title}`);
    const mergedCompany = existing.company ?? company;
    if (mergedCompany !== existing.company) added.push(`company ${mergedCompany}`);
    const emails = union(existing.emails, captured.emails, 'email');
    const phones = union(existing.phones, captured.phones, 'phone');
    const links = union(existing.links, captured.links, 'link');
    const notes =
      captured.notes && !existing.notes.includes(captured.notes)
        ? [existing.notes, captured.notes].filter(Boolean).join('\n\n')
        : existing.notes;
    if (notes !== existing.notes) added.push('notes');
    const provenance = [...existing.provenance];
    for (const [field, value] of details) {
      const entry = this.provenance(field, value, captured);
      if (!provenance.some((p) => p.field === field && p.value === value && p.source === entry.source)) {
        provenance.push(entry);
      }
    }
    await contactRepo.updateContact(this.trx, this.accountId, existing.id, {
      display_name: displayName,
      title,
      company: mergedCompany,
      emails: writeJson(emails),
      phones: writeJson(phones),
      links: writeJson(links),
      notes,
      provenance: writeJson(provenance),
      updated_at: this.at,
    });
    Object.assign(existing, {
      displayName,
      title,
      company: mergedCompany,
      emails,
      phones,
      links,
      notes,
      provenance,
    });
    people.add(existing);
    this.contactIds.set(captured.key, existing.id);
    const seen = this.result.contacts.merged.find((m) => m.id === existing.id);
    if (seen) seen.added.push(...added);
    else if (!this.result.contacts.created.some((c) => c.id === existing.id)) {
      this.result.contacts.merged.push({ id: existing.id, displayName, added });
    }
  }

  private participantRows(interviewId: string, captured: CapturedInterview) {
    const roles = new Map<string, ParticipantRole>();
    for (const p of captured.participants) {
      const id = this.contactIds.get(p.contactKey);
      // One row per person: an interviewer who also coordinates is recorded as interviewer.
      if (id && (roles.get(id) === undefined || p.role === 'interviewer')) roles.set(id, p.role);
    }
    return [...roles].map(([contactId, role]) => ({
      account_id: this.accountId,
      interview_id: interviewId,
      contact_id: contactId,
      role,
    }));
  }

  private async saveInterview(opp: Opportunity, given: CapturedInterview): Promise<void> {
    // Bundles may come back from the web app: store instants in the canonical UTC form.
    const start = Temporal.Instant.from(given.start);
    const end = Temporal.Instant.from(given.end);
    if (Temporal.Instant.compare(end, start) < 0) {
      this.result.skipped.push({ line: given.line, reason: `"${given.round}" ends before it starts` });
      return;
    }
    const captured = { ...given, start: formatInstant(start), end: formatInstant(end) };
    const zone =
      captured.timeZone && isValidTimeZone(captured.timeZone) ? captured.timeZone : this.accountZone;
    const existing = captured.uid
      ? await interviewRepo.findInterviewBySourceUid(this.trx, this.accountId, captured.uid)
      : await interviewRepo.findScheduledInterviewAt(this.trx, this.accountId, opp.id, captured.start);
    const summary = (id: string) => ({ id, round: captured.round, start: captured.start });
    if (!existing && captured.status !== 'cancelled') {
      const same = await this.sameInterview(opp, captured);
      if (same) {
        await this.mergeInterview(same, captured);
        this.result.interviews.updated.push({ id: same.id, round: same.round, start: same.start_at });
        return;
      }
    }
    if (!existing) {
      if (captured.status === 'cancelled') {
        this.result.skipped.push({
          line: captured.line,
          reason: `the cancellation of "${captured.round}" is for an interview that was never imported`,
        });
        return;
      }
      const row = {
        id: newId(),
        account_id: this.accountId,
        opportunity_id: opp.id,
        round: captured.round.slice(0, 200),
        start_at: captured.start,
        end_at: captured.end,
        time_zone: zone,
        format: captured.format,
        location: captured.location,
        status: 'scheduled' as const,
        source_uid: captured.uid,
        source_sequence: captured.uid ? captured.sequence : null,
        created_at: this.at,
        updated_at: this.at,
      };
      const participants = this.participantRows(row.id, captured);
      await interviewRepo.insertInterview(this.trx, row);
      await interviewRepo.insertParticipants(this.trx, participants);
      await recordEvent(this.trx, this.ctx, {
        kind: 'interview-scheduled',
        opportunityId: opp.id,
        interviewId: row.id,
        data: {
          round: row.round,
          start: row.start_at,
          source: this.source,
          // Who the invite listed, so a later version of it can tell who was taken off.
          ...(captured.uid && {
            attendees: participants.map((p) => p.contact_id),
            sequence: captured.sequence,
          }),
        },
      });
      await this.moveToInterviewing(opp);
      this.result.interviews.created.push(summary(row.id));
      return;
    }
    const known = existing.source_sequence ?? -1;
    const newer = captured.uid ? captured.sequence > known : true;
    if (captured.status === 'cancelled' && captured.sequence >= known) {
      if (existing.status !== 'cancelled') {
        await interviewRepo.updateInterview(this.trx, this.accountId, existing.id, {
          status: 'cancelled',
          source_sequence: captured.sequence,
          updated_at: this.at,
        });
        await recordEvent(this.trx, this.ctx, {
          kind: 'interview-cancelled',
          opportunityId: existing.opportunity_id,
          interviewId: existing.id,
          data: { source: this.source },
        });
        this.result.interviews.cancelled.push(summary(existing.id));
      } else this.result.interviews.unchanged.push(summary(existing.id));
      return;
    }
    if (!newer) {
      if (captured.uid && captured.sequence < known) {
        this.result.warnings.push(
          `line ${captured.line}: this invite for "${existing.round}" is an older version (SEQUENCE ${captured.sequence}) than the one already saved (SEQUENCE ${known}); nothing was changed.`,
        );
      }
      this.result.interviews.unchanged.push(summary(existing.id));
      return;
    }
    // A newer invite is the meeting as it is now: its time, place and attendees replace the old.
    // A schedule email has no versions: what it adds joins what is there.
    const fromInvite = captured.uid !== null;
    await interviewRepo.updateInterview(this.trx, this.accountId, existing.id, {
      round: captured.round.slice(0, 200),
      start_at: captured.start,
      end_at: captured.end,
      time_zone: zone,
      format: fromInvite ? captured.format : (captured.format ?? existing.format),
      location: fromInvite ? captured.location : (captured.location ?? existing.location),
      status: 'scheduled',
      source_sequence: captured.uid ? captured.sequence : existing.source_sequence,
      updated_at: this.at,
    });
    const participants = this.participantRows(existing.id, captured);
    if (fromInvite) await this.dropRemovedAttendees(existing, participants);
    for (const row of participants) {
      await interviewRepo.upsertParticipant(this.trx, row);
    }
    if (fromInvite) {
      await recordEvent(this.trx, this.ctx, {
        kind: 'interview-updated',
        opportunityId: existing.opportunity_id,
        interviewId: existing.id,
        data: {
          source: this.source,
          sequence: captured.sequence,
          attendees: participants.map((p) => p.contact_id),
          ...(existing.location !== captured.location && {
            location: { from: existing.location, to: captured.location },
          }),
        },
      });
    }
    if (existing.start_at !== captured.start || existing.end_at !== captured.end) {
      await recordEvent(this.trx, this.ctx, {
        kind: 'interview-rescheduled',
        opportunityId: existing.opportunity_id,
        interviewId: existing.id,
        data: { from: existing.start_at, to: captured.start, source: this.source },
      });
    }
    this.result.interviews.updated.push(summary(existing.id));
  }

  /**
   * The interview already saved that this one is, read from another source (the invite, then the
   * recruiter's itinerary): same opportunity, times that overlap, and an interviewer in common,
   * or the same start and a title of the same words ("Hiring Manager (Priya Raman)" and "Hiring
   * Manager Interview"). Two invites with their own UIDs are two meetings, never one.
   */
  private async sameInterview(opp: Opportunity, captured: CapturedInterview) {
    const start = captured.start;
    const end = captured.end;
    const overlapping = (await interviewRepo.listInterviews(this.trx, this.accountId, opp.id)).filter(
      (i) =>
        i.status === 'scheduled' &&
        !(i.source_uid && captured.uid) &&
        Temporal.Instant.compare(Temporal.Instant.from(i.start_at), Temporal.Instant.from(end)) < 0 &&
        Temporal.Instant.compare(Temporal.Instant.from(start), Temporal.Instant.from(i.end_at)) < 0,
    );
    if (overlapping.length === 0) return null;
    const interviewers = new Set(
      captured.participants
        .filter((p) => p.role !== 'coordinator')
        .map((p) => this.contactIds.get(p.contactKey))
        .filter((id): id is string => id !== undefined),
    );
    const participants = await interviewRepo.listParticipants(
      this.trx,
      this.accountId,
      overlapping.map((i) => i.id),
    );
    const sharing = overlapping.find((i) =>
      participants.some(
        (p) => p.interview_id === i.id && p.role !== 'coordinator' && interviewers.has(p.contact_id),
      ),
    );
    if (sharing) return sharing;
    return (
      overlapping.find(
        (i) =>
          Temporal.Instant.from(i.start_at).equals(Temporal.Instant.from(start)) &&
          similarTitles(i.round, captured.round),
      ) ?? null
    );
  }

  /**
   * Add what another source says to an interview already saved: the people it names and any
   * detail still missing. What is there (the round's name, the time, the place, a role the user
   * set) is kept, so edits made after the first import survive. An interview first read from a
   * schedule takes the invite's UID, so the invite's later versions update it.
   */
  private async mergeInterview(
    existing: Awaited<ReturnType<typeof interviewRepo.listInterviews>>[number],
    captured: CapturedInterview,
  ): Promise<void> {
    const takesUid = !existing.source_uid && captured.uid !== null;
    if (takesUid || (!existing.location && captured.location) || (!existing.format && captured.format)) {
      await interviewRepo.updateInterview(this.trx, this.accountId, existing.id, {
        location: existing.location ?? captured.location,
        format: existing.format ?? captured.format,
        ...(takesUid && { source_uid: captured.uid, source_sequence: captured.sequence }),
        updated_at: this.at,
      });
    }
    const current = await interviewRepo.listParticipants(this.trx, this.accountId, [existing.id]);
    const named = this.participantRows(existing.id, captured);
    const added = named.filter((row) => !current.some((p) => p.contact_id === row.contact_id));
    await interviewRepo.insertParticipants(this.trx, added);
    await recordEvent(this.trx, this.ctx, {
      kind: 'interview-updated',
      opportunityId: existing.opportunity_id,
      interviewId: existing.id,
      data: {
        source: this.source,
        mergedFrom: captured.round,
        ...(takesUid && {
          sequence: captured.sequence,
          // Who the invite listed, so its next version takes off only people it had named.
          attendees: named.map((p) => p.contact_id),
        }),
      },
    });
  }

  /**
   * Take off the interview everyone the previous version of its invite listed and this one does
   * not: they stay contacts, are no longer asked a thank-you for it, and the timeline says so.
   * People the user added by hand (never on an invite) stay. For an interview imported before
   * invites' attendees were recorded, everyone on it counts as from the invite.
   */
  private async dropRemovedAttendees(
    existing: { id: string; opportunity_id: string },
    now: Array<{ contact_id: string }>,
  ): Promise<void> {
    const events = (await listEvents(this.trx, this.accountId, existing.opportunity_id)).filter(
      (e) => e.interview_id === existing.id,
    );
    let invited: string[] | null = null;
    for (const e of events) {
      const attendees = readJsonObject(e.data).attendees;
      if (Array.isArray(attendees)) invited = attendees.filter((a): a is string => typeof a === 'string');
    }
    const current = await interviewRepo.listParticipants(this.trx, this.accountId, [existing.id]);
    const staying = new Set(now.map((p) => p.contact_id));
    const names = await this.contactNames(current.map((p) => p.contact_id));
    for (const p of current) {
      if (staying.has(p.contact_id) || (invited !== null && !invited.includes(p.contact_id))) continue;
      await interviewRepo.deleteParticipant(this.trx, this.accountId, existing.id, p.contact_id);
      const name = names.get(p.contact_id) ?? 'someone';
      await recordEvent(this.trx, this.ctx, {
        kind: 'participant-removed',
        opportunityId: existing.opportunity_id,
        interviewId: existing.id,
        contactId: p.contact_id,
        data: { role: p.role, name, source: this.source, reason: 'no longer on the updated invite' },
      });
      this.result.warnings.push(
        `${name} is no longer on the invite for this interview: taken off it (still in your people), so no thank-you note is asked of them for it.`,
      );
    }
  }

  private async contactNames(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const all = await contactRepo.listContacts(this.trx, this.accountId);
    return new Map(all.filter((c) => ids.includes(c.id)).map((c) => [c.id, c.display_name]));
  }

  /** Scheduling an interview is what moves an application forward (as addInterview does). */
  private async moveToInterviewing(opp: Opportunity): Promise<void> {
    if (opp.stage !== 'applied') return;
    await transitionStage(this.trx, this.ctx, opp.id, 'applied', 'interviewing');
    opp.stage = 'interviewing';
  }
}

const TITLE_NOISE = new Set(['interview', 'interviews', 'with', 'and', 'the', 'round', 'session', 'a', 'of']);

/** Whether two round names say the same thing: the shorter one's words are all in the longer. */
function similarTitles(a: string, b: string): boolean {
  const words = (t: string) =>
    new Set(
      t
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w && !TITLE_NOISE.has(w)),
    );
  const [x, y] = [words(a), words(b)].sort((p, q) => p.size - q.size);
  if (!x || !y || x.size === 0) return false;
  return [...x].every((w) => y.has(w));
}

/**
 * Save a bundle in one transaction: everything or nothing. With `dryRun` the same work is done and
 * reported, then rolled back.
 * @throws AppError('not-found') for an unknown `opportunityId`; nothing is written on any error.
 */
export async function applyImport(
  ctx: ServiceContext,
  bundle: CaptureBundle,
  options: ApplyOptions = {},
): Promise<ImportResult> {
  const account = await getAccount(ctx);
  // Bundles also come back from the web app, edited: clean them again before saving.
  const clean = cleanBundle(bundle);
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      // Thousands of rows: each opportunity they touch is marked for planning once, at the end.
      const result = await touchingOnce(trx, ctx.actor.accountId, () =>
        new ImportWriter(trx, ctx, clean, options, account.timeZone).run(),
      );
      if (options.dryRun) throw new DryRunRollback(result);
      return result;
    });
  } catch (err) {
    if (err instanceof DryRunRollback) return err.result;
    throw err;
  }
}
