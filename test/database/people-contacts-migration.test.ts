// The migration that gives people contact details: influencers stored before it get their posts' language
// and time zone when their social settings name ones the engine can use (else en and UTC), and the new
// constraints hold for any writer (emails unique whatever their case, a staff member only on a staff key,
// no webhook channel without its URL and sealed secret).
import { createTestDatabase, type TestDatabase } from '../support/stack';

const MIGRATION = 'PeopleContacts1764560000000';

describe('migration PeopleContacts', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  const applied = async () => (await db.dataSource.query<{ name: string }[]>(`SELECT name FROM schema_migrations`)).map((r) => r.name);
  /** The PostgreSQL error code a statement fails with (null when it succeeds). */
  const failure = async (sql: string): Promise<string | null> => {
    try {
      await db.dataSource.query(sql);
      return null;
    } catch (err) {
      return (err as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (err as { code?: string }).code ?? 'unknown';
    }
  };

  it('gives existing influencers their social settings\' language and time zone, or en and UTC', async () => {
    while ((await applied()).includes(MIGRATION)) await db.dataSource.undoLastMigration({ transaction: 'each' });
    const settings: [string, object][] = [
      ['inf-none', {}],
      ['inf-zh', { language: 'zh-CN', timeZone: 'Asia/Shanghai' }],
      ['inf-en', { language: 'en', tone: 'hype' }],
      ['inf-fr', { language: 'fr', timeZone: 'Europe/Paris' }],
      ['inf-bad-zone', { language: 'zh-CN', timeZone: 'Mars/Base' }],
      ['inf-odd-types', { language: 7, timeZone: ['UTC'] }],
    ];
    for (const [id, s] of settings) {
      await db.dataSource.query(`INSERT INTO influencers (id, handle, display_name, social_settings) VALUES ($1, $1, $1, $2)`, [id, JSON.stringify(s)]);
    }

    await db.dataSource.runMigrations({ transaction: 'each' });

    expect(await applied()).toContain(MIGRATION);
    expect(await db.dataSource.query(`SELECT id, email, preferred_channel, webhook_url, language, time_zone FROM influencers ORDER BY id`)).toEqual([
      { id: 'inf-bad-zone', email: null, preferred_channel: 'email', webhook_url: null, language: 'zh-CN', time_zone: 'UTC' },
      { id: 'inf-en', email: null, preferred_channel: 'email', webhook_url: null, language: 'en', time_zone: 'UTC' },
      { id: 'inf-fr', email: null, preferred_channel: 'email', webhook_url: null, language: 'en', time_zone: 'Europe/Paris' },
      { id: 'inf-none', email: null, preferred_channel: 'email', webhook_url: null, language: 'en', time_zone: 'UTC' },
      { id: 'inf-odd-types', email: null, preferred_channel: 'email', webhook_url: null, language: 'en', time_zone: 'UTC' },
      { id: 'inf-zh', email: null, preferred_channel: 'email', webhook_url: null, language: 'zh-CN', time_zone: 'Asia/Shanghai' },
    ]);
  });

  it('keeps staff emails unique whatever their case, and staff members on staff keys only', async () => {
    await db.dataSource.query(`INSERT INTO staff_members (id, name, email) VALUES ('stf-a', 'Anna', 'anna@studio.example')`);
    expect(await failure(`INSERT INTO staff_members (id, name, email) VALUES ('stf-b', 'Anna again', 'Anna@Studio.example')`)).toBe('23505');
    await db.dataSource.query(`INSERT INTO api_keys (id, prefix, secret_hash, role, staff_member_id, label) VALUES (gen_random_uuid(), 'aaaaaaaaaaaa', 'h', 'staff', 'stf-a', 'anna')`);
    expect(
      await failure(`INSERT INTO api_keys (id, prefix, secret_hash, role, influencer_id, staff_member_id, label) VALUES (gen_random_uuid(), 'bbbbbbbbbbbb', 'h', 'influencer', 'inf-en', 'stf-a', 'x')`),
    ).toBe('23514');
    expect(await failure(`INSERT INTO api_keys (id, prefix, secret_hash, role, staff_member_id, label) VALUES (gen_random_uuid(), 'cccccccccccc', 'h', 'staff', 'stf-nobody', 'x')`)).toBe('23503');
    // A member whose keys exist is never deleted from under them.
    expect(await failure(`DELETE FROM staff_members WHERE id = 'stf-a'`)).toBe('23503');
  });

  it('refuses a webhook channel without its URL, or a URL without its sealed secret', async () => {
    expect(await failure(`UPDATE staff_members SET preferred_channel = 'webhook' WHERE id = 'stf-a'`)).toBe('23514');
    expect(await failure(`UPDATE staff_members SET webhook_url = 'https://hooks.example.com/a' WHERE id = 'stf-a'`)).toBe('23514');
    expect(await failure(`UPDATE influencers SET preferred_channel = 'webhook' WHERE id = 'inf-en'`)).toBe('23514');
    expect(await failure(`UPDATE influencers SET language = 'fr' WHERE id = 'inf-en'`)).toBe('23514');
    expect(await failure(`UPDATE staff_members SET preferred_channel = 'sms' WHERE id = 'stf-a'`)).toBe('23514');
  });

  it('undoes cleanly with people and their keys stored, and applies again', async () => {
    while ((await applied()).includes(MIGRATION)) await db.dataSource.undoLastMigration({ transaction: 'each' });
    expect(await applied()).not.toContain(MIGRATION);
    expect(await db.dataSource.query(`SELECT to_regclass('staff_members') AS t`)).toEqual([{ t: null }]);
    await db.dataSource.runMigrations({ transaction: 'each' });
    expect(await applied()).toContain(MIGRATION);
  });
});
