/**
 * Rows ⇄ backup document. Pure translation, both ways, so that export → import → export gives the
 * same document: every column a backup carries is mapped here and nowhere else.
 */
import { isLocale } from '../../core/drafts/locale';
import type { AccountRow } from '../../db/tables/account.table';
import { readJsonArray, readJsonObject, writeJson } from '../json-columns';
import type { AccountRows } from './backup.repository';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupDocument } from './backup.schemas';

type Provenance = BackupDocument['contacts'][number]['provenance'][number];

/** Group child rows by a parent key, keeping their order. */
function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

export function toBackupDocument(
  account: AccountRow,
  rows: AccountRows,
  exportedAt: string,
  templates: BackupDocument['templates'] = [],
): BackupDocument {
  const participants = groupBy(rows.participants, (p) => p.interview_id);
  const notes = groupBy(rows.debriefNotes, (n) => n.interview_id);
  const recipients = groupBy(rows.messageContacts, (c) => c.message_id);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    account: {
      timeZone: account.time_zone,
      holidayRegion: account.holiday_region,
      ownEmails: readJsonArray(account.own_emails),
      playbookOverrides: readJsonObject(account.playbook),
      signature: account.signature,
      displayName: account.display_name,
      locale: isLocale(account.locale) ? account.locale : null,
    },
    contacts: rows.contacts.map((c) => ({
      id: c.id,
      displayName: c.display_name,
      title: c.title,
      company: c.company,
      emails: readJsonArray(c.emails),
      badEmails: readJsonArray(c.bad_emails),
      phones: readJsonArray(c.phones),
      links: readJsonArray(c.links),
      provenance: readJsonArray<Provenance>(c.provenance),
      notes: c.notes,
      createdAt: c.created_at,
      updatedAt: c.updated_at,
    })),
    opportunities: rows.opportunities.map((o) => ({
      id: o.id,
      company: o.company,
      role: o.role,
      stage: o.stage as BackupDocument['opportunities'][number]['stage'],
      recruiterId: o.recruiter_id,
      decisionBy: o.decision_by,
      domains: readJsonArray(o.domains),
      links: readJsonArray(o.links),
      notes: o.notes,
      stageChangedAt: o.stage_changed_at,
      createdAt: o.created_at,
      updatedAt: o.updated_at,
    })),
    interviews: rows.interviews.map((i) => ({
      id: i.id,
      opportunityId: i.opportunity_id,
      round: i.round,
      start: i.start_at,
      end: i.end_at,
      timeZone: i.time_zone,
      format: i.format,
      location: i.location,
      status: i.status === 'cancelled' ? 'cancelled' : 'scheduled',
      sourceUid: i.source_uid,
      sourceSequence: i.source_sequence,
      participants: (participants.get(i.id) ?? []).map((p) => ({
        contactId: p.contact_id,
        role: p.role as BackupDocument['interviews'][number]['participants'][number]['role'],
      })),
      createdAt: i.created_at,
      updatedAt: i.updated_at,
    })),
    debriefs: rows.debriefs.map((d) => ({
      interviewId: d.interview_id,
      feeling: d.feeling,
      wentWell: d.went_well,
      improve: d.improve,
      addToAnswer: d.add_to_answer,
      promises: d.promises,
      updatedAt: d.updated_at,
      notes: (notes.get(d.interview_id) ?? []).map((n) => ({
        contactId: n.contact_id,
        memorable: n.memorable,
        topics: n.topics,
        problem: n.problem,
        promise: n.promise,
        updatedAt: n.updated_at,
      })),
    })),
    messages: rows.messages.map((m) => ({
      id: m.id,
      kind: m.kind as BackupDocument['messages'][number]['kind'],
      direction: m.direction === 'in' ? 'in' : 'out',
      opportunityId: m.opportunity_id,
      interviewId: m.interview_id,
      subject: m.subject,
      body: m.body,
      status: m.status as BackupDocument['messages'][number]['status'],
      sendAt: m.send_at,
      sentAt: m.sent_at,
      rfcMessageId: m.rfc_message_id,
      inReplyTo: m.in_reply_to,
      actionKey: m.action_key,
      attempts: Number(m.attempts),
      lastError: m.last_error,
      editedAt: m.edited_at,
      recipients: (recipients.get(m.id) ?? []).map((r) => ({
        contactId: r.contact_id,
        address: r.address,
        role: r.role,
      })),
      createdAt: m.created_at,
      updatedAt: m.updated_at,
    })),
    decisions: rows.decisions.map((d) => ({
      key: d.action_key,
      decision: d.decision as BackupDocument['decisions'][number]['decision'],
      until: d.until,
      decidedAt: d.decided_at,
    })),
    events: rows.events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at,
      opportunityId: e.opportunity_id,
      interviewId: e.interview_id,
      contactId: e.contact_id,
      messageId: e.message_id,
      data: readJsonObject(e.data),
    })),
    templates,
  };
}

