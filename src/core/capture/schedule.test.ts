import { describe, expect, it } from 'vitest';
import { fixture } from '../../../test/capture-fixtures';
import type { CaptureBundle } from './bundle';
import { parseSchedule } from './schedule';

const options = { now: '2026-11-30T12:00:00Z', timeZone: 'America/New_York' };

const slots = (b: CaptureBundle) =>
  b.interviews.map((i) => ({
    start: i.start,
    end: i.end,
    zone: i.timeZone,
    round: i.round,
    people: i.participants.map((p) => {
      const c = b.contacts.find((x) => x.key === p.contactKey);
      return `${c?.displayName} (${c?.title}) ${p.role}`;
    }),
  }));

describe('parseSchedule on the shared Northwind schedule email', () => {
  const b = parseSchedule(fixture('schedule-email-northwind.txt'), options);

  it('reads one interview per slot on Tuesday 8 December, Pacific time, with names exactly as written', () => {
    const dana = 'Dana Whitfield (Recruiting Coordinator) coordinator';
    expect(slots(b)).toEqual([
      {
        start: '2026-12-08T18:00:00Z',
        end: '2026-12-08T18:45:00Z',
        zone: 'America/Los_Angeles',
        round: 'hiring manager',
        people: ['Priya Raman (Engineering Manager) interviewer', dana],
      },
      {
        start: '2026-12-08T19:00:00Z',
        end: '2026-12-08T20:00:00Z',
        zone: 'America/Los_Angeles',
        round: 'System Design',
        people: [
          "Siobhán O'Connell (Staff Engineer) interviewer",
          'Diego Fernández-Ortiz (Senior Engineer) interviewer',
          dana,
        ],
      },
      {
        start: '2026-12-08T21:00:00Z',
        end: '2026-12-08T21:45:00Z',
        zone: 'America/Los_Angeles',
        round: 'Interview',
        people: ['Wen-Li Zhang (Product Manager, Payments) interviewer', dana],
      },
      {
        start: '2026-12-08T21:45:00Z',
        end: '2026-12-08T22:00:00Z',
        zone: 'America/Los_Angeles',
        round: 'Wrap-up',
        people: [dana],
      },
    ]);
    expect(b.warnings).toEqual([]);
    expect(b.skipped).toEqual([
      {
        line: 9,
        reason:
          '"Lunch with Marcus Lee (Software Engineer II)" is a meal, not an interview: Marcus Lee kept in your people, with no debrief or thank-you asked for it',
      },
    ]);
    expect(b.contacts.find((c) => c.displayName === 'Marcus Lee')?.title).toBe('Software Engineer II');
  });

  it('takes the coordinator from the signature: name, email, phone and company', () => {
    expect(b.contacts[0]).toMatchObject({
      displayName: 'Dana Whitfield',
      title: 'Recruiting Coordinator',
      company: 'Northwind Labs',
      emails: ['dana.whitfield@northwind-labs.example'],
      phones: ['+14155550199'],
    });
    expect(b.opportunities).toMatchObject([
      {
        company: 'Northwind Labs',
        domains: ['northwind-labs.example'],
        recruiterKey: 'schedule:coordinator',
      },
    ]);
    expect(b.contacts.every((c) => c.company === 'Northwind Labs')).toBe(true);
  });

  it('rolls a date without a year into next year when it has passed', () => {
    const late = parseSchedule(fixture('schedule-email-northwind.txt'), {
      ...options,
      now: '2026-12-20T12:00:00Z',
    });
    expect(late.interviews[0]?.start).toBe('2027-12-08T18:00:00Z');
  });
});

