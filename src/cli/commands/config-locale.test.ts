/** `afterview config set locale`: en-GB | en-US | default (follow the time zone). */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestCli, type TestCli } from '../../../test/cli';

let cli: TestCli;
afterEach(() => cli.cleanup());

describe('afterview config set locale', () => {
  it('follows the time zone until set, accepts en_gb as typed, and goes back with "default"', async () => {
    cli = createTestCli();
    await cli.run(['config', 'set', 'timezone', 'Europe/London']);
    expect((await cli.run(['config', 'show'])).stdout).toContain('locale      en-GB (from the time zone)');
    const set = await cli.run(['config', 'set', 'locale', 'en_us']);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('Locale set to en-US');
    expect((await cli.run(['config', 'show', '--json'])).json()).toMatchObject({
      locale: 'en-US',
      localeChosen: true,
    });
    expect((await cli.run(['config', 'set', 'locale', 'default'])).stdout).toContain(
      'follows your time zone: en-GB',
    );
    const bad = await cli.run(['config', 'set', 'locale', 'fr-FR']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('locale: "fr-FR" is not one of en-US, en-GB');
  });
});