/**
 * The rows to insert for a (validated) document, all owned by `accountId`: the file's own account
 * id is never trusted, so a backup can only ever write into the account importing it.
 */
export function toAccountRows(doc: BackupDocument, accountId: string): AccountRows {
  const account_id = accountId;
  return {
    contacts: doc.contacts.map((c) => ({
      id: c.id,
      account_id,
      display_name: c.displayName,
      title: c.title,
      company: c.company,
      emails: writeJson(c.emails),
      bad_emails: writeJson(c.badEmails),
      phones: writeJson(c.phones),
      links: writeJson(c.links),
      provenance: writeJson(c.provenance),
      notes: c.notes,
      created_at: c.createdAt,
      updated_at: c.updatedAt,
    })),
    opportunities: doc.opportunities.map((o) => ({
      id: o.id,
      account_id,
      company: o.company,
      role: o.role,
      stage: o.stage,
      recruiter_id: o.recruiterId,
      decision_by: o.decisionBy,
      domains: writeJson(o.domains),
      links: writeJson(o.links),
      notes: o.notes,
      stage_changed_at: o.stageChangedAt,
      created_at: o.createdAt,
      updated_at: o.updatedAt,
    })),
    interviews: doc.interviews.map((i) => ({
      id: i.id,
      account_id,
      opportunity_id: i.opportunityId,
      round: i.round,
      start_at: i.start,
      end_at: i.end,
      time_zone: i.timeZone,
      format: i.format,
      location: i.location,
      status: i.status,
      source_uid: i.sourceUid,
      source_sequence: i.sourceSequence,
      created_at: i.createdAt,
      updated_at: i.updatedAt,
    })),
    participants: doc.interviews.flatMap((i) =>
      i.participants.map((p) => ({
        account_id,
        interview_id: i.id,
        contact_id: p.contactId,
        role: p.role,
      })),
    ),
    debriefs: doc.debriefs.map((d) => ({
      account_id,
      interview_id: d.interviewId,
      feeling: d.feeling,
      went_well: d.wentWell,
      improve: d.improve,
      add_to_answer: d.addToAnswer,
      promises: d.promises,
      updated_at: d.updatedAt,
    })),
    debriefNotes: doc.debriefs.flatMap((d) =>
      d.notes.map((n) => ({
        account_id,
        interview_id: d.interviewId,
        contact_id: n.contactId,
        memorable: n.memorable,
        topics: n.topics,
        problem: n.problem,
        promise: n.promise,
        updated_at: n.updatedAt,
      })),
    ),
    messages: doc.messages.map((m) => ({
      id: m.id,
      account_id,
      kind: m.kind,
      direction: m.direction,
      opportunity_id: m.opportunityId,
      interview_id: m.interviewId,
      subject: m.subject,
      body: m.body,
      // A message caught mid-send on the old machine may or may not have left: never resend it
      // blindly, let the user confirm (the outbox's own rule for a crash mid-send). A scheduled
      // one may have gone out from the old machine since the export: it comes back as a draft,
      // so a restore never sends anything by itself.
      status: m.status === 'sending' ? 'uncertain' : m.status === 'scheduled' ? 'draft' : m.status,
      send_at: m.status === 'scheduled' ? null : m.sendAt,
      sent_at: m.sentAt,
      rfc_message_id: m.rfcMessageId,
      in_reply_to: m.inReplyTo,
      action_key: m.actionKey,
      attempts: m.attempts,
      lease_until: null,
      last_error: m.lastError,
      // A backup from before edits were tracked: its drafts count as the user's own words.
      edited_at: m.editedAt === undefined ? m.updatedAt : m.editedAt,
      created_at: m.createdAt,
      updated_at: m.updatedAt,
    })),
    messageContacts: doc.messages.flatMap((m) =>
      m.recipients.map((r) => ({
        account_id,
        message_id: m.id,
        contact_id: r.contactId,
        address: r.address,
        role: r.role,
      })),
    ),
    decisions: doc.decisions.map((d) => ({
      account_id,
      action_key: d.key,
      decision: d.decision,
      until: d.until,
      decided_at: d.decidedAt,
    })),
    events: doc.events.map((e) => ({
      id: e.id,
      account_id,
      opportunity_id: e.opportunityId,
      interview_id: e.interviewId,
      contact_id: e.contactId,
      message_id: e.messageId,
      kind: e.kind,
      at: e.at,
      data: writeJson(e.data),
    })),
  };
}
