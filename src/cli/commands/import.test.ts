import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  captureFixture,
  fixture,
  IMPOSSIBLE_DATE_INVITE,
  imageMagickSkipReason,
  pngChunk,
  pngWithHeader,
  renderCard,
  undecodablePng,
} from '../../../test/capture-fixtures';
import { createTestCli, type TestCli } from '../../../test/cli';
import type { CaptureBundle } from '../../core/capture/bundle';
import type { ImportResult } from '../../features/imports/import.service';
import type { CliIo } from '../io';
import { runCli } from '../program';

const NOW = '2026-11-30T12:00:00Z';

describe('afterview import', () => {
  let cli: TestCli;
  const file = (name: string, bytes: Buffer): string => {
    writeFileSync(join(cli.dataDir, name), bytes);
    return name;
  };
  beforeEach(async () => {
    cli = createTestCli();
    expect((await cli.run(['config', 'set', 'timezone', 'America/New_York'])).code).toBe(0);
    expect((await cli.run(['config', 'set', 'me', 'alex.kim.dev@mail.example'])).code).toBe(0);
  });
  afterEach(() => cli.cleanup());

  it('prints what an invite says and saves it (stdin is not a terminal: --yes implied)', async () => {
    const r = await cli.run(['import', file('loop.ics', fixture('calendar/google-onsite-loop.ics'))], {
      now: NOW,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('loop.ics: calendar invite\n');
    expect(r.stdout).toContain(
      'Opportunity: Northwind Labs (interviewing · northwind-labs.example)  [line 24]\n',
    );
    expect(r.stdout).toContain(
      'Interview: System Design, 2026-12-08 11:00–12:00 America/Los_Angeles @ Northwind Labs, 500 Howard St, San Francisco\n',
    );
    expect(r.stdout).toContain(
      "    interviewer Siobhán O'Connell <siobhan.oconnell@northwind-labs.example>\n",
    );
    expect(r.stdout).toContain(
      'Skipped line 24: SF-4-Golden Gate (8) is a room or resource, not a person.\n',
    );
    expect(r.stdout).toContain('Created 1 opportunity, 4 people, 2 interviews.\n');
    const people = await cli.run(['--json', 'people']);
    expect(
      people
        .json<{ people: Array<{ displayName: string }> }>()
        .people.map((p) => p.displayName)
        .sort(),
    ).toEqual(['Dana Whitfield', 'Diego Fernández-Ortiz', 'Priya Raman', "Siobhán O'Connell"]);
  });

  it('--dry-run shows what would be saved and saves nothing; --json gives the bundle and the result', async () => {
    const name = file('schedule.txt', fixture('schedule-email-northwind.txt'));
    const r = await cli.run(['--json', 'import', name, '--dry-run'], { now: NOW });
    expect(r.code).toBe(0);
    const out = r.json<{ kind: string; understood: CaptureBundle; result: ImportResult }>();
    expect(out.kind).toBe('schedule');
    expect(out.understood.interviews.map((i) => i.start)).toEqual([
      '2026-12-08T18:00:00Z',
      '2026-12-08T19:00:00Z',
      '2026-12-08T21:00:00Z',
      '2026-12-08T21:45:00Z',
    ]);
    expect(out.result.dryRun).toBe(true);
    expect(out.result.interviews.created).toHaveLength(4);
    expect((await cli.run(['--json', 'people'])).json<{ people: unknown[] }>().people).toEqual([]);
  });

  it('attaches to --opportunity and merges people across an invite, a vCard and a card-less schedule', async () => {
    const created = await cli.run([
      '--json',
      'opportunity',
      'add',
      '--company',
      'Northwind Labs',
      '--role',
      'Staff Engineer',
    ]);
    const oppId = created.json<{ id: string }>().id;
    expect(
      (
        await cli.run(
          ['import', file('s.txt', fixture('schedule-email-northwind.txt')), '--opportunity', oppId],
          { now: NOW },
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await cli.run(['import', file('loop.ics', fixture('calendar/google-onsite-loop.ics'))], {
          now: NOW,
        })
      ).code,
    ).toBe(0);
    const v = await cli.run(['import', file('p.vcf', fixture('vcard/apple-contacts-export.vcf'))], {
      now: NOW,
    });
    expect(v.stdout).toContain('Created 0 opportunities, 0 people, 0 interviews; merged 2 known people.\n');
    expect(v.stdout).toContain(
      '  Priya Raman: added phone +14155550123, link https://www.linkedin.com/in/priya-raman-example, notes\n',
    );
    const opps = (await cli.run(['--json', 'opportunities'])).json<{
      opportunities: Array<{ id: string }>;
    }>();
    expect(opps.opportunities.map((o) => o.id)).toEqual([oppId]);
  });

  it('reads a CSV and shows the guessed columns', async () => {
    const r = await cli.run(['import', file('teal.csv', captureFixture('teal-like.csv'))], { now: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Columns: company ← "Company", role ← "Job Position", stage ← "Status"');
    expect(r.stdout).toContain('Skipped line 3: Date Applied "13/45/2026" is not a date.\n');
    expect(r.stdout).toContain('Created 1 opportunity, 1 person, 0 interviews.\n');
  });

  it('says a CSV dry run into --opportunity puts every listed row into that one', async () => {
    const opp = await cli.run(['--json', 'opportunity', 'add', '--company', 'Acme', '--role', 'SRE']);
    const oppId = opp.json<{ id: string }>().id;
    const csv =
      'Company,Role,Applied\nAcme,SRE,2026-11-02\nBeta,Dev,2026-11-03\nGamma,Ops,2026-13-45\n"unterminated,quote,row\n';
    const r = await cli.run(
      ['import', file('three.csv', Buffer.from(csv)), '--opportunity', oppId, '--dry-run'],
      {
        now: NOW,
      },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Skipped line 4: Applied "2026-13-45" is not a date.\n');
    expect(r.stdout).toContain('Skipped line 5: A quote opened on this row is never closed');
    expect(r.stdout).not.toContain('Opportunity: Gamma');
    expect(r.stdout).not.toContain('unterminated');
    expect(r.stdout).toContain(
      'Would create 0 opportunities, 0 people, 0 interviews; matched 1 opportunity (the 2 listed above go into it).\n',
    );
  });

  it('takes column corrections with --map and refuses unknown fields', async () => {
    const name = file('huntr.csv', captureFixture('huntr-like.csv'));
    const r = await cli.run(
      ['--json', 'import', name, '--dry-run', '--map', 'role=Location', '--map', 'notes='],
      {
        now: NOW,
      },
    );
    expect(r.code).toBe(0);
    const out = r.json<{ understood: CaptureBundle; csv: { mapping: Record<string, string | null> } }>();
    expect(out.csv.mapping).toMatchObject({ role: 'Location', notes: null });
    expect(out.understood.opportunities.map((o) => o.role)).toEqual(['San Francisco', 'Boston']);
    const bad = await cli.run(['import', name, '--map', 'salary=Pay']);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'afterview: --map: "salary" is not a field; use one of company, role, stage, date, url, location, notes, contactName, contactTitle, contactEmail, contactPhone.\n',
    ]);
  });

  it('asks for the company column when it cannot be guessed, and imports once it is named', async () => {
    const name = file('firms.csv', Buffer.from('Firm,Position\nNorthwind Labs,Engineer\n'));
    const unmapped = await cli.run(['import', name], { now: NOW });
    expect([unmapped.code, unmapped.stderr]).toEqual([
      2,
      'afterview: No column holds the company (columns: Firm, Position); choose which one does. Say which with --map company=COLUMN.\n',
    ]);
    const mapped = await cli.run(['import', name, '--map', 'company=Firm'], { now: NOW });
    expect(mapped.code).toBe(0);
    expect(mapped.stdout).toContain('Created 1 opportunity, 0 people, 0 interviews.');
  });

  it('exits 2 with the line at fault for a broken file, and saves nothing', async () => {
    const r = await cli.run(['import', file('broken.ics', Buffer.from('\nnot a calendar\n'))], { now: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('afterview: broken.ics line 2: not a calendar file (no BEGIN:VCALENDAR).\n');
    const binary = await cli.run([
      'import',
      file('photo.vcf', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13])),
    ]);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(
      /^afterview: photo\.vcf line 1: the vCard file contains binary data, not text\.\n$/,
    );
    const impossible = await cli.run(
      ['import', file('invite.ics', Buffer.from(IMPOSSIBLE_DATE_INVITE)), '--yes'],
      {
        now: NOW,
      },
    );
    expect([impossible.code, impossible.stderr]).toEqual([
      2,
      'afterview: invite.ics line 7: DTSTART 20261240T100000Z is not a real date.\n',
    ]);
    const unknown = await cli.run(['import', file('notes.docx', Buffer.from('x'))]);
    expect(unknown.stderr).toMatch(/cannot import \.docx files/);
    const missing = await cli.run(['import', 'nope.ics']);
    expect([missing.code, missing.stderr]).toEqual([2, 'afterview: nope.ics: no such file.\n']);
    expect((await cli.run(['--json', 'people'])).json<{ people: unknown[] }>().people).toEqual([]);
  });

  it('says so when an invite is older than the one already saved, and changes nothing', async () => {
    const newer = await cli.run(['import', file('v1.ics', captureFixture('invite-seq1-moved.ics'))], {
      now: NOW,
    });
    expect(newer.code).toBe(0);
    const older = await cli.run(['import', file('v0.ics', captureFixture('invite-seq0.ics'))], { now: NOW });
    expect([older.code, older.stderr]).toEqual([0, '']);
    expect(older.stdout).toContain('1 interview already up to date');
    expect(older.stdout).toContain(
      'Warning: line 5: this invite for "Hiring manager interview (moved)" is an older version (SEQUENCE 0) than the one already saved (SEQUENCE 1); nothing was changed.\n',
    );
  });

  it('asks before saving in a terminal, and saves nothing on no', async () => {
    const name = file('loop.ics', fixture('calendar/google-onsite-loop.ics'));
    const questions: string[] = [];
    let stdout = '';
    const io: CliIo = {
      stdout: (t) => {
        stdout += t;
      },
      stderr: () => {},
      env: { TZ: 'UTC' },
      readStdin: async () => '',
      stdinIsTTY: async () => true,
      confirm: async (q) => {
        questions.push(q);
        return false;
      },
      cwd: cli.dataDir,
    };
    expect(await runCli(['--data', cli.dataDir, '--now', NOW, 'import', name], io)).toBe(0);
    expect(questions).toEqual(['Save this?']);
    expect(stdout).toMatch(/Nothing saved\.\n$/);
    expect(await runCli(['--data', cli.dataDir, '--now', NOW, 'import', name, '--yes'], io)).toBe(0);
    expect(questions).toHaveLength(1);
    expect(stdout).toContain('Created 1 opportunity, 4 people, 2 interviews.\n');
  });

  it('hands a .json backup to the backup import', async () => {
    await cli.run(['import', file('loop.ics', fixture('calendar/google-onsite-loop.ics'))], {
      now: NOW,
    });
    const exported = await cli.run(['export']);
    expect(exported.code).toBe(0);
    const other = createTestCli();
    try {
      writeFileSync(join(other.dataDir, 'backup.json'), exported.stdout);
      const r = await other.run(['import', 'backup.json']);
      expect([r.code, r.stderr]).toEqual([0, '']);
      expect(r.stdout).toContain('Imported 1 opportunity, 2 interviews, 4 people');
    } finally {
      other.cleanup();
    }
  });
});

describe('afterview import of hostile text', () => {
  let cli: TestCli;
  beforeEach(() => {
    cli = createTestCli();
  });
  afterEach(() => cli.cleanup());
  const ESC = '\u001b';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the tests look for control characters.
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('prints and stores no escape sequence from an invite, and keeps the people table one row per person', async () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:hostile-cli-1',
      'DTSTART:20261208T180000Z',
      'DTEND:20261208T190000Z',
      `SUMMARY:Onsite${ESC}]0;pwned${ESC}\\ ${ESC}[2J${ESC}[H${'x'.repeat(300_000)}`,
      'ORGANIZER;CN=Dana Whitfield:mailto:dana@northwind-labs.example',
      `ATTENDEE;CN="Mallory${ESC}c\u202E Key\u009b31m":mailto:mallory@northwind-labs.example`,
      `ATTENDEE;CN=${ESC}]8;;https://evil.example/${ESC}\\Priya Raman${ESC}]8;;${ESC}\\:mailto:priya@northwind-labs.example`,
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    writeFileSync(join(cli.dataDir, 'evil.ics'), ics);
    const r = await cli.run(['import', 'evil.ics'], { now: NOW });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain('Person: Mallory Key');
    expect(r.stdout).toContain('Person: Priya Raman');
    // The 300,000-character SUMMARY is cut, with a warning that does not repeat it.
    expect(r.stdout.length).toBeLessThan(5_000);
    expect(r.stdout).toMatch(
      /Warning: line 3: the round \(SUMMARY\) \("Onsite x+…"\) was 300,0\d\d characters long; only the first 200 were kept\./,
    );
    const people = await cli.run(['--json', 'people']);
    expect(
      people
        .json<{ people: Array<{ displayName: string }> }>()
        .people.map((p) => p.displayName)
        .sort(),
    ).toEqual(['Dana Whitfield', 'Mallory Key', 'Priya Raman']);
  });

  it('escapes control characters and line breaks that reach the output some other way', async () => {
    const add = await cli.run([
      'opportunity',
      'add',
      '--company',
      `Evil${ESC}[2J\r\nCorp\u202E`,
      '--role',
      'Engineer',
    ]);
    expect(add.code).toBe(0);
    expect(add.stdout).not.toContain(ESC);
    expect(add.stdout).not.toContain('\u202E');
    const list = await cli.run(['opportunities']);
    expect(list.stdout).not.toMatch(CONTROL);
    // A header row and one row for the opportunity: the CR LF inside the name does not break it.
    const rows = list.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Evil\\u001b[2J\\u000d\\u000aCorp\\u202e');
    const json = await cli.run(['--json', 'opportunities']);
    expect(json.stdout).not.toMatch(CONTROL);
    const parsed = json.json<{ opportunities: Array<{ company: string }> }>();
    expect(parsed.opportunities[0]?.company).toBe(`Evil${ESC}[2J\r\nCorp\u202E`);
  });
});

describe('the built afterview import on hostile images', () => {
  const root = join(import.meta.dirname, '..', '..', '..');
  const bin = join(root, 'bin', 'afterview.cjs');
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'afterview-built-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const importFile = (name: string, bytes: Buffer) => {
    writeFileSync(join(dir, name), bytes);
    return spawnSync(process.execPath, [bin, 'import', name, '--dry-run'], {
      cwd: dir,
      env: { ...process.env, AFTERVIEW_DATA: join(dir, 'data'), AFTERVIEW_NOW: NOW, AFTERVIEW_DEBUG: '' },
      encoding: 'utf8',
    });
  };

  it('exits 2 with one sentence, no stack trace, for the 45-byte PNG that claims a million pixels a side', () => {
    expect(existsSync(join(root, 'dist', 'cli', 'ocr-worker.js')), 'run `npm run build` first').toBe(true);
    const r = importFile('bomb.png', pngWithHeader(1_000_000, 1_000_000));
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      'afterview: The image is 1,000,000 × 1,000,000 pixels; a business card needs no more than about 12 megapixels (12,000 pixels a side). Crop or resize the photo and import it again.\n',
    );
  });

  it('exits 2 with a sentence for a truncated PNG, a truncated JPEG and a PNG the OCR engine cannot decode', () => {
    const png = pngWithHeader(100, 100, [pngChunk('IDAT', Buffer.alloc(50, 7)), pngChunk('IEND')]);
    const cutPng = importFile('cut.png', png.subarray(0, png.length - 20));
    expect([cutPng.status, cutPng.stderr]).toEqual([
      2,
      'afterview: The PNG file is cut short (truncated): it ends before its last chunk.\n',
    ]);
    const cutJpeg = importFile('cut.jpg', Buffer.from('ffd8ffe000104a4649460001010000010001', 'hex'));
    expect([cutJpeg.status, cutJpeg.stderr]).toEqual([
      2,
      'afterview: The JPEG file is cut short (truncated): it ends before its image data does.\n',
    ]);
    const noise = importFile('noise.png', undecodablePng());
    expect(noise.status).toBe(2);
    expect(noise.stderr).toMatch(/^afterview: The image could not be read: the OCR engine [^\n]*\.\n$/);
  }, 60_000);
});

const noImageMagick = imageMagickSkipReason();

describe.skipIf(noImageMagick !== null)(
  `afterview import card.png${noImageMagick ? ` (skipped: ${noImageMagick})` : ''}`,
  () => {
    let cli: TestCli;
    beforeEach(() => {
      cli = createTestCli();
    });
    afterEach(() => cli.cleanup());

    it('reads a business-card photo offline and saves the person', async () => {
      renderCard(
        join(cli.dataDir, 'card.png'),
        [
          ['Katherine McAllister-Brown', 40],
          ['Director, Data Platform', 30],
          ['Contoso Health', 30],
          ['kmcallisterbrown@contoso-health.example', 30],
          ['+1 (617) 555-0150', 30],
        ],
        1.5,
      );
      const r = await cli.run(['--json', 'import', 'card.png'], { now: NOW });
      expect([r.code, r.stderr]).toEqual([0, '']);
      const out = r.json<{ kind: string; result: ImportResult }>();
      expect(out.kind).toBe('card');
      expect(out.result.contacts.created).toHaveLength(1);
      const people = (await cli.run(['--json', 'people'])).json<{
        people: Array<{ emails: string[]; phones: string[] }>;
      }>();
      expect(people.people.map((p) => [p.emails, p.phones])).toEqual([
        [['kmcallisterbrown@contoso-health.example'], ['+16175550150']],
      ]);
    }, 60_000);
  },
);

describe('afterview people export', () => {
  let cli: TestCli;
  beforeEach(() => {
    cli = createTestCli();
  });
  afterEach(() => cli.cleanup());

  it('writes everyone, or one person, as vCards that import back', async () => {
    writeFileSync(join(cli.dataDir, 'in.vcf'), fixture('vcard/outlook-2.1-quoted-printable.vcf'));
    expect((await cli.run(['import', 'in.vcf'], { now: NOW })).code).toBe(0);
    const all = await cli.run(['people', 'export']);
    expect(all.code).toBe(0);
    expect(all.stdout.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(all.stdout).toContain('TITLE:Product Manager – Payments\r\n');
    const people = (await cli.run(['--json', 'people'])).json<{
      people: Array<{ id: string; displayName: string }>;
    }>();
    const diego = people.people.find((p) => p.displayName === 'Diego Fernández-Ortiz');
    const one = await cli.run(['people', 'export', '--contact', diego?.id ?? '', '--vcard-version', '3.0']);
    expect(one.stdout.match(/BEGIN:VCARD/g)).toHaveLength(1);
    expect(one.stdout).toContain('VERSION:3.0\r\n');
    // Round trip into a fresh data dir: the same people come back.
    const other = createTestCli();
    try {
      writeFileSync(join(other.dataDir, 'people.vcf'), all.stdout);
      expect((await other.run(['import', 'people.vcf'], { now: NOW })).code).toBe(0);
      const back = (await other.run(['--json', 'people'])).json<{ people: Array<Record<string, unknown>> }>();
      expect(back.people.map((p) => [p.displayName, p.title, p.company, p.emails, p.phones])).toEqual(
        people.people.map((p) => {
          const full = p as unknown as Record<string, unknown>;
          return [full.displayName, full.title, full.company, full.emails, full.phones];
        }),
      );
    } finally {
      other.cleanup();
    }
    const bad = await cli.run(['people', 'export', '--contact', 'nope']);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'afterview: contact: no person with an id starting "nope" (`afterview people` lists them).\n',
    ]);
  });
});