describe('parseSchedule, other shapes', () => {
  const email = (dayLine: string) =>
    [
      `Your interviews are on ${dayLine}.`,
      '',
      '9:30 - 10:15am  Ana Lucía Gómez | Staff Engineer',
      '10:15 AM - 10:30 AM  Break',
      '10:30 AM - 11:30 AM  Jörg Müller and Aoife Ní Bhriain, Architects',
      '',
      'Thanks,',
      'Lena Fischer',
      'Talent Partner at Fabrikam',
      'lena.fischer@fabrikam.example | +49 30 901820',
    ].join('\n');

  it('reads a weekday without a date as the next such day after now, in the zone the text names', () => {
    // 2026-11-30 is a Monday; "Thursday" is 3 December. "ET" is US Eastern.
    const b = parseSchedule(email('Thursday (times in ET)'), options);
    expect(b.interviews.map((i) => [i.start, i.end, i.timeZone, i.round])).toEqual([
      ['2026-12-03T14:30:00Z', '2026-12-03T15:15:00Z', 'America/New_York', 'Interview'],
      ['2026-12-03T15:30:00Z', '2026-12-03T16:30:00Z', 'America/New_York', 'Panel interview'],
    ]);
    expect(b.skipped).toEqual([{ line: 4, reason: '"Break" is a break, not an interview' }]);
    expect(b.contacts.map((c) => [c.displayName, c.title])).toEqual([
      ['Lena Fischer', 'Talent Partner'],
      ['Ana Lucía Gómez', 'Staff Engineer'],
      ['Jörg Müller', null],
      ['Aoife Ní Bhriain', 'Architects'],
    ]);
    expect(b.contacts[0]).toMatchObject({
      company: 'Fabrikam',
      emails: ['lena.fischer@fabrikam.example'],
      phones: ['+4930901820'],
    });
  });

  it('a weekday that is today means next week', () => {
    const b = parseSchedule(email('Monday'), options);
    expect(b.interviews[0]?.start.slice(0, 10)).toBe('2026-12-07');
  });

  it('reads times in the user zone, with a warning, when the text names none', () => {
    const b = parseSchedule(email('Friday, December 4'), { ...options, timeZone: 'Europe/Berlin' });
    expect(b.interviews[0]?.start).toBe('2026-12-04T08:30:00Z');
    expect(b.warnings).toEqual([
      'The schedule names no time zone; its times were read in your zone (Europe/Berlin).',
    ]);
  });

  it('refuses text with no time slots', () => {
    expect(() => parseSchedule('Hi Alex,\n\nSee you soon!\n', options)).toThrow(
      expect.objectContaining({
        code: 'invalid-input',
        message: expect.stringMatching(/^No time slots found/),
      }),
    );
  });

  it('skips a slot that comes before any day', () => {
    const b = parseSchedule(
      '10:00 AM - 11:00 AM  Early Person\nTuesday, December 8\n11:00 AM - 12:00 PM  Later Person\n',
      options,
    );
    expect(b.skipped).toEqual([{ line: 1, reason: 'a time slot before any day was named' }]);
    expect(b.interviews).toHaveLength(1);
  });
});

/** Each slot as "round: Name [title] role, …" (the coordinator left out), for reading at a glance. */
const who = (b: CaptureBundle) =>
  b.interviews.map((i) => {
    const people = i.participants
      .filter((p) => p.role !== 'coordinator')
      .map((p) => {
        const c = b.contacts.find((x) => x.key === p.contactKey);
        return `${c?.displayName}${c?.title ? ` [${c.title}]` : ''}${p.role === 'interviewer' ? '' : ` (${p.role})`}`;
      });
    return `${i.round}: ${people.join(', ')}`;
  });

const NOT_PEOPLE =
  /^(?:panel|onsite|round \d|lunch|staff engineer|vp engineering|engineering manager|interview)/i;

