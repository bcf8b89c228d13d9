import { describe, expect, it } from 'vitest';
import { captureFixture, fixture } from '../../../test/capture-fixtures';
import type { CaptureBundle } from './bundle';
import { parseIcs, roundFrom } from './ics';

const zone = 'Europe/London';

/** name → emails, role per interview, for compact assertions. */
function people(bundle: CaptureBundle, interviewIndex: number): Array<[string | null, string[], string]> {
  const interview = bundle.interviews[interviewIndex];
  return (interview?.participants ?? []).map((p) => {
    const c = bundle.contacts.find((x) => x.key === p.contactKey);
    return [c?.displayName ?? null, c?.emails ?? [], p.role];
  });
}

describe('parseIcs on the shared fixtures', () => {
  it('reads the Google onsite loop: two sessions, interviewers with accents, no candidate or room', () => {
    const b = parseIcs(fixture('calendar/google-onsite-loop.ics'), {
      timeZone: zone,
      ownEmails: ['Alex.Kim.Dev@mail.example'],
    });
    expect(b.interviews.map((i) => [i.uid, i.sequence, i.start, i.end, i.timeZone, i.status])).toEqual([
      [
        '5q1c0v9o3r8g2k7l6m4n0p1s2t@google.com',
        0,
        '2026-12-08T18:00:00Z',
        '2026-12-08T18:45:00Z',
        'America/Los_Angeles',
        'scheduled',
      ],
      [
        '7b2d1w0p4s9h3l8m5n1q2r3t4u@google.com',
        1,
        '2026-12-08T19:00:00Z',
        '2026-12-08T20:00:00Z',
        'America/Los_Angeles',
        'scheduled',
      ],
    ]);
    expect(people(b, 0)).toEqual([
      ['Dana Whitfield', ['dana.whitfield@northwind-labs.example'], 'coordinator'],
      ['Priya Raman', ['priya.raman@northwind-labs.example'], 'interviewer'],
    ]);
    expect(people(b, 1)).toEqual([
      ['Dana Whitfield', ['dana.whitfield@northwind-labs.example'], 'coordinator'],
      ["Siobhán O'Connell", ['siobhan.oconnell@northwind-labs.example'], 'interviewer'],
      ['Diego Fernández-Ortiz', ['diego.fernandez@northwind-labs.example'], 'interviewer'],
    ]);
    expect(b.contacts.some((c) => c.emails.includes('alex.kim.dev@mail.example'))).toBe(false);
    expect(b.skipped).toEqual([
      { line: 24, field: 'ATTENDEE', reason: 'SF-4-Golden Gate (8) is a room or resource, not a person' },
    ]);
    expect(b.interviews.map((i) => i.round)).toEqual(['Hiring Manager (Priya Raman)', 'System Design']);
    expect(b.interviews[0]?.location).toBe('Northwind Labs, 500 Howard St, San Francisco');
    expect(b.interviews[0]?.meetingUrl).toBe('https://meet.google.com/qwe-rtyu-iop');
    expect(b.opportunities).toMatchObject([
      {
        company: 'Northwind Labs',
        domains: ['northwind-labs.example'],
        recruiterKey: 'ics:dana.whitfield@northwind-labs.example',
      },
    ]);
    expect(b.warnings).toEqual([]);
  });

  it('reads the Outlook Teams panel: Windows zone, "Last, First" names, no shared mailbox, recruiter signature', () => {
    const b = parseIcs(fixture('calendar/outlook-teams-panel.ics'), {
      timeZone: zone,
      ownEmails: ['jordan.bell@mail.example'],
    });
    expect(b.interviews).toHaveLength(1);
    const interview = b.interviews[0];
    expect(interview).toMatchObject({
      start: '2026-12-09T19:00:00Z',
      end: '2026-12-09T20:00:00Z',
      timeZone: 'America/New_York',
      format: 'video',
      location: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_example%40thread.v2/0',
      round: 'Panel Interview',
    });
    expect(people(b, 0)).toEqual([
      ['Chinedu Okafor', ['cokafor@contoso-health.example'], 'coordinator'],
      ['Thi Thu Trang Nguyen', ['ttnguyen@contoso-health.example'], 'interviewer'],
      ['Katherine McAllister-Brown', ['kmcallisterbrown@contoso-health.example'], 'interviewer'],
    ]);
    const recruiter = b.contacts[0];
    expect(recruiter).toMatchObject({
      nameAsWritten: 'Okafor, Chinedu',
      title: 'Senior Recruiter',
      company: 'Contoso Health',
      phones: ['+16175550142'],
    });
    expect(b.skipped.map((s) => s.reason)).toEqual([
      'Talent Acquisition looks like a shared mailbox or list, not a person',
    ]);
    expect(b.opportunities).toMatchObject([{ company: 'Contoso Health', role: 'Data Analyst II' }]);
    expect(b.warnings).toEqual([]);
  });

  it('notes a CN that is only an address as a missing name', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:missing-name',
      'DTSTART:20261201T150000Z',
      'DTEND:20261201T160000Z',
      'SUMMARY:Technical interview',
      'ORGANIZER;CN="Okafor, Chinedu":mailto:cokafor@contoso-health.example',
      'ATTENDEE;CN=rsingh@contoso-health.example:mailto:rsingh@contoso-health.example',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const b = parseIcs(text, { timeZone: zone });
    const singh = b.contacts.find((c) => c.emails.includes('rsingh@contoso-health.example'));
    expect(singh?.displayName).toBeNull();
    expect(b.warnings).toEqual([
      'line 2: rsingh@contoso-health.example has no name in the invite; add it before writing to them.',
    ]);
  });

  it("without the user's addresses, takes the outside attendee named in the title to be the user", () => {
    const b = parseIcs(fixture('calendar/google-onsite-loop.ics'), { timeZone: zone });
    expect(b.contacts.map((c) => c.displayName)).not.toContain('Alex Kim');
    expect(b.warnings[0]).toMatch(/^Alex Kim <alex\.kim\.dev@mail\.example> was taken to be you/);
  });

  it('maps Exchange 2010 Windows zone names, mends the malformed quoted TZID, and reads every event', () => {
    const b = parseIcs(fixture('calendar/exchange-2010-windows-tz-names.ics'), { timeZone: zone });
    expect(b.interviews.map((i) => [i.round, i.start, i.timeZone])).toEqual([
      ['test', '2020-09-10T07:00:00Z', 'Europe/Berlin'],
      ["Log Yesterday's Jira time", '2020-06-09T07:00:00Z', 'Europe/Berlin'],
      ['Not the actual summary 1', '2020-09-15T15:30:00Z', 'America/Los_Angeles'],
      ['Not the actual summary either', '2020-07-07T19:00:00Z', 'America/Los_Angeles'],
    ]);
    expect(b.warnings).toContain('line 73: mended a malformed DTSTART line (a misplaced quote).');
    expect(b.interviews[3]?.sequence).toBe(3);
    expect(b.interviews[3]?.location).toBe('https://bluejeans.com/7999979999');
  });

  it('maps Exchange display-name TZIDs such as "(UTC-05:00) Eastern Time (US & Canada)" with no VTIMEZONE', () => {
    const b = parseIcs(fixture('calendar/exchange-2010-owa-display-name-tzid.ics'), { timeZone: zone });
    expect(b.interviews.map((i) => [i.round, i.start, i.end, i.timeZone])).toEqual([
      ['TEST Syd', '2020-10-28T02:30:00Z', '2020-10-28T04:00:00Z', 'Australia/Sydney'],
      ['TEST', '2020-10-28T17:30:00Z', '2020-10-28T19:00:00Z', 'America/New_York'],
    ]);
    expect(b.warnings).toEqual([]);
  });
});

