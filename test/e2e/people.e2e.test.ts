// Staff members and influencers' contact details, end to end over HTTP against the real stack: emails stored
// normalised and unique among staff whatever their case, IANA time zones, the webhook channel only with a URL
// the outbound guard accepts (checked before it is stored; its secret sealed and shown once), a disabled
// member's keys refused until she is enabled, and an influencer changing her own contact details only.
import { staffMemberWebhookSecretContext, influencerContactWebhookSecretContext, SecretBox } from '../../libs/webhooks';
import type { ApiKeyDto, ContactDto, InfluencerDto, IssuedApiKeyDto, IssuedContactDto, IssuedInfluencerDto, IssuedStaffMemberDto, StaffMemberDto } from '../support/api-types';
import { castInfluencer, type Cast } from '../support/product-flow';
import { startTestEngine, type TestEngine } from '../support/stack';
import { expectError, expectOk, recordAttacks } from './e2e-helpers';

const WHSEC = /^whsec_[A-Za-z0-9+/]{43}=$/;
/** A loopback receiver's URL: the test engine allows 127.0.0.0/8 (nothing listens there; nothing is sent). */
const LOOPBACK_HOOK = 'http://127.0.0.1:9/hooks/anna?token=abc123secretpath';
/** A private address the guard refuses before any connection (the engine allows loopback only). */
const PRIVATE_HOOK = 'http://10.1.2.3/hook';