describe('parseSchedule: labels and job titles are not people', () => {
  const day = 'Tuesday, December 8 (all times Pacific)\n';

  it.each([
    [
      'Panel: Priya Raman and Diego Fernández-Ortiz (Design)',
      'Panel (Design): Priya Raman, Diego Fernández-Ortiz',
    ],
    ['Onsite – Round 2: Wen-Li Zhang', 'Onsite – Round 2: Wen-Li Zhang'],
    ['Onsite – Round 2:', 'Onsite – Round 2: '],
    ['Marcus Lee / Staff Engineer', 'Interview: Marcus Lee [Staff Engineer]'],
    ['Jordan Bell (VP Engineering)', 'Interview: Jordan Bell [VP Engineering]'],
    ['Sam Ortiz — Staff Engineer', 'Interview: Sam Ortiz [Staff Engineer]'],
    ['Alex Chen, Engineering Manager', 'Interview: Alex Chen [Engineering Manager]'],
    ['Ana Gómez and Ben Ito', 'Panel interview: Ana Gómez, Ben Ito'],
    ['Ana Gómez & Ben Ito', 'Panel interview: Ana Gómez, Ben Ito'],
    ['Ana Gómez, Ben Ito and Cleo Park', 'Panel interview: Ana Gómez, Ben Ito, Cleo Park'],
    [
      'Technical Screen | Priya Raman, Engineering Manager',
      'Technical Screen: Priya Raman [Engineering Manager]',
    ],
    ['Hiring Manager Interview', 'Hiring Manager Interview: '],
  ])('"%s"', (slot, expected) => {
    const b = parseSchedule(`${day}10:00 AM - 10:45 AM  ${slot}\n`, options);
    expect(who(b)).toEqual([expected]);
    expect(b.contacts.filter((c) => NOT_PEOPLE.test(c.displayName ?? ''))).toEqual([]);
  });

  it.each([
    ['Lunch – Marcus Lee', 'a meal', 'Marcus Lee'],
    ['Team lunch with Marcus Lee, Staff Engineer', 'a meal', 'Marcus Lee'],
    ['Office tour with Ana Gómez', 'a visit', 'Ana Gómez'],
    ['Meet the team with Ana Gómez and Ben Ito', 'a visit', 'Ana Gómez, Ben Ito'],
    // the block's name before a colon or dash is a label, not a first person ("Meet", "Office")
    ['Meet the team: Ana Gómez and Ben Ito', 'a visit', 'Ana Gómez, Ben Ito'],
    ['Meet the team – Ana Gómez and Ben Ito', 'a visit', 'Ana Gómez, Ben Ito'],
    ['Office tour: Ana Gómez', 'a visit', 'Ana Gómez'],
    ['Team lunch: Ana Gómez, Ben Ito', 'a meal', 'Ana Gómez, Ben Ito'],
  ])('"%s" is not an interview: its people are kept, no debrief is asked', (slot, what, names) => {
    const b = parseSchedule(
      `${day}10:00 AM - 10:45 AM  Priya Raman\n12:00 PM - 12:45 PM  ${slot}\n`,
      options,
    );
    expect(who(b)).toEqual(['Interview: Priya Raman']);
    expect(b.skipped).toEqual([
      {
        line: 3,
        reason: `"${slot}" is ${what}, not an interview: ${names} kept in your people, with no debrief or thank-you asked for it`,
      },
    ]);
    for (const name of names.split(', ')) expect(b.contacts.map((c) => c.displayName)).toContain(name);
  });

  it.each([
    ['Monday, December 32', 'December 32'],
    ['Tuesday, February 30, 2027', 'February 30, 2027'],
    ['Date: 2026-12-40', '2026-12-40'],
    ['Date: 12/40/2026', '12/40/2026'],
    ['Thursday, 31 November', '31 November'],
  ])('refuses "%s" naming the line, instead of reading the slots on another day', (dayLine, bad) => {
    const text = `${day}10:00 AM - 10:45 AM  Priya Raman\n${dayLine}\n10:00 AM - 10:45 AM  Ben Ito\n`;
    expect(() => parseSchedule(text, options)).toThrow(`line 3: "${bad}" is not a real date.`);
  });

  it('still reads 29 February without a year, and 13/12/2026 read day first', () => {
    const b = parseSchedule('Date: 13/12/2026\n10:00 AM - 10:45 AM  Priya Raman\n', options);
    expect(b.interviews).toHaveLength(1);
    expect(() =>
      parseSchedule('Monday, February 29\n10:00 AM - 10:45 AM  Priya Raman\n', options),
    ).not.toThrow(/real date/);
  });

  it('skips a lunch with nobody named as a break', () => {
    const b = parseSchedule(`${day}10:00 AM - 11:00 AM  Priya Raman\n12:00 PM - 12:45 PM  Lunch\n`, options);
    expect(who(b)).toEqual(['Interview: Priya Raman']);
    expect(b.skipped).toEqual([{ line: 3, reason: '"Lunch" is a break, not an interview' }]);
  });
});