describe('parseIcs on its own fixtures', () => {
  it('uses a custom VTIMEZONE block nothing maps, a prefixed IANA name, and warns for an unknown TZID', () => {
    const b = parseIcs(captureFixture('custom-vtimezone.ics'), {
      timeZone: 'America/New_York',
      ownEmails: ['sam@personal.example'],
    });
    expect(b.interviews.map((i) => [i.round, i.start, i.end, i.timeZone])).toEqual([
      ['Technical screen', '2026-12-10T09:30:00Z', '2026-12-10T10:30:00Z', null],
      ['Culture interview', '2026-12-11T08:00:00Z', '2026-12-11T08:45:00Z', 'Europe/Berlin'],
      ['Final round', '2026-12-12T14:00:00Z', '2026-12-12T15:00:00Z', null],
    ]);
    expect(b.warnings).toEqual([
      'line 29: time zone "Harbour Office Time" matches no known zone; times were read with the file\'s own definition of it, and the interview is shown in your zone.',
      'line 50: time zone "Atlantis Standard Time" could not be mapped to a known zone and has no definition in the file; its times were read in your zone (America/New_York). Check them.',
    ]);
    expect(b.contacts.map((c) => c.displayName)).toEqual(['Meera Iyer', 'Rahul Menon', 'Jörg Müller']);
    expect(b.interviews[0]).toMatchObject({
      format: 'video',
      location: 'https://harbourline.zoom.us/j/123456789',
    });
  });

  it('does not depend on the machine zone for floating or unmapped times', () => {
    const a = parseIcs(captureFixture('custom-vtimezone.ics'), { timeZone: 'Asia/Tokyo' });
    expect(a.interviews[2]?.start).toBe('2026-12-12T00:00:00Z');
  });

  it('keeps UID and SEQUENCE, and reads METHOD:CANCEL as cancelled', () => {
    const opts = { timeZone: zone, ownEmails: ['sam@personal.example'] };
    const v0 = parseIcs(captureFixture('invite-seq0.ics'), opts).interviews[0];
    const v1 = parseIcs(captureFixture('invite-seq1-moved.ics'), opts).interviews[0];
    const v2 = parseIcs(captureFixture('invite-seq2-cancel.ics'), opts).interviews[0];
    expect([v0?.uid, v0?.sequence, v0?.status, v0?.start]).toEqual([
      'loop-7f3a@fabrikam.example',
      0,
      'scheduled',
      '2026-12-14T17:00:00Z',
    ]);
    expect([v1?.uid, v1?.sequence, v1?.status, v1?.start]).toEqual([
      'loop-7f3a@fabrikam.example',
      1,
      'scheduled',
      '2026-12-15T19:00:00Z',
    ]);
    expect([v2?.uid, v2?.sequence, v2?.status]).toEqual(['loop-7f3a@fabrikam.example', 2, 'cancelled']);
    // UTC times take the user's zone as the interview's zone.
    expect(v0?.timeZone).toBe(zone);
  });
});

