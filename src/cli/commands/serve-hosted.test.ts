import { describe, expect, it } from 'vitest';
import { readHostedConfig, wantsHosted } from './serve-hosted';

const SECRET = 'a-secret-of-at-least-32-characters!!';

describe('serve --hosted settings', () => {
  it('is asked for by the flag or AFTERVIEW_MODE=hosted, and refuses an unknown mode', () => {
    expect(wantsHosted(undefined, {})).toBe(false);
    expect(wantsHosted(true, {})).toBe(true);
    expect(wantsHosted(undefined, { AFTERVIEW_MODE: 'hosted' })).toBe(true);
    expect(wantsHosted(undefined, { AFTERVIEW_MODE: 'local' })).toBe(false);
    expect(() => wantsHosted(undefined, { AFTERVIEW_MODE: 'cloud' })).toThrow(
      /AFTERVIEW_MODE: "cloud" is neither local nor hosted/,
    );
  });

  it('names the variable that is missing or wrong', () => {
    expect(() => readHostedConfig({ AFTERVIEW_AUTH_SECRET: SECRET })).toThrow(
      /^AFTERVIEW_PUBLIC_URL: hosted mode needs/,
    );
    expect(() =>
      readHostedConfig({ AFTERVIEW_PUBLIC_URL: 'afterview', AFTERVIEW_AUTH_SECRET: SECRET }),
    ).toThrow(/AFTERVIEW_PUBLIC_URL: "afterview" is not a URL/);
    expect(() =>
      readHostedConfig({ AFTERVIEW_PUBLIC_URL: 'ftp://x.example', AFTERVIEW_AUTH_SECRET: SECRET }),
    ).toThrow(/use an https:\/\/ address/);
    expect(() =>
      readHostedConfig({ AFTERVIEW_PUBLIC_URL: 'https://x.example', AFTERVIEW_AUTH_SECRET: 'short' }),
    ).toThrow(/AFTERVIEW_AUTH_SECRET: .* at least 32 characters/);
  });

  it('reads a complete configuration, with a sender on the public host by default', () => {
    const config = readHostedConfig({
      AFTERVIEW_PUBLIC_URL: 'https://afterview.example.org/',
      AFTERVIEW_AUTH_SECRET: SECRET,
      AFTERVIEW_TRUSTED_PROXY: '10.0.0.0/24',
    });
    expect(config).toEqual({
      publicUrl: 'https://afterview.example.org',
      secret: SECRET,
      systemSmtpUrl: undefined,
      mailFrom: 'Afterview <no-reply@afterview.example.org>',
      trustedProxy: '10.0.0.0/24',
    });
  });
});
