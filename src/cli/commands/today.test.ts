/**
 * `afterview today` with nothing to do says what is true of this data: no opportunity yet (add
 * one), or opportunities but nothing planned (add the interview when one is booked).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCli } from '../../../test/cli';

const NOW = '2026-12-01T19:00:00Z';

describe('afterview today, nothing to do', () => {
  const cli = createTestCli();
  afterAll(() => cli.cleanup());

  it('asks for an opportunity only when there is none, and for an interview once there are some', async () => {
    const empty = await cli.run(['today'], { now: NOW });
    expect(empty.stdout.trim()).toBe(
      'Nothing to do. Add an opportunity to get started: afterview opportunity add --company NAME --role TITLE',
    );
    for (const company of ['Northwind Labs', 'Fabrikam']) {
      const added = await cli.run(['opportunity', 'add', '--company', company, '--role', 'Engineer'], {
        now: NOW,
      });
      expect(added.code).toBe(0);
    }
    const two = await cli.run(['today'], { now: NOW });
    expect(two.stdout).not.toMatch(/Add an opportunity/);
    expect(two.stdout.trim()).toBe(
      'Nothing to do. When an interview is booked, add it: afterview interview add --opportunity ID --start ISO --end ISO',
    );
  });
});