describe('parseIcs on bad input', () => {
  const opts = { timeZone: zone };

  it('refuses a file that is not a calendar, naming the line', () => {
    expect(() => parseIcs('\n\nhello world\n', opts)).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        message: 'line 3: not a calendar file (no BEGIN:VCALENDAR).',
      }),
    );
  });

  it('refuses binary data', () => {
    expect(() => parseIcs(new Uint8Array([0x42, 0x45, 0x47, 0, 0, 1, 2, 3]), opts)).toThrow(/binary data/);
  });

  it('refuses input over the size limit before parsing', () => {
    const huge = `BEGIN:VCALENDAR\n${'X-PAD:'.padEnd(100, 'x')}\n`.repeat(120_000);
    const started = performance.now();
    expect(() => parseIcs(huge, opts)).toThrow(/files over 10 MB are not imported/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('skips an event cut short, keeping the complete ones', () => {
    const text = fixture('calendar/google-onsite-loop.ics').toString('utf8');
    const cut = text.slice(0, text.indexOf('SUMMARY:Alex Kim <> Northwind Labs: System Design'));
    const b = parseIcs(cut, { ...opts, ownEmails: ['alex.kim.dev@mail.example'] });
    expect(b.interviews).toHaveLength(1);
    expect(b.skipped).toContainEqual({
      line: 51,
      field: 'VEVENT',
      reason: 'the file ends inside this event (cut short?)',
    });
    expect(b.warnings).toContain(
      'The calendar file ends without END:VCALENDAR (cut short?); read what was there.',
    );
  });

  it('skips an event without DTSTART and reports why', () => {
    const b = parseIcs(
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:x\nSUMMARY:No time\nEND:VEVENT\nEND:VCALENDAR\n',
      opts,
    );
    expect(b.interviews).toEqual([]);
    expect(b.skipped).toEqual([{ line: 2, field: 'DTSTART', reason: 'the event has no DTSTART' }]);
  });

  it('reads a 100,000-line invite in bounded time, listing the attendees it left out', () => {
    const attendees = Array.from(
      { length: 100_000 },
      (_, i) => `ATTENDEE;CN=Person ${i}:mailto:p${i}@big.example`,
    ).join('\n');
    const text = `BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:big\nDTSTART:20261201T100000Z\nDTEND:20261201T110000Z\nORGANIZER;CN=Org:mailto:org@big.example\n${attendees}\nEND:VEVENT\nEND:VCALENDAR\n`;
    const started = performance.now();
    const b = parseIcs(text, opts);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(b.interviews[0]?.participants).toHaveLength(201);
    expect(b.skipped).toContainEqual({
      line: 2,
      field: 'ATTENDEE',
      reason: '99800 attendees beyond the first 200 were left out',
    });
  });
});

describe('roundFrom', () => {
  it('drops the candidate, company and role from the title', () => {
    expect(
      roundFrom('Panel Interview - Jordan Bell - Data Analyst II', ['jordan.bell', 'Data Analyst II']),
    ).toBe('Panel Interview');
    expect(roundFrom('Alex Kim <> Northwind Labs: System Design', ['Alex Kim', 'Northwind Labs'])).toBe(
      'System Design',
    );
    expect(roundFrom('', [])).toBe('Interview');
  });
});

describe('parseIcs refuses what is not a real time', () => {
  const invite = (start: string, end: string, extra: string[] = []) =>
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:rollover@fabrikam.example',
      'SUMMARY:Hiring manager interview',
      'ORGANIZER;CN=Lena Fischer:mailto:lena.fischer@fabrikam.example',
      `DTSTART:${start}`,
      `DTEND:${end}`,
      ...extra,
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
  const opts = { timeZone: 'UTC' };

  it('refuses an impossible DTSTART, naming its line, instead of rolling it over to another day', () => {
    expect(() => parseIcs(invite('20261240T100000Z', '20261240T110000Z'), opts)).toThrow(
      'line 7: DTSTART 20261240T100000Z is not a real date.',
    );
  });

  it('refuses an impossible DTEND, an hour 25 and a RECURRENCE-ID on the 31st of November', () => {
    expect(() => parseIcs(invite('20261201T100000Z', '20261301T110000Z'), opts)).toThrow(
      'line 8: DTEND 20261301T110000Z is not a real date.',
    );
    expect(() => parseIcs(invite('20261201T250000Z', '20261201T110000Z'), opts)).toThrow(
      'line 7: DTSTART 20261201T250000Z is not a real date.',
    );
    expect(() =>
      parseIcs(invite('20261201T100000Z', '20261201T110000Z', ['RECURRENCE-ID:20261131T100000Z']), opts),
    ).toThrow('line 9: RECURRENCE-ID 20261131T100000Z is not a real date.');
  });

  it('still reads 29 February of a leap year', () => {
    const b = parseIcs(invite('20280229T100000Z', '20280229T110000Z'), opts);
    expect(b.interviews[0]?.start).toBe('2028-02-29T10:00:00Z');
  });

  it('refuses a DTEND before (or at) its DTSTART, naming the line, as `interview add` does', () => {
    expect(() => parseIcs(invite('20261201T100000Z', '20261201T090000Z'), opts)).toThrow(
      'line 8: DTEND 20261201T090000Z is not after DTSTART 20261201T100000Z; the interview must end after it starts.',
    );
    expect(() => parseIcs(invite('20261201T100000Z', '20261201T100000Z'), opts)).toThrow(/line 8: DTEND/);
  });
});

describe('parseIcs recognises the user among the attendees', () => {
  it('takes the only attendee from outside the company to be the user, and says so', () => {
    const b = parseIcs(fixture('capture/invite-seq0.ics'), { timeZone: 'UTC' });
    expect(people(b, 0)).toEqual([
      ['Lena Fischer', ['lena.fischer@fabrikam.example'], 'coordinator'],
      ['Tomás Ruiz', ['tomas.ruiz@fabrikam.example'], 'interviewer'],
    ]);
    expect(b.warnings).toContain(
      'Sam Candidate <sam@personal.example> was taken to be you (the only attendee from outside fabrikam.example); add your own addresses with `afterview config set me EMAIL`.',
    );
  });

  it("knows the user by the account's name, without a warning", () => {
    const b = parseIcs(fixture('capture/invite-seq0.ics'), { timeZone: 'UTC', ownName: 'Sam Candidate' });
    expect(b.contacts.map((c) => c.displayName)).not.toContain('Sam Candidate');
    expect(b.warnings.join('\n')).not.toMatch(/taken to be you/);
  });

  it('warns when it cannot tell which of several outside attendees is the user', () => {
    const text = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'UID:two-outsiders',
      'DTSTART:20261201T150000Z',
      'DTEND:20261201T160000Z',
      'SUMMARY:Technical interview',
      'ORGANIZER;CN=Lena Fischer:mailto:lena.fischer@fabrikam.example',
      'ATTENDEE;CN=Sam Candidate:mailto:sam@personal.example',
      'ATTENDEE;CN=Ravi Agent:mailto:ravi@agency.example',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const b = parseIcs(text, { timeZone: 'UTC' });
    expect(b.warnings.join('\n')).toMatch(
      /line 2: none of the attendees is known to be you \(sam@personal\.example, ravi@agency\.example are from outside fabrikam\.example\)/,
    );
  });
});
