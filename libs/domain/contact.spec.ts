// Contact details: the email and time zone as stored, and which changes are refused and why.
import { applyContactChange, defaultContact, normaliseEmail, normaliseTimeZone, type ContactDetails } from './contact';

describe('normaliseEmail', () => {
  it.each([
    ['surrounding spaces and new lines', '  mia@example.com\n', 'mia@example.com'],
    ['upper case anywhere', 'Mia.Chen@Example.COM', 'mia.chen@example.com'],
    ['a decomposed accent (NFD) as its composed form (NFC)', 'rene\u0301@example.com', 'ren\u00e9@example.com'],
    ['an address already normal, unchanged', 'ops+board@studio.example', 'ops+board@studio.example'],
  ])('%s', (_what, raw, stored) => {
    expect(normaliseEmail(raw)).toBe(stored);
  });

  it('makes addresses that differ only in case and spaces one address', () => {
    expect(new Set(['Ana@Studio.example', ' ana@studio.example', 'ANA@STUDIO.EXAMPLE ']).size).toBe(3);
    expect(new Set(['Ana@Studio.example', ' ana@studio.example', 'ANA@STUDIO.EXAMPLE '].map(normaliseEmail))).toEqual(new Set(['ana@studio.example']));
  });
});

describe('normaliseTimeZone', () => {
  it.each([
    ['an IANA name as it is', 'Asia/Shanghai', 'Asia/Shanghai'],
    ['a name in the wrong case, in its canonical case', 'asia/shanghai', 'Asia/Shanghai'],
    ['surrounding spaces', ' Europe/Paris ', 'Europe/Paris'],
    ['UTC', 'UTC', 'UTC'],
    ['a three-level name', 'America/Argentina/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['a link name, kept as chosen rather than swapped for ICU\'s older name', 'Asia/Kolkata', 'Asia/Kolkata'],
  ])('accepts %s', (_what, raw, stored) => {
    expect(normaliseTimeZone(raw)).toBe(stored);
  });

  it.each([
    ['an unknown zone', 'Mars/Olympus_Mons'],
    ['a UTC offset', '+08:00'],
    ['an offset with a sign word', 'UTC+8:00'],
    ['nothing', ''],
    ['only spaces', '   '],
    ['a path', '../../etc/localtime'],
    ['an over-long name', `Asia/${'x'.repeat(80)}`],
  ])('refuses %s', (_what, raw) => {
    expect(normaliseTimeZone(raw)).toBeNull();
  });
});

describe('applyContactChange', () => {
  const current: ContactDetails = { email: 'mia@example.com', preferredChannel: 'email', webhookUrl: null, language: 'en', timeZone: 'UTC', notificationMode: 'each' };
  const staff = { emailRequired: true };
  const influencer = { emailRequired: false };

  it('keeps what the change leaves out and takes what it gives, normalised', () => {
    const applied = applyContactChange(current, { language: 'zh-CN', timeZone: 'asia/shanghai', email: ' Mia@Studio.example ', notificationMode: 'daily_digest' }, staff);
    expect(applied).toEqual({
      contact: { email: 'mia@studio.example', preferredChannel: 'email', webhookUrl: null, language: 'zh-CN', timeZone: 'Asia/Shanghai', notificationMode: 'daily_digest' },
      problems: [],
      newWebhook: false,
    });
  });

  it('refuses an unknown time zone, naming it', () => {
    const applied = applyContactChange(current, { timeZone: 'Moon/Base' }, staff);
    expect(applied.problems).toEqual([{ field: 'timeZone', message: expect.stringContaining('"Moon/Base" is not an IANA time zone') as unknown }]);
    expect(applied.contact.timeZone).toBe('UTC');
  });

  it('refuses the webhook channel without a webhook URL, given now or before', () => {
    expect(applyContactChange(current, { preferredChannel: 'webhook' }, staff).problems).toEqual([{ field: 'webhookUrl', message: expect.stringContaining('needs webhookUrl') as unknown }]);
    const onWebhook: ContactDetails = { ...current, preferredChannel: 'webhook', webhookUrl: 'https://hooks.example.com/a' };
    expect(applyContactChange(onWebhook, { webhookUrl: null }, staff).problems.map((p) => p.field)).toEqual(['webhookUrl']);
    expect(applyContactChange(onWebhook, { webhookUrl: null, preferredChannel: 'email' }, staff).problems).toEqual([]);
    expect(applyContactChange(onWebhook, { language: 'zh-CN' }, staff).problems).toEqual([]);
  });

  it('takes the webhook channel with its URL, and says a new URL needs a new secret', () => {
    const applied = applyContactChange(current, { preferredChannel: 'webhook', webhookUrl: 'https://hooks.example.com/a' }, staff);
    expect(applied).toMatchObject({ problems: [], newWebhook: true, contact: { preferredChannel: 'webhook', webhookUrl: 'https://hooks.example.com/a' } });
    // Removing the URL, or changing something else, issues no secret.
    expect(applyContactChange(applied.contact, { preferredChannel: 'email', webhookUrl: null }, staff).newWebhook).toBe(false);
    expect(applyContactChange(applied.contact, { language: 'zh-CN' }, staff).newWebhook).toBe(false);
  });

  it('lets an influencer remove her email but never a staff member', () => {
    expect(applyContactChange(current, { email: null }, influencer)).toMatchObject({ problems: [], contact: { email: null } });
    expect(applyContactChange(current, { email: null }, staff).problems).toEqual([{ field: 'email', message: expect.stringContaining('email is required') as unknown }]);
  });

  it('lists every problem of one change', () => {
    const problems = applyContactChange(defaultContact(null), { preferredChannel: 'webhook', timeZone: 'Nowhere' }, staff).problems.map((p) => p.field);
    expect(problems.sort()).toEqual(['email', 'timeZone', 'webhookUrl']);
  });
});
