// The operator's way in, `npm run sign-in-link -- <email> [--name …]`, run as the compiled script it is: it
// registers the staff member when she is new, prints a one-time link to PUBLIC_BASE_URL that opens her session
// on the running engine, prints a fresh link for a known member, and refuses a disabled member or a bad address.
import type { StaffMemberDto } from '../support/api-types';
import { compileEngine, type CompiledEngine } from '../support/compiled';
import { linkIn, openSession, tokenOf } from '../support/sessions';
import { startTestEngine, type TestEngine } from '../support/stack';
import { expectError, expectOk } from './e2e-helpers';

jest.setTimeout(180_000);

describe('npm run sign-in-link', () => {
  let t: TestEngine;
  let compiled: CompiledEngine;
  beforeAll(async () => {
    [t, compiled] = await Promise.all([startTestEngine(), compileEngine()]);
  });
  afterAll(async () => {
    compiled?.remove();
    await t?.stop();
  });

  const signInLink = async (...args: string[]) => {
    const cli = compiled.run('apps/api/src/create-sign-in-link.js', { DATABASE_URL: t.db.url, PUBLIC_BASE_URL: t.engine.apiUrl, LOG_LEVEL: 'error' }, args);
    return { code: await cli.exited, output: cli.output() };
  };

  it('registers a new staff member and prints a link that signs her in once', async () => {
    const first = await signInLink('Zoe@Incubator.example', '--name', 'Zoe Wu');
    expect(first.code).toBe(0);
    expect(first.output).toContain('Registered staff member');
    const members = expectOk(await t.http<StaffMemberDto[]>('GET', '/staff-members'));
    const zoe = members.find((m) => m.email === 'zoe@incubator.example');
    expect(zoe).toMatchObject({ name: 'Zoe Wu', status: 'active' });
    const link = linkIn(first.output, '/app/sign-in');
    expect(link.startsWith(`${t.engine.apiUrl}/app/sign-in#token=`)).toBe(true);
    const s = await openSession(t.engine.apiUrl, tokenOf(link));
    expect(s.session).toMatchObject({ role: 'staff', staffMemberId: zoe!.id, name: 'Zoe Wu' });
    expectError(await t.http('POST', '/auth/sessions', { key: null, body: { token: tokenOf(link) } }), 401, { message: 'used already' });

    // Known already: a fresh link, nobody registered twice.
    const again = await signInLink('zoe@incubator.example');
    expect(again.code).toBe(0);
    expect(again.output).not.toContain('Registered');
    expect(tokenOf(linkIn(again.output, '/app/sign-in'))).not.toBe(tokenOf(link));
    expect(expectOk(await t.http<StaffMemberDto[]>('GET', '/staff-members')).filter((m) => m.email === 'zoe@incubator.example')).toHaveLength(1);

    // Disabled: refused, with what to do.
    expectOk(await t.http('POST', `/staff-members/${zoe!.id}/disable`, { body: {} }));
    const refused = await signInLink('zoe@incubator.example');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('is disabled');
    expect(refused.output).not.toContain('#token=');
  });

  it('refuses a missing or malformed address with its usage', async () => {
    for (const args of [[], ['not-an-email'], ['a@b.example', 'extra']]) {
      const run = await signInLink(...args);
      expect({ args, code: run.code }).toEqual({ args, code: 1 });
      expect(run.output).toContain('usage: npm run sign-in-link');
    }
  });
});
