/**
 * The demo job hunt: `scale` opportunities over the past two years (see `historyDays` past scale 100) up to next week, as the rows
 * a real user's store would hold: recruiters and interviewers (some without an email yet),
 * phone screens through onsite loops, debriefs, thank-you notes (mostly on time, some late),
 * check-ins, replies, rejections answered with thanks-for-consideration, offers, companies gone
 * quiet. Pure: the same seed, account and `now` give the same rows, ids included.
 */
import { v7 } from 'uuid';
import { reconnectKey, thanksForConsiderationKey, thankYouKey } from '../../core/plan/keys';
import { Temporal } from '../../core/time';
import type { Stage } from '../../core/types';
import type { ContactRow } from '../../db/tables/contact.table';
import type { InterviewRow } from '../../db/tables/interview.table';
import type { MessageRow } from '../../db/tables/message.table';
import type { OpportunityRow } from '../../db/tables/opportunity.table';
import { type AccountRows, emptyAccountRows } from '../backup/backup.repository';
import * as words from './demo.vocabulary';
import { Rng } from './prng';

export interface DemoOptions {
  accountId: string;
  now: Temporal.Instant;
  /** Number of opportunities. */
  scale: number;
  seed: number;
  /** The user's zone: most interviews are in it, and "by Friday" dates are read in it. */
  timeZone: string;
  /** Who signs the notes. */
  signer: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How an application ends (if it has ended by now). Proportions of a plausible search. */
type Outcome = 'no-response' | 'rejected-screen' | 'rejected-onsite' | 'gone-quiet' | 'offer' | 'withdrawn';
const OUTCOME_CYCLE: readonly Outcome[] = [
  'rejected-screen',
  'rejected-onsite',
  'gone-quiet',
  'rejected-screen',
  'offer',
  'rejected-onsite',
  'no-response',
  'rejected-screen',
  'withdrawn',
  'rejected-onsite',
  'gone-quiet',
  'rejected-screen',
  'offer',
  'rejected-onsite',
];

type RoundKind = 'recruiter' | 'screen' | 'onsite' | 'final';

/** Seconds-precision UTC text, the store's canonical instant form. */
const iso = (ms: number): string =>
  new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Strip accents and anything not allowed in a simple mailbox name: `Zoë O'Brien` → `zoe.obrien`. */
const mailbox = (first: string, last: string): string =>
  `${first}.${last}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ŁłØøÅå]/g, (c) => ({ Ł: 'L', ł: 'l', Ø: 'O', ø: 'o', Å: 'A', å: 'a' })[c] ?? c)
    .toLowerCase()
    .replace(/[^a-z.-]/g, '');

const slug = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

interface Person {
  row: ContactRow;
  first: string;
}

class DemoBuilder {
  readonly rows: AccountRows = emptyAccountRows();
  private readonly nowMs: number;

  constructor(
    private readonly o: DemoOptions,
    private readonly rng: Rng,
  ) {
    this.nowMs = o.now.epochMilliseconds;
  }

  /** A UUIDv7 stamped with the record's own time, its random part from the seeded generator. */
  id(ms: number): string {
    return v7({ msecs: Math.max(0, Math.floor(ms)), random: this.rng.bytes() });
  }

  /** `ms` moved to `hour:minute` local time in `zone`, on a weekday (weekends roll to Monday). */
  localWorkTime(ms: number, zone: string, hour: number, minute: number): number {
    let zdt = Temporal.Instant.fromEpochMilliseconds(Math.round(ms)).toZonedDateTimeISO(zone);
    if (zdt.dayOfWeek === 6) zdt = zdt.add({ days: 2 });
    else if (zdt.dayOfWeek === 7) zdt = zdt.add({ days: 1 });
    return zdt.with({ hour, minute, second: 0, millisecond: 0, microsecond: 0, nanosecond: 0 })
      .epochMilliseconds;
  }

  /** `ms`, or the next 08:xx in the user's zone when it falls at night: people send notes awake. */
  wakingTime(ms: number): number {
    const zdt = Temporal.Instant.fromEpochMilliseconds(Math.round(ms)).toZonedDateTimeISO(this.o.timeZone);
    if (zdt.hour >= 8 && zdt.hour < 22) return ms;
    const day = zdt.hour < 8 ? zdt : zdt.add({ days: 1 });
    return day.with({
      hour: 8,
      minute: zdt.minute, // no draw from the generator: the rest of the seed stays as it was
      second: 0,
      millisecond: 0,
      microsecond: 0,
      nanosecond: 0,
    }).epochMilliseconds;
  }

  /**
   * Sample data must have something to do now, whatever day it is tried on: the newest recent
   * application still open gets a hiring-manager screen that ended on the last weekday afternoon
   * before now, its debrief and thank-you not yet written. Drawn right after the live
   * applications, before the history (see `generateDemo`).
   */
  freshInterview(): void {
    const recentMs = this.nowMs - 25 * DAY;
    const opp = this.rows.opportunities
      .filter(
        (o) =>
          o.recruiter_id !== null &&
          (o.stage === 'applied' || o.stage === 'interviewing') &&
          Date.parse(o.created_at) >= recentMs,
      )
      .at(-1);
    if (!opp) return;
    const zone = this.o.timeZone;
    let endZdt = Temporal.Instant.fromEpochMilliseconds(this.nowMs - HOUR)
      .toZonedDateTimeISO(zone)
      .with({ hour: 16, minute: 0, second: 0, millisecond: 0, microsecond: 0, nanosecond: 0 });
    if (endZdt.epochMilliseconds > this.nowMs - HOUR) endZdt = endZdt.subtract({ days: 1 });
    while (endZdt.dayOfWeek >= 6) endZdt = endZdt.subtract({ days: 1 });
    const end = endZdt.epochMilliseconds;
    const start = end - 45 * MINUTE;
    const scheduledMs = Math.max(Date.parse(opp.created_at) + HOUR, start - 3 * DAY);
    if (scheduledMs >= start) return;
    const domain = `${slug(opp.company)}.example`;
    const taken = new Set(
      this.rows.contacts
        .flatMap((c) => JSON.parse(c.emails) as string[])
        .filter((e) => e.endsWith(`@${domain}`)),
    );
    const manager = this.person(opp.company, domain, 'Hiring Manager', scheduledMs, true, taken);
    const interview: InterviewRow = {
      id: this.id(scheduledMs),
      account_id: this.o.accountId,
      opportunity_id: opp.id,
      round: 'Hiring manager screen',
      start_at: iso(start),
      end_at: iso(end),
      time_zone: zone,
      format: 'video',
      location: `https://meet.${domain}/r/${this.rng.int(100000, 999999)}`,
      status: 'scheduled',
      source_uid: null,
      source_sequence: null,
      created_at: iso(scheduledMs),
      updated_at: iso(scheduledMs),
    };
    this.rows.interviews.push(interview);
    this.rows.participants.push({
      account_id: this.o.accountId,
      interview_id: interview.id,
      contact_id: manager.row.id,
      role: 'interviewer',
    });
    this.event(
      'interview-scheduled',
      scheduledMs,
      { opportunityId: opp.id, interviewId: interview.id },
      { round: interview.round, start: interview.start_at },
    );
    if (opp.stage === 'applied') {
      this.event(
        'stage-changed',
        scheduledMs,
        { opportunityId: opp.id },
        { from: 'applied', to: 'interviewing' },
      );
      opp.stage = 'interviewing';
      opp.stage_changed_at = iso(scheduledMs);
      opp.updated_at = iso(scheduledMs);
    }
  }

  localDate(ms: number): string {
    return Temporal.Instant.fromEpochMilliseconds(Math.round(ms))
      .toZonedDateTimeISO(this.o.timeZone)
      .toPlainDate()
      .toString();
  }

  event(
    kind: string,
    ms: number,
    refs: { opportunityId: string; interviewId?: string; contactId?: string; messageId?: string },
    data: Record<string, unknown> = {},
  ): void {
    if (ms > this.nowMs) return;
    this.rows.events.push({
      id: this.id(ms),
      account_id: this.o.accountId,
      opportunity_id: refs.opportunityId,
      interview_id: refs.interviewId ?? null,
      contact_id: refs.contactId ?? null,
      message_id: refs.messageId ?? null,
      kind,
      at: iso(ms),
      data: JSON.stringify(data),
    });
  }

  person(
    company: string,
    domain: string,
    title: string,
    ms: number,
    withEmail: boolean,
    taken: Set<string>,
  ): Person {
    const first = this.rng.pick(words.FIRST_NAMES);
    const last = this.rng.pick(words.LAST_NAMES);
    const name = `${first} ${last}`;
    let address = `${mailbox(first, last)}@${domain}`;
    for (let n = 2; taken.has(address); n++) address = `${mailbox(first, last)}${n}@${domain}`;
    taken.add(address);
    const at = iso(ms);
    const source = this.rng.pick(['typed', 'calendar-invite', 'email-signature']);
    const provenance = [{ field: 'displayName', value: name, source, at }];
    if (withEmail) provenance.push({ field: 'email', value: address, source, at });
    const row: ContactRow = {
      id: this.id(ms),
      account_id: this.o.accountId,
      display_name: name,
      title,
      company,
      emails: JSON.stringify(withEmail ? [address] : []),
      bad_emails: '[]',
      phones: JSON.stringify(
        this.rng.chance(0.3) ? [`+1 555 01${String(this.rng.int(0, 99)).padStart(2, '0')}`] : [],
      ),
      links: '[]',
      provenance: JSON.stringify(provenance),
      notes: '',
      created_at: at,
      updated_at: at,
    };
    this.rows.contacts.push(row);
    return { row, first };
  }

  message(init: {
    kind: MessageRow['kind'];
    direction: 'in' | 'out';
    ms: number;
    opportunityId: string;
    interviewId?: string | null;
    to: Person;
    subject: string;
    body: string;
    actionKey?: string | null;
  }): string | null {
    if (init.ms > this.nowMs) return null;
    const at = iso(init.ms);
    const id = this.id(init.ms);
    const viaAfterview = init.direction === 'out' && this.rng.chance(0.5);
    this.rows.messages.push({
      id,
      account_id: this.o.accountId,
      kind: init.kind,
      direction: init.direction,
      opportunity_id: init.opportunityId,
      interview_id: init.interviewId ?? null,
      subject: init.subject,
      body: init.body,
      status: 'sent',
      send_at: null,
      sent_at: at,
      rfc_message_id:
        viaAfterview || init.direction === 'in'
          ? `<${id}@${init.direction === 'in' ? 'mail' : 'afterview'}.example>`
          : null,
      in_reply_to: null,
      action_key: init.actionKey ?? null,
      edited_at: null,
      attempts: viaAfterview ? 1 : 0,
      lease_until: null,
      last_error: null,
      created_at: at,
      updated_at: at,
    });
    const address = (JSON.parse(init.to.row.emails) as string[])[0] ?? null;
    this.rows.messageContacts.push({
      account_id: this.o.accountId,
      message_id: id,
      contact_id: init.to.row.id,
      address,
      role: init.direction === 'out' ? 'to' : 'from',
    });
    this.event(
      init.direction === 'out' ? 'message-sent' : 'reply-received',
      init.ms,
      {
        opportunityId: init.opportunityId,
        contactId: init.to.row.id,
        messageId: id,
      },
      { kind: init.kind },
    );
    return id;
  }

  opportunity(index: number, company: string, outcome: Outcome, recent: boolean): void {
    const { rng, o } = this;
    const domain = `${slug(company)}.example`;
    const role = rng.pick(words.ROLES);
    const appliedMs =
      this.nowMs -
      (recent ? rng.between(2, 25) : rng.between(25, historyDays(o.scale))) * DAY -
      rng.int(0, 10) * HOUR;
    const oppId = this.id(appliedMs);
    const taken = new Set<string>();
    const stages: [Stage, number][] = [['applied', appliedMs]];
    const opp: OpportunityRow = {
      id: oppId,
      account_id: o.accountId,
      company,
      role,
      stage: 'applied',
      recruiter_id: null,
      decision_by: null,
      domains: JSON.stringify([domain]),
      links: JSON.stringify([`https://careers.${domain}/jobs/${1000 + index}`]),
      notes: '',
      stage_changed_at: iso(appliedMs),
      created_at: iso(appliedMs),
      updated_at: iso(appliedMs),
    };
    this.rows.opportunities.push(opp);
    this.event('opportunity-created', appliedMs, { opportunityId: oppId }, { stage: 'applied' });
    const toStage = (stage: Stage, ms: number) => {
      if (ms > this.nowMs) return;
      const from = stages.at(-1)?.[0] ?? 'applied';
      if (from === stage) return;
      stages.push([stage, ms]);
      this.event('stage-changed', ms, { opportunityId: oppId }, { from, to: stage });
    };

    if (outcome !== 'no-response') {
      const recruiterMs = appliedMs + rng.between(1, 6) * DAY;
      if (recruiterMs <= this.nowMs) {
        const recruiter = this.person(
          company,
          domain,
          rng.pick(words.RECRUITER_TITLES),
          recruiterMs,
          true,
          taken,
        );
        opp.recruiter_id = recruiter.row.id;
        this.loop(opp, recruiter, outcome, domain, taken, toStage);
      }
    }
    const [stage, changedMs] = stages.at(-1) ?? ['applied', appliedMs];
    opp.stage = stage;
    opp.stage_changed_at = iso(changedMs);
    opp.updated_at = iso(changedMs);
  }

  private loop(
    opp: OpportunityRow,
    recruiter: Person,
    outcome: Outcome,
    domain: string,
    taken: Set<string>,
    toStage: (stage: Stage, ms: number) => void,
  ): void {
    const { rng } = this;
    const rounds: RoundKind[] =
      outcome === 'rejected-screen'
        ? rng.chance(0.5)
          ? ['recruiter', 'screen']
          : ['recruiter']
        : outcome === 'withdrawn' || outcome === 'gone-quiet'
          ? rng.chance(0.6)
            ? ['recruiter', 'screen']
            : ['recruiter', 'screen', 'onsite']
          : rng.chance(0.2)
            ? ['recruiter', 'screen', 'onsite', 'final']
            : ['recruiter', 'screen', 'onsite'];
    // The company's people: a hiring manager and a bench of interviewers, met across rounds.
    const bench: Person[] = [];
    const benchMember = (i: number, ms: number): Person => {
      while (bench.length <= i) {
        const title = bench.length === 0 ? 'Engineering Manager' : rng.pick(words.INTERVIEWER_TITLES);
        bench.push(this.person(opp.company, domain, title, ms, !rng.chance(0.12), taken));
      }
      return bench[i] as Person;
    };

    // Nothing is scheduled before the recruiter first gets in touch.
    const contactedMs = Date.parse(recruiter.row.created_at);
    let cursor = contactedMs + rng.between(3, 10) * DAY;
    let lastEnd: number | null = null;
    for (const [n, kind] of rounds.entries()) {
      const zone = rng.chance(0.75) ? this.o.timeZone : rng.pick(words.OTHER_ZONES);
      const startHour = kind === 'onsite' ? rng.int(9, 11) : rng.int(9, 16);
      const start = this.localWorkTime(cursor, zone, startHour, rng.pick([0, 0, 30]));
      const minutes =
        kind === 'recruiter'
          ? 30
          : kind === 'screen'
            ? rng.pick([45, 60])
            : kind === 'onsite'
              ? rng.int(6, 9) * 30
              : 45;
      const end = start + minutes * MINUTE;
      const scheduledMs = Math.max(contactedMs + HOUR, start - rng.between(2, 8) * DAY);
      // Only what the user could know by now: interviews scheduled already, up to a week ahead.
      if (scheduledMs > this.nowMs || start > this.nowMs + 7 * DAY) break;
      if (n === 0) toStage('interviewing', scheduledMs);

      const participants: [Person, 'interviewer' | 'coordinator'][] = [];
      if (kind === 'recruiter') participants.push([recruiter, 'interviewer']);
      else if (kind === 'screen') {
        participants.push([benchMember(0, scheduledMs), 'interviewer']);
        if (rng.chance(0.3)) participants.push([benchMember(1, scheduledMs), 'interviewer']);
      } else if (kind === 'onsite') {
        const count = rng.int(2, 5);
        const order = rng.shuffle([0, 1, 2, 3, 4, 5]).slice(0, count);
        for (const i of order) participants.push([benchMember(i, scheduledMs), 'interviewer']);
        if (rng.chance(0.5)) participants.push([recruiter, 'coordinator']);
      } else {
        participants.push([benchMember(rng.int(0, 2), scheduledMs), 'interviewer']);
      }

      const round =
        kind === 'recruiter'
          ? 'Recruiter screen'
          : kind === 'screen'
            ? rng.pick(['Technical screen', 'Hiring manager screen'])
            : kind === 'onsite'
              ? rng.pick(['Onsite loop', 'Virtual onsite'])
              : 'Final conversation';
      const format = kind === 'recruiter' ? 'phone' : round === 'Onsite loop' ? 'onsite' : 'video';
      const interview: InterviewRow = {
        id: this.id(scheduledMs),
        account_id: this.o.accountId,
        opportunity_id: opp.id,
        round,
        start_at: iso(start),
        end_at: iso(end),
        time_zone: zone,
        format,
        location:
          format === 'onsite'
            ? `${opp.company} office, 4th floor`
            : format === 'video'
              ? `https://meet.${domain}/r/${rng.int(100000, 999999)}`
              : null,
        status: 'scheduled',
        source_uid: rng.chance(0.4) ? `${rng.int(1e8, 1e9)}@calendar.${domain}` : null,
        source_sequence: null,
        created_at: iso(scheduledMs),
        updated_at: iso(scheduledMs),
      };
      if (interview.source_uid) interview.source_sequence = 0;
      this.rows.interviews.push(interview);
      for (const [p, role] of participants) {
        this.rows.participants.push({
          account_id: this.o.accountId,
          interview_id: interview.id,
          contact_id: p.row.id,
          role,
        });
      }
      this.event(
        'interview-scheduled',
        scheduledMs,
        { opportunityId: opp.id, interviewId: interview.id },
        { round, start: interview.start_at },
      );
      if (end > this.nowMs) return; // still ahead (or under way): nothing after it has happened yet
      lastEnd = end;
      this.afterInterview(
        opp,
        interview,
        participants.filter(([, r]) => r === 'interviewer').map(([p]) => p),
        end,
      );
      cursor = end + rng.between(3, 12) * DAY;
    }
    if (lastEnd === null) return;
    this.decision(opp, recruiter, outcome, lastEnd, toStage);
  }

  private afterInterview(
    opp: OpportunityRow,
    interview: InterviewRow,
    interviewers: Person[],
    end: number,
  ): void {
    const { rng } = this;
    const memorable = new Map<string, string>();
    const debriefMs = end + rng.between(0.3, 5) * HOUR;
    if (rng.chance(0.85) && debriefMs <= this.nowMs) {
      const feeling = rng.pick(words.FEELINGS);
      const wentWell = rng.pick(words.WENT_WELL);
      const improve = rng.pick(words.IMPROVE);
      // A promise is made to one person: the first interviewer with notes gets it.
      let promise: string = rng.pick(words.PROMISES);
      this.rows.debriefs.push({
        account_id: this.o.accountId,
        interview_id: interview.id,
        feeling,
        went_well: wentWell,
        improve,
        add_to_answer: '',
        promises: '',
        updated_at: iso(debriefMs),
      });
      const used = new Set<string>();
      for (const p of interviewers) {
        if (!rng.chance(0.9)) continue;
        let moment = rng.pick(words.MEMORABLE);
        // Each interviewer gets their own detail, so no two thank-yous read alike.
        for (let tries = 0; used.has(moment) && tries < 10; tries++) moment = rng.pick(words.MEMORABLE);
        used.add(moment);
        memorable.set(p.row.id, moment);
        this.rows.debriefNotes.push({
          account_id: this.o.accountId,
          interview_id: interview.id,
          contact_id: p.row.id,
          memorable: moment,
          topics: rng.shuffle(words.TOPICS).slice(0, 2).join(', '),
          problem: rng.chance(0.5) ? rng.pick(words.PROBLEMS) : '',
          promise,
          updated_at: iso(debriefMs),
        });
        promise = '';
      }
      this.event('debrief-written', debriefMs, { opportunityId: opp.id, interviewId: interview.id });
    }
    for (const p of interviewers) {
      const hasEmail = (JSON.parse(p.row.emails) as string[]).length > 0;
      if (!hasEmail) {
        // An address never collected: older ones the user let go of.
        if (end < this.nowMs - 14 * DAY && rng.chance(0.6)) {
          this.rows.decisions.push({
            account_id: this.o.accountId,
            action_key: `collect-contact:${interview.id}:${p.row.id}:after`,
            decision: 'dismissed',
            until: null,
            decided_at: iso(end + rng.between(5, 48) * HOUR),
          });
        }
        continue;
      }
      if (!rng.chance(0.9)) continue;
      const late = rng.chance(0.15);
      const sentMs = this.wakingTime(end + (late ? rng.between(26, 70) : rng.between(1, 20)) * HOUR);
      const detail = memorable.get(p.row.id) ?? `our conversation about ${rng.pick(words.TOPICS)}`;
      this.message({
        kind: 'thank-you',
        direction: 'out',
        ms: sentMs,
        opportunityId: opp.id,
        interviewId: interview.id,
        to: p,
        subject: `Thank you — ${opp.role} ${interview.round.toLowerCase()}`,
        body:
          `Dear ${p.first},\n\nThank you for taking the time to speak with me about the ${opp.role} role at ` +
          `${opp.company}. I especially enjoyed ${detail}.\n\nI am excited about the chance to contribute to the team.\n\n` +
          `Best regards,\n${this.o.signer}`,
        actionKey: thankYouKey(interview.id, p.row.id),
      });
    }
  }

  private checkIn(opp: OpportunityRow, recruiter: Person, ms: number): string | null {
    return this.message({
      kind: 'check-in',
      direction: 'out',
      ms,
      opportunityId: opp.id,
      to: recruiter,
      subject: `Checking in — ${opp.role}`,
      body:
        `Hi ${recruiter.first},\n\nI hope your week is going well. I wanted to check in on the ${opp.role} role; ` +
        `I remain very interested and am happy to share anything else that helps.\n\nBest,\n${this.o.signer}`,
    });
  }

  private decision(
    opp: OpportunityRow,
    recruiter: Person,
    outcome: Outcome,
    lastEnd: number,
    toStage: (stage: Stage, ms: number) => void,
  ): void {
    const { rng } = this;
    const zone = this.o.timeZone;
    let decisionMs: number | null = null;
    if (rng.chance(0.45)) {
      // Recruiters name a working day: "by Friday", never a Sunday.
      decisionMs = this.localWorkTime(lastEnd + rng.int(5, 10) * DAY, this.o.timeZone, 12, 0);
      opp.decision_by = this.localDate(decisionMs);
    }
    if (outcome !== 'rejected-screen') toStage('waiting', lastEnd);
    const firstCheckIn = this.localWorkTime((decisionMs ?? lastEnd + 6 * DAY) + DAY, zone, 9, 30);

    if (outcome === 'gone-quiet') {
      let ms = firstCheckIn;
      for (let n = 0; n < 3; n++) {
        this.checkIn(opp, recruiter, ms);
        ms = this.localWorkTime(ms + rng.int(7, 9) * DAY, zone, 9, 30);
      }
      toStage('gone-quiet', ms);
      return;
    }
    if (outcome === 'withdrawn') {
      const ms = lastEnd + rng.between(2, 6) * DAY;
      this.message({
        kind: 'other',
        direction: 'out',
        ms,
        opportunityId: opp.id,
        to: recruiter,
        subject: `Withdrawing — ${opp.role}`,
        body: `Hi ${recruiter.first},\n\nI have accepted another offer and would like to withdraw. Thank you for everything.\n\n${this.o.signer}`,
      });
      toStage('withdrawn', ms);
      return;
    }

    // Recruiters answer in their working hours (here: the user's zone, close enough for a demo).
    const answerMs = this.localWorkTime(
      lastEnd + (outcome === 'offer' ? rng.between(2, 10) : rng.between(3, 16)) * DAY,
      zone,
      rng.int(9, 17),
      rng.int(0, 59),
    );
    if (firstCheckIn < answerMs && rng.chance(0.4)) {
      this.checkIn(opp, recruiter, firstCheckIn);
      if (rng.chance(0.5)) {
        this.message({
          kind: 'reply',
          direction: 'in',
          ms: Math.min(answerMs - HOUR, firstCheckIn + rng.between(3, 30) * HOUR),
          opportunityId: opp.id,
          to: recruiter,
          subject: `Re: Checking in — ${opp.role}`,
          body: `Hi,\n\nThanks for checking in! The team is still meeting candidates; I will be in touch soon.\n\n${recruiter.row.display_name}`,
        });
      }
    }
    if (answerMs > this.nowMs) return;

    if (outcome === 'offer') {
      this.message({
        kind: 'reply',
        direction: 'in',
        ms: answerMs,
        opportunityId: opp.id,
        to: recruiter,
        subject: `Offer — ${opp.role} at ${opp.company}`,
        body: `Hi ${this.o.signer.split(' ')[0]},\n\nGreat news: we would like to make you an offer. Details attached.\n\n${recruiter.row.display_name}`,
      });
      toStage('offer', answerMs);
      const settledMs = answerMs + rng.between(3, 7) * DAY;
      if (settledMs < this.nowMs - 7 * DAY) toStage(rng.chance(0.3) ? 'accepted' : 'withdrawn', settledMs);
      return;
    }

    // A rejection: graciously answered, and months later, sometimes, a note to reconnect.
    this.message({
      kind: 'reply',
      direction: 'in',
      ms: answerMs,
      opportunityId: opp.id,
      to: recruiter,
      subject: `Update on your application — ${opp.role}`,
      body: `Hi,\n\nThank you for your time with the team. Unfortunately we have decided to move forward with other candidates.\n\n${recruiter.row.display_name}`,
    });
    toStage('rejected', answerMs);
    if (rng.chance(0.85)) {
      this.message({
        kind: 'thanks-for-consideration',
        direction: 'out',
        ms: answerMs + rng.between(4, 60) * HOUR,
        opportunityId: opp.id,
        to: recruiter,
        subject: `Thank you — ${opp.role}`,
        body:
          `Hi ${recruiter.first},\n\nThank you for letting me know, and for your time throughout the process. ` +
          `I enjoyed meeting the team at ${opp.company} and would be glad to be considered for future roles.\n\nBest,\n${this.o.signer}`,
        actionKey: thanksForConsiderationKey(opp.id, recruiter.row.id),
      });
    }
    const reconnectMs = answerMs + rng.between(90, 130) * DAY;
    if (reconnectMs <= this.nowMs && rng.chance(0.35)) {
      this.message({
        kind: 'reconnect',
        direction: 'out',
        ms: reconnectMs,
        opportunityId: opp.id,
        to: recruiter,
        subject: 'Hello again',
        body: `Hi ${recruiter.first},\n\nIt has been a few months since we spoke about the ${opp.role} role. I would love to hear if anything new has opened up.\n\nBest,\n${this.o.signer}`,
        actionKey: reconnectKey(opp.id),
      });
    }
  }
}