describe('parseSchedule on schedules as people paste them', () => {
  it('a Greenhouse-style itinerary: the round on the time line, "Interviewers:" under it', () => {
    const b = parseSchedule(fixture('schedule/greenhouse-itinerary.txt'), options);
    expect(who(b)).toEqual([
      'Hiring Manager Interview: Priya Raman [Engineering Manager]',
      "System Design: Siobhán O'Connell, Diego Fernández-Ortiz",
      'Product Conversation: Wen-Li Zhang [Product Manager]',
    ]);
    expect(b.interviews.map((i) => [i.start, i.timeZone, i.format])).toEqual([
      ['2026-12-08T18:00:00Z', 'America/Los_Angeles', 'onsite'],
      ['2026-12-08T19:00:00Z', 'America/Los_Angeles', 'onsite'],
      ['2026-12-08T21:00:00Z', 'America/Los_Angeles', 'onsite'],
    ]);
    expect(b.contacts[0]).toMatchObject({
      displayName: 'Dana Whitfield',
      title: 'Recruiting Coordinator',
      company: 'Northwind Labs',
      emails: ['dana.whitfield@northwind-labs.example'],
    });
    expect(b.skipped).toEqual([
      { line: 18, reason: '"Break" is a break, not an interview' },
      {
        line: 15,
        reason:
          '"Lunch with Marcus Lee" is a meal, not an interview: Marcus Lee kept in your people, with no debrief or thank-you asked for it',
      },
    ]);
    expect(b.contacts.map((c) => c.displayName)).toContain('Marcus Lee');
  });

  it('a Lever-style confirmation forwarded from Gmail: quoted lines, "|" columns, the sender in the header', () => {
    const b = parseSchedule(fixture('schedule/lever-forwarded-gmail.txt'), options);
    expect(who(b)).toEqual([
      'Technical Screen: Priya Raman [Engineering Manager]',
      "Panel (Platform): Siobhán O'Connell, Diego Fernández-Ortiz",
      'Interview: Jordan Bell [VP Engineering]',
      'Onsite – Round 2: Wen-Li Zhang [Staff Engineer]',
    ]);
    expect(b.interviews.map((i) => [i.start, i.timeZone, i.format, i.meetingUrl])).toEqual([
      ['2026-12-08T15:00:00Z', 'America/New_York', 'video', 'https://northwind.zoom.us/j/123456789'],
      ['2026-12-08T16:00:00Z', 'America/New_York', 'video', 'https://northwind.zoom.us/j/123456789'],
      ['2026-12-08T17:30:00Z', 'America/New_York', 'video', 'https://northwind.zoom.us/j/123456789'],
      ['2026-12-08T18:15:00Z', 'America/New_York', 'video', 'https://northwind.zoom.us/j/123456789'],
    ]);
    expect(b.contacts[0]).toMatchObject({
      displayName: 'Dana Whitfield',
      emails: ['dana.whitfield@northwind-labs.example'],
    });
    expect(b.skipped).toEqual([{ line: 14, reason: '"Lunch" is a break, not an interview' }]);
  });

  it('an agency email: slashes, dashes, brackets and a list of three on one line', () => {
    const b = parseSchedule(fixture('schedule/plain-agency.txt'), options);
    expect(who(b)).toEqual([
      'Interview: Lena Fischer [Staff Engineer]',
      'Panel (Data Platform): Jörg Müller, Aoife Ní Bhriain',
      'Interview: Tomás Ruiz [Engineering Manager]',
      'Panel interview: Ana Gómez, Ben Ito, Cleo Park',
      'Interview: Mark Evans [VP Engineering]',
    ]);
    expect(b.interviews[0]?.start).toBe('2026-12-11T08:00:00Z');
    expect(b.contacts[0]).toMatchObject({ displayName: 'Sofia Marin', company: 'Fabrikam' });
  });
});
