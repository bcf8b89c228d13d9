import { describe, expect, it } from 'vitest';
import { classifyInbound, parseDeliveryStatus } from './classify';

const facts = (over: Partial<Parameters<typeof classifyInbound>[0]>) => ({
  headers: {},
  from: 'dana@northwind.example',
  subject: 'Re: Thank you',
  deliveryStatus: null,
  ...over,
});

const DSN = `Reporting-MTA: dns; mx.northwind.example
Arrival-Date: Tue, 1 Dec 2026 17:00:00 +0000

Final-Recipient: rfc822; Priya@Northwind.example
Original-Recipient: rfc822;priya@northwind.example
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 <priya@northwind.example>: Recipient address
 rejected: User unknown

Final-Recipient: rfc822; dana@northwind.example
Action: delayed
Status: 4.4.1
`;

describe('classifyInbound', () => {
  it('counts a plain answer as a reply', () => {
    expect(classifyInbound(facts({}))).toEqual({ kind: 'reply' });
  });

  it('treats RFC 3834 Auto-Submitted (but not "no") as an automatic answer', () => {
    expect(classifyInbound(facts({ headers: { 'auto-submitted': 'auto-replied' } })).kind).toBe('auto-reply');
    expect(classifyInbound(facts({ headers: { 'auto-submitted': 'no' } })).kind).toBe('reply');
  });

  it('treats X-Autoreply and out-of-office subjects as automatic answers', () => {
    expect(classifyInbound(facts({ headers: { 'x-autoreply': 'yes' } })).kind).toBe('auto-reply');
    for (const subject of ['Out of Office: Re: Thank you', 'Automatic reply: Thank you', 'Abwesenheit'])
      expect(classifyInbound(facts({ subject })).kind).toBe('auto-reply');
  });

  it('reads the failed recipients of a DSN bounce, not the delayed ones', () => {
    const kind = classifyInbound(
      facts({
        from: 'mailer-daemon@mx.example',
        subject: 'Undelivered Mail Returned to Sender',
        headers: { 'content-type': 'multipart/report; report-type=delivery-status; boundary="x"' },
        deliveryStatus: DSN,
      }),
    );
    expect(kind).toEqual({
      kind: 'bounce',
      failedRecipients: ['priya@northwind.example'],
      reason: '550 5.1.1 <priya@northwind.example>: Recipient address rejected: User unknown',
    });
  });

  it('falls back to X-Failed-Recipients, and calls a delay-only report an automatic notice', () => {
    const bounce = classifyInbound(
      facts({
        from: 'MAILER-DAEMON@mx.example',
        subject: 'Mail delivery failed: returning message to sender',
        headers: { 'x-failed-recipients': 'gone@northwind.example' },
      }),
    );
    expect(bounce).toMatchObject({ kind: 'bounce', failedRecipients: ['gone@northwind.example'] });
    const delayed = classifyInbound(
      facts({ deliveryStatus: 'Final-Recipient: rfc822; a@b.example\nAction: delayed\nStatus: 4.4.1\n' }),
    );
    expect(delayed.kind).toBe('auto-reply');
  });
});

describe('parseDeliveryStatus', () => {
  it('unfolds continuation lines and lower-cases recipients', () => {
    const r = parseDeliveryStatus(DSN);
    expect(r.map((x) => [x.recipient, x.action, x.status])).toEqual([
      ['priya@northwind.example', 'failed', '5.1.1'],
      ['dana@northwind.example', 'delayed', '4.4.1'],
    ]);
  });
});
