import { describe, expect, it } from 'vitest';
import { Temporal } from '../time';
import { afterAttempt, MAX_ATTEMPTS, nextAttemptAt } from './backoff';
import { composeBodies } from './body';
import { makeMessageId, normalizeMessageId, parseMessageIds } from './message-id';
import { classifySendFailure, describeMailError } from './smtp-outcome';

const now = Temporal.Instant.from('2026-12-01T17:00:00Z');

describe('nextAttemptAt', () => {
  it('waits 1 min, 5 min, 15 min, 1 h, 4 h, 12 h, then gives up', () => {
    const delays = [1, 2, 3, 4, 5, 6].map(
      (n) => (nextAttemptAt(now, n)?.epochMilliseconds ?? 0) - now.epochMilliseconds,
    );
    expect(delays.map((ms) => ms / 1000)).toEqual([60, 300, 900, 3600, 14400, 43200]);
    expect(nextAttemptAt(now, MAX_ATTEMPTS)).toBeNull();
    expect(nextAttemptAt(now, 1, 0.5)?.toString()).toBe('2026-12-01T17:01:03Z');
  });
});

describe('afterAttempt', () => {
  it('records a send, schedules a retry, gives up after the last, and never retries an uncertain one', () => {
    expect(afterAttempt({ outcome: 'sent', reason: null }, 1, now)).toEqual({
      status: 'sent',
      sent_at: '2026-12-01T17:00:00Z',
      lease_until: null,
      last_error: null,
      updated_at: '2026-12-01T17:00:00Z',
    });
    expect(afterAttempt({ outcome: 'temporary', reason: '421 busy' }, 2, now)).toMatchObject({
      status: 'scheduled',
      send_at: '2026-12-01T17:05:00Z',
      last_error: '421 busy',
    });
    expect(afterAttempt({ outcome: 'temporary', reason: '421 busy' }, MAX_ATTEMPTS, now)).toMatchObject({
      status: 'failed',
      last_error: `Gave up after ${MAX_ATTEMPTS} attempts: 421 busy`,
    });
    expect(afterAttempt({ outcome: 'permanent', reason: '550 no such user' }, 1, now)).toMatchObject({
      status: 'failed',
      last_error: '550 no such user',
    });
    const lost = afterAttempt({ outcome: 'uncertain', reason: 'connection lost after DATA' }, 1, now);
    expect(lost).toMatchObject({ status: 'uncertain', last_error: 'connection lost after DATA' });
    expect(lost).not.toHaveProperty('send_at');
  });
});

describe('makeMessageId', () => {
  it('builds <time.random@domain> from the given randomness and instant', () => {
    expect(
      makeMessageId({ random: '0123456789abcdef', at: '2026-12-01T17:00:00Z', domain: 'Mail.Example' }),
    ).toBe(`<${Date.parse('2026-12-01T17:00:00Z').toString(36)}.0123456789abcdef@mail.example>`);
  });
  it('refuses weak randomness and a bad domain', () => {
    expect(() => makeMessageId({ random: 'abc', at: '2026-12-01T17:00:00Z', domain: 'x.example' })).toThrow(
      /16/,
    );
    expect(() =>
      makeMessageId({ random: '0123456789abcdef', at: '2026-12-01T17:00:00Z', domain: 'a b' }),
    ).toThrow(/domain/);
  });
  it('parses References lists and normalises the domain case', () => {
    expect(parseMessageIds('<a.B@X.Example>\r\n <c@d.example>')).toEqual([
      '<a.B@x.example>',
      '<c@d.example>',
    ]);
    expect(parseMessageIds('bare@Host.example')).toEqual(['<bare@host.example>']);
    expect(normalizeMessageId('<Q@W.E>')).toBe('<Q@w.e>');
  });
});

describe('composeBodies', () => {
  it('adds the signature under "-- " and escapes the HTML alternative', () => {
    const b = composeBodies('Hi Dana,\n\nThanks <3 & more.\nBest', 'Léa Martin\n+1 555 0100');
    expect(b.text).toBe('Hi Dana,\n\nThanks <3 & more.\nBest\n\n-- \nLéa Martin\n+1 555 0100\n');
    expect(b.html).toContain('<p>Hi Dana,</p>\n<p>Thanks &lt;3 &amp; more.<br>\nBest</p>');
    expect(b.html).toContain('<p class="signature">-- <br>\nLéa Martin<br>\n+1 555 0100</p>');
  });
});

describe('classifySendFailure', () => {
  const server = 'smtp.example:587';
  it('retries 4xx, fails 5xx with the server reason', () => {
    expect(
      classifySendFailure({ message: 'x', responseCode: 451, response: '451 4.3.0 try later' }, true, server),
    ).toEqual({ outcome: 'temporary', reason: 'smtp.example:587 answered: 451 4.3.0 try later' });
    expect(
      classifySendFailure(
        { message: 'x', responseCode: 550, response: '550 5.1.1 no such user' },
        false,
        server,
      ),
    ).toEqual({ outcome: 'permanent', reason: 'smtp.example:587 answered: 550 5.1.1 no such user' });
  });
  it('never retries a message that was fully handed over before the connection dropped', () => {
    const drop = { message: 'Connection closed unexpectedly', code: 'ECONNECTION' };
    expect(classifySendFailure(drop, true, server).outcome).toBe('uncertain');
    expect(classifySendFailure(drop, false, server).outcome).toBe('temporary');
  });
});

describe('describeMailError', () => {
  const server = 'mail.example:465';
  it.each([
    [{ message: 'getaddrinfo ENOTFOUND mail.example', code: 'EDNS', originalCode: 'ENOTFOUND' }, /^DNS:/],
    [{ message: 'connect ECONNREFUSED 127.0.0.1:465', code: 'ESOCKET' }, /^Connection refused:/],
    [{ message: 'ssl3_get_record:wrong version number', code: 'ESOCKET' }, /^TLS:/],
    [
      { message: 'Invalid login', code: 'EAUTH', responseCode: 535, response: '535 5.7.8 bad' },
      /^Authentication:/,
    ],
    [
      { message: 'Can not send', responseCode: 554, response: '554 5.7.1 Relay access denied' },
      /^Relay refused:/,
    ],
    [{ message: 'Command failed', authenticationFailed: true }, /^Authentication:/],
  ])('%o', (err, expected) => {
    expect(describeMailError(err, server)).toMatch(expected);
  });
});