describe('staff members and contact details', () => {
  const access = recordAttacks('people routes: wrong role, another influencer\'s contact, a disabled member\'s key');
  const secrets = recordAttacks('contact webhook secrets shown again after they were issued');
  let t: TestEngine;
  let box: SecretBox;
  let mia: Cast;
  let leo: Cast;

  beforeAll(async () => {
    t = await startTestEngine();
    box = new SecretBox(Buffer.from(t.config.secretsKey!, 'base64'));
    mia = await castInfluencer(t, 'mia');
    leo = await castInfluencer(t, 'leo');
  });
  afterAll(() => t?.stop());

  const createMember = (body: Record<string, unknown>) => t.http<IssuedStaffMemberDto>('POST', '/staff-members', { body });
  const memberRow = async (id: string) =>
    (await t.db.dataSource.query<Record<string, string | null>[]>(`SELECT * FROM staff_members WHERE id = $1`, [id]))[0];
  const influencerRow = async (id: string) =>
    (await t.db.dataSource.query<Record<string, string | null>[]>(`SELECT * FROM influencers WHERE id = $1`, [id]))[0];
  /** Every later answer about a person: never the secret, in any field. */
  const neverShown = (secret: string, ...answers: { text?: string; body: unknown }[]) => {
    const found = answers.filter((a) => JSON.stringify(a.body).includes(secret.slice(6))).map((a) => JSON.stringify(a.body).slice(0, 200));
    secrets.leaked(found);
  };

  describe('staff members', () => {
    it('registers a member with her email normalised and defaults for what she leaves out', async () => {
      const created = expectOk(await createMember({ name: 'Anna Li', email: '  Anna.Li@Incubator.Example ' }), 201);
      expect(created).toEqual({
        id: expect.stringMatching(/^stf-[a-z0-9]{12}$/) as unknown,
        name: 'Anna Li',
        email: 'anna.li@incubator.example',
        preferredChannel: 'email',
        webhookUrl: null,
        language: 'en',
        timeZone: 'UTC',
        notificationMode: 'each',
        status: 'active',
        createdAt: expect.any(String) as unknown,
        updatedAt: expect.any(String) as unknown,
        disabledAt: null,
      });
      expect(expectOk(await t.http<StaffMemberDto>('GET', `/staff-members/${created.id}`))).toEqual(created);
      expect(expectOk(await t.http<StaffMemberDto[]>('GET', '/staff-members')).map((m) => m.id)).toContain(created.id);
      expect(await memberRow(created.id)).toMatchObject({ email: 'anna.li@incubator.example', webhook_url: null, webhook_secret_sealed: null });
    });

    it('shows a webhook\'s signing secret once, stores it only sealed, and shows the URL as scheme and host', async () => {
      const created = expectOk(
        await createMember({ name: 'Bo Chen', email: 'bo@incubator.example', preferredChannel: 'webhook', webhookUrl: LOOPBACK_HOOK, language: 'zh-CN', timeZone: 'asia/shanghai' }),
        201,
      );
      expect(created).toMatchObject({ preferredChannel: 'webhook', webhookUrl: 'http://127.0.0.1:9/…', language: 'zh-CN', timeZone: 'Asia/Shanghai' });
      expect(created.webhookSecret).toMatch(WHSEC);
      const row = await memberRow(created.id);
      expect(row.webhook_url).toBe(LOOPBACK_HOOK);
      expect(row.webhook_secret_sealed).toMatch(/^v1\./);
      expect(JSON.stringify(row)).not.toContain(created.webhookSecret!.slice(6));
      expect(box.open(row.webhook_secret_sealed!, staffMemberWebhookSecretContext(created.id))).toBe(created.webhookSecret);

      const one = await t.http<StaffMemberDto>('GET', `/staff-members/${created.id}`);
      const all = await t.http<StaffMemberDto[]>('GET', '/staff-members');
      const renamed = await t.http<IssuedStaffMemberDto>('PATCH', `/staff-members/${created.id}`, { body: { name: 'Bo Chen (ops)' } });
      expect(Object.keys(expectOk(one)).sort()).toEqual(['createdAt', 'disabledAt', 'email', 'id', 'language', 'name', 'notificationMode', 'preferredChannel', 'status', 'timeZone', 'updatedAt', 'webhookUrl']);
      expect(expectOk(renamed)).not.toHaveProperty('webhookSecret');
      neverShown(created.webhookSecret!, one, all, renamed);
      expect(JSON.stringify([one.body, all.body, renamed.body])).not.toContain('abc123secretpath');
    });

    it('refuses a bad email, an unknown time zone, a language it does not write, and unknown fields, naming the field', async () => {
      expectError(await createMember({ name: 'X', email: 'not-an-email' }), 422, { fields: ['email'], message: 'email must be an email address' });
      expectError(await createMember({ name: 'X', email: 'x@@example.com' }), 422, { fields: ['email'] });
      expectError(await createMember({ name: 'X' }), 422, { fields: ['email'] });
      expectError(await createMember({ name: 'X', email: 'x@example.com', timeZone: 'Mars/Olympus_Mons' }), 422, { fields: ['timeZone'], message: '"Mars/Olympus_Mons" is not an IANA time zone' });
      expectError(await createMember({ name: 'X', email: 'x@example.com', timeZone: '+08:00' }), 422, { fields: ['timeZone'] });
      expectError(await createMember({ name: 'X', email: 'x@example.com', language: 'fr' }), 422, { fields: ['language'] });
      expectError(await createMember({ name: 'X', email: 'x@example.com', preferredChannel: 'sms' }), 422, { fields: ['preferredChannel'] });
      expectError(await createMember({ name: '', email: 'x@example.com' }), 422, { fields: ['name'] });
      expectError(await createMember({ name: 'X', email: 'x@example.com', role: 'admin' }), 422, { fields: ['role'] });
      // Nothing was stored by any of them.
      expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM staff_members WHERE email = 'x@example.com'`)).toEqual([{ n: 0 }]);
    });

    it('refuses the webhook channel without a URL, and a URL the engine must not reach before storing it', async () => {
      expectError(await createMember({ name: 'X', email: 'x@example.com', preferredChannel: 'webhook' }), 422, { fields: ['webhookUrl'], message: 'the webhook channel needs webhookUrl' });
      expectError(await createMember({ name: 'X', email: 'x@example.com', preferredChannel: 'webhook', webhookUrl: PRIVATE_HOOK }), 422, {
        fields: ['webhookUrl'],
        message: 'cannot deliver to http://10.1.2.3/…: 10.1.2.3 is a private address',
      });
      expectError(await createMember({ name: 'X', email: 'x@example.com', webhookUrl: 'ftp://hooks.example.com/x' }), 422, { fields: ['webhookUrl'], message: 'webhookUrl must be an http(s) URL' });
      expectError(await createMember({ name: 'X', email: 'x@example.com', webhookUrl: 'https://' }), 422, { fields: ['webhookUrl'] });
      expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM staff_members WHERE email = 'x@example.com'`)).toEqual([{ n: 0 }]);
    });

    it('answers 409 for an email another member has, in any case, at registration and at a change', async () => {
      const cleo = expectOk(await createMember({ name: 'Cleo', email: 'cleo@incubator.example' }), 201);
      const dan = expectOk(await createMember({ name: 'Dan', email: 'dan@incubator.example' }), 201);
      expectError(await createMember({ name: 'Cleo again', email: ' CLEO@incubator.example' }), 409, { code: 'ALREADY_EXISTS', message: 'a staff member with email cleo@incubator.example already exists' });
      expectError(await t.http('PATCH', `/staff-members/${dan.id}`, { body: { email: 'Cleo@Incubator.example' } }), 409, { code: 'ALREADY_EXISTS' });
      expect(expectOk(await t.http<StaffMemberDto>('GET', `/staff-members/${dan.id}`)).email).toBe('dan@incubator.example');
      // Her own address in another case is hers: stored normalised, no conflict.
      expect(expectOk(await t.http<StaffMemberDto>('PATCH', `/staff-members/${cleo.id}`, { body: { email: 'CLEO@incubator.example' } })).email).toBe('cleo@incubator.example');
    });

    it('changes the fields given and keeps the others; a new webhook URL comes with a new secret, removing it removes the secret', async () => {
      const eve = expectOk(await createMember({ name: 'Eve', email: 'eve@incubator.example' }), 201);
      const changed = expectOk(await t.http<IssuedStaffMemberDto>('PATCH', `/staff-members/${eve.id}`, { body: { language: 'zh-CN', timeZone: 'europe/paris' } }));
      expect(changed).toMatchObject({ name: 'Eve', email: 'eve@incubator.example', preferredChannel: 'email', language: 'zh-CN', timeZone: 'Europe/Paris' });
      expect(Date.parse(changed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(eve.updatedAt));

      expectError(await t.http('PATCH', `/staff-members/${eve.id}`, { body: { preferredChannel: 'webhook' } }), 422, { fields: ['webhookUrl'] });
      expectError(await t.http('PATCH', `/staff-members/${eve.id}`, { body: { preferredChannel: 'webhook', webhookUrl: PRIVATE_HOOK } }), 422, { fields: ['webhookUrl'], message: 'cannot deliver to' });
      const onWebhook = expectOk(await t.http<IssuedStaffMemberDto>('PATCH', `/staff-members/${eve.id}`, { body: { preferredChannel: 'webhook', webhookUrl: LOOPBACK_HOOK } }));
      expect(onWebhook.webhookSecret).toMatch(WHSEC);
      const again = expectOk(await t.http<IssuedStaffMemberDto>('PATCH', `/staff-members/${eve.id}`, { body: { webhookUrl: LOOPBACK_HOOK } }));
      expect(again.webhookSecret).toMatch(WHSEC);
      expect(again.webhookSecret).not.toBe(onWebhook.webhookSecret);
      expect(box.open((await memberRow(eve.id)).webhook_secret_sealed!, staffMemberWebhookSecretContext(eve.id))).toBe(again.webhookSecret);

      expectError(await t.http('PATCH', `/staff-members/${eve.id}`, { body: { webhookUrl: null } }), 422, { fields: ['webhookUrl'], message: 'the webhook channel needs webhookUrl' });
      expectError(await t.http('PATCH', `/staff-members/${eve.id}`, { body: { email: null } }), 422, { fields: ['email'], message: 'email is required' });
      expectError(await t.http('PATCH', `/staff-members/${eve.id}`, { body: { preferredChannel: null } }), 422, { fields: ['preferredChannel'] });
      expectError(await t.http('PATCH', `/staff-members/${eve.id}`, { body: { timeZone: 'Nowhere/Else' } }), 422, { fields: ['timeZone'] });
      const back = expectOk(await t.http<IssuedStaffMemberDto>('PATCH', `/staff-members/${eve.id}`, { body: { preferredChannel: 'email', webhookUrl: null } }));
      expect(back).toMatchObject({ preferredChannel: 'email', webhookUrl: null, language: 'zh-CN', timeZone: 'Europe/Paris' });
      expect(await memberRow(eve.id)).toMatchObject({ webhook_url: null, webhook_secret_sealed: null });
    });

    it('answers 404 for a member that does not exist, and lets only staff manage members', async () => {
      for (const [method, path] of [['GET', '/staff-members/stf-nobody00000'], ['PATCH', '/staff-members/stf-nobody00000'], ['POST', '/staff-members/stf-nobody00000/disable'], ['GET', '/staff-members/..%2F..']]) {
        expectError(await t.http(method, path, method === 'PATCH' ? { body: { name: 'x' } } : {}), 404, { code: 'NOT_FOUND' });
      }
      access.refused(await t.http('GET', '/staff-members', { key: mia.influencerKey }), [403]);
      access.refused(await t.http('POST', '/staff-members', { key: mia.influencerKey, body: { name: 'X', email: 'y@example.com' } }), [403]);
      access.refused(await t.http('POST', '/staff-members/stf-nobody00000/disable', { key: leo.influencerKey }), [403]);
      access.refused(await t.http('GET', '/staff-members', { key: null }), [401]);
    });
  });

  describe('staff members\' keys', () => {
    it('issues a staff key for a member, lists it with her, and refuses it while she is disabled', async () => {
      const fay = expectOk(await createMember({ name: 'Fay', email: 'fay@incubator.example' }), 201);
      const issued = expectOk(await t.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'staff', label: 'Fay laptop', staffMemberId: fay.id } }), 201);
      expect(issued).toMatchObject({ role: 'staff', staffMemberId: fay.id, influencerId: null });
      expect(expectOk(await t.http<ApiKeyDto[]>('GET', '/api-keys')).find((k) => k.id === issued.id)).toMatchObject({ staffMemberId: fay.id });
      expectOk(await t.http('GET', '/products', { key: issued.key }));

      const disabled = expectOk(await t.http<StaffMemberDto>('POST', `/staff-members/${fay.id}/disable`));
      expect(disabled).toMatchObject({ status: 'disabled', disabledAt: expect.any(String) as unknown });
      access.refused(await t.http('GET', '/products', { key: issued.key }), [401], { message: 'belongs to a disabled staff member' });
      // Disabling again changes nothing; the other staff keys still work; her key is not revoked.
      expect(expectOk(await t.http<StaffMemberDto>('POST', `/staff-members/${fay.id}/disable`)).disabledAt).toBe(disabled.disabledAt);
      expect(expectOk(await t.http<ApiKeyDto[]>('GET', '/api-keys')).find((k) => k.id === issued.id)).toMatchObject({ revokedAt: null });
      expectError(await t.http('POST', '/api-keys', { body: { role: 'staff', label: 'Fay phone', staffMemberId: fay.id } }), 422, { message: `staff member ${fay.id} is disabled` });

      expect(expectOk(await t.http<StaffMemberDto>('POST', `/staff-members/${fay.id}/enable`))).toMatchObject({ status: 'active', disabledAt: null });
      expectOk(await t.http('GET', '/products', { key: issued.key }));
    });

    it('refuses a staff member on an influencer key, and a member that does not exist', async () => {
      const gus = expectOk(await createMember({ name: 'Gus', email: 'gus@incubator.example' }), 201);
      expectError(await t.http('POST', '/api-keys', { body: { role: 'influencer', influencerId: mia.influencerId, staffMemberId: gus.id, label: 'x' } }), 422, { message: 'leave staffMemberId out' });
      expectError(await t.http('POST', '/api-keys', { body: { role: 'staff', staffMemberId: 'stf-nobody00000', label: 'x' } }), 422, { message: 'staff member stf-nobody00000 does not exist' });
    });
  });

  describe('influencers\' contact details', () => {
    it('takes contact details at registration, shows a webhook\'s secret once and stores it sealed', async () => {
      const created = expectOk(
        await t.http<IssuedInfluencerDto>('POST', '/influencers', {
          body: { handle: 'ivy', displayName: 'Ivy', contact: { email: ' Ivy@Studio.Example', preferredChannel: 'webhook', webhookUrl: LOOPBACK_HOOK, language: 'zh-CN', timeZone: 'Asia/Shanghai' } },
        }),
        201,
      );
      expect(created.contact).toEqual({ email: 'ivy@studio.example', preferredChannel: 'webhook', webhookUrl: 'http://127.0.0.1:9/…', language: 'zh-CN', timeZone: 'Asia/Shanghai', notificationMode: 'each' });
      expect(created.webhookSecret).toMatch(WHSEC);
      const row = await influencerRow(created.id);
      expect(row).toMatchObject({ email: 'ivy@studio.example', webhook_url: LOOPBACK_HOOK });
      expect(JSON.stringify(row)).not.toContain(created.webhookSecret!.slice(6));
      expect(box.open(row.webhook_secret_sealed!, influencerContactWebhookSecretContext(created.id))).toBe(created.webhookSecret);
      const one = await t.http<InfluencerDto>('GET', `/influencers/${created.id}`);
      expect(expectOk(one).contact).toEqual(created.contact);
      neverShown(created.webhookSecret!, one, await t.http('GET', '/influencers'));
    });

    it('gives an influencer registered without contact details the defaults, and refuses bad ones naming the field', async () => {
      const plain = expectOk(await t.http<IssuedInfluencerDto>('POST', '/influencers', { body: { handle: 'jo', displayName: 'Jo' } }), 201);
      expect(plain.contact).toEqual({ email: null, preferredChannel: 'email', webhookUrl: null, language: 'en', timeZone: 'UTC', notificationMode: 'each' });
      expect(plain).not.toHaveProperty('webhookSecret');
      expectError(await t.http('POST', '/influencers', { body: { handle: 'kai', displayName: 'Kai', contact: { email: 'kai' } } }), 422, { fields: ['contact.email'] });
      expectError(await t.http('POST', '/influencers', { body: { handle: 'kai', displayName: 'Kai', contact: { preferredChannel: 'webhook' } } }), 422, { fields: ['webhookUrl'] });
      expectError(await t.http('POST', '/influencers', { body: { handle: 'kai', displayName: 'Kai', contact: { webhookUrl: PRIVATE_HOOK } } }), 422, { fields: ['webhookUrl'], message: 'cannot deliver to' });
      expectError(await t.http('POST', '/influencers', { body: { handle: 'kai', displayName: 'Kai', contact: { timeZone: 'GMT+8' } } }), 422, { fields: ['timeZone'] });
      expectError(await t.http('POST', '/influencers', { body: { handle: 'kai', displayName: 'Kai', contact: 'kai@example.com' } }), 422, { fields: ['contact'] });
      expect(await t.db.dataSource.query(`SELECT count(*)::int AS n FROM influencers WHERE handle = 'kai'`)).toEqual([{ n: 0 }]);
    });

    it('lets staff change an influencer\'s contact details, removing her email too', async () => {
      const path = `/influencers/${leo.influencerId}/contact`;
      expect(expectOk(await t.http<IssuedContactDto>('PATCH', path, { body: { email: 'Leo@Studio.example', timeZone: 'america/new_york' } }))).toEqual({
        email: 'leo@studio.example',
        preferredChannel: 'email',
        webhookUrl: null,
        language: 'en',
        timeZone: 'America/New_York',
        notificationMode: 'each',
      });
      expect(expectOk(await t.http<IssuedContactDto>('PATCH', path, { body: { email: null } })).email).toBeNull();
      expectError(await t.http('PATCH', path, { body: { preferredChannel: 'webhook' } }), 422, { fields: ['webhookUrl'] });
      expectError(await t.http('PATCH', '/influencers/inf-nobody00000/contact', { body: { language: 'en' } }), 404, { code: 'NOT_FOUND' });
    });

    it('lets an influencer read and change her own contact details through her key, never another\'s', async () => {
      const before = expectOk(await t.http<ContactDto>('GET', '/influencers/me/contact', { key: mia.influencerKey }));
      expect(before).toEqual({ email: null, preferredChannel: 'email', webhookUrl: null, language: 'en', timeZone: 'UTC', notificationMode: 'each' });
      const leosBefore = expectOk(await t.http<InfluencerDto>('GET', `/influencers/${leo.influencerId}`)).contact;

      const mine = expectOk(
        await t.http<IssuedContactDto>('PATCH', '/influencers/me/contact', {
          key: mia.influencerKey,
          body: { email: 'MIA@studio.example', preferredChannel: 'webhook', webhookUrl: LOOPBACK_HOOK, language: 'zh-CN', timeZone: 'Asia/Shanghai' },
        }),
      );
      expect(mine).toMatchObject({ email: 'mia@studio.example', preferredChannel: 'webhook', webhookUrl: 'http://127.0.0.1:9/…', language: 'zh-CN', timeZone: 'Asia/Shanghai' });
      expect(mine.webhookSecret).toMatch(WHSEC);
      expect(box.open((await influencerRow(mia.influencerId)).webhook_secret_sealed!, influencerContactWebhookSecretContext(mia.influencerId))).toBe(mine.webhookSecret);
      const read = await t.http<ContactDto>('GET', '/influencers/me/contact', { key: mia.influencerKey });
      expect(expectOk(read)).toEqual({ email: 'mia@studio.example', preferredChannel: 'webhook', webhookUrl: 'http://127.0.0.1:9/…', language: 'zh-CN', timeZone: 'Asia/Shanghai', notificationMode: 'each' });
      neverShown(mine.webhookSecret!, read, await t.http('GET', `/influencers/${mia.influencerId}`));
      expectError(await t.http('PATCH', '/influencers/me/contact', { key: mia.influencerKey, body: { webhookUrl: PRIVATE_HOOK } }), 422, { fields: ['webhookUrl'] });
      expectError(await t.http('PATCH', '/influencers/me/contact', { key: mia.influencerKey, body: { timeZone: 'Atlantis/Capital' } }), 422, { fields: ['timeZone'] });

      // Another influencer's contact details, and the staff route, are not hers to change; staff have no "me".
      access.refused(await t.http('PATCH', `/influencers/${leo.influencerId}/contact`, { key: mia.influencerKey, body: { email: 'mia@studio.example' } }), [403]);
      access.refused(await t.http('PATCH', `/influencers/${mia.influencerId}/contact`, { key: mia.influencerKey, body: { language: 'en' } }), [403]);
      access.refused(await t.http('GET', `/influencers/${leo.influencerId}`, { key: mia.influencerKey }), [403]);
      access.refused(await t.http('GET', '/influencers/me/contact'), [403]);
      access.refused(await t.http('PATCH', '/influencers/me/contact', { key: null, body: { language: 'en' } }), [401]);
      expect(expectOk(await t.http<InfluencerDto>('GET', `/influencers/${leo.influencerId}`)).contact).toEqual(leosBefore);
      // Leo's own key reaches Leo's details only.
      expect(expectOk(await t.http<ContactDto>('GET', '/influencers/me/contact', { key: leo.influencerKey }))).toEqual(leosBefore);
    });
  });
});
