import { describe, expect, it } from 'vitest';
import { buildMailto } from './mailto';

describe('buildMailto (RFC 6068)', () => {
  it('percent-encodes accents as UTF-8, spaces as %20 and line breaks as %0D%0A', () => {
    const url = buildMailto({
      to: ['zoe@northwind.example'],
      subject: 'Merci, Zoë — à bientôt',
      body: 'Bonjour Zoë,\n\nThank you & see you soon?\r\nLéa',
    });
    expect(url).toBe(
      'mailto:zoe@northwind.example?subject=Merci,%20Zo%C3%AB%20%E2%80%94%20%C3%A0%20bient%C3%B4t' +
        '&body=Bonjour%20Zo%C3%AB,%0D%0A%0D%0AThank%20you%20%26%20see%20you%20soon%3F%0D%0AL%C3%A9a',
    );
    // Decoding gives back exactly what was written, with CRLF line breaks.
    const body = new URL(url).searchParams.get('body');
    expect(body).toBe('Bonjour Zoë,\r\n\r\nThank you & see you soon?\r\nLéa');
  });

  it('keeps + in addresses but encodes it, =, # and % in values', () => {
    const url = buildMailto({ to: ['a+jobs@x.example', 'b@y.example'], subject: '1+1=2 #50%' });
    expect(url).toBe('mailto:a+jobs@x.example,b@y.example?subject=1%2B1%3D2%20%2350%25');
  });

  it('omits the query when there is no subject or body, and lists cc', () => {
    expect(buildMailto({ to: ['a@x.example'] })).toBe('mailto:a@x.example');
    expect(buildMailto({ to: ['a@x.example'], cc: ['c@x.example'] })).toBe(
      'mailto:a@x.example?cc=c@x.example',
    );
  });
});