/**
 * Live applications (sent in the last 25 days): one in eight in a sample hunt; from scale 100 up,
 * a fixed 38 (what 300 applications over two years had), generated first and from the same draws
 * at every scale. So from 100 up a bigger scale adds only past, and the start-up benchmark's
 * "scale 1000 vs scale 100" compares history alone, as issue 11 means it to.
 */
const liveApplications = (scale: number): number => (scale < 100 ? Math.ceil(scale / 8) : LIVE);
const LIVE = 38;
/**
 * How far back the past applications go. A sample hunt spans two years. From scale 100 up the
 * past keeps scale 300's pace (262 applications in two years), so scale 100 is about six
 * months and scale 1000 about seven years: the same live work, with as much history behind it as
 * that pace gives (90-day reconnects and the like included).
 */
const historyDays = (scale: number): number =>
  scale < 100 ? 730 : Math.max(30, Math.round(((scale - LIVE) * 730) / (300 - LIVE)));

/** Generate the demo rows (not yet written). */
export function generateDemo(o: DemoOptions): AccountRows {
  const rng = new Rng(o.seed);
  const builder = new DemoBuilder(o, rng);
  const companies = rng.shuffle(
    words.COMPANY_PREFIXES.flatMap((p) => words.COMPANY_SUFFIXES.map((s) => `${p} ${s}`)),
  );
  const outcomeOffset = rng.int(0, OUTCOME_CYCLE.length - 1);
  const live = liveApplications(o.scale);
  const apply = (i: number): void =>
    builder.opportunity(
      i,
      companies[i % companies.length] as string,
      OUTCOME_CYCLE[(i + outcomeOffset) % OUTCOME_CYCLE.length] as Outcome,
      i < live,
    );
  // The live applications and today's fresh interview come first, so their draws do not depend
  // on how much history follows.
  for (let i = 0; i < Math.min(live, o.scale); i++) apply(i);
  builder.freshInterview();
  for (let i = live; i < o.scale; i++) apply(i);
  return builder.rows;
}
