// The migration that keeps each vote's raw user id: votes stored before it get their current (raw) value,
// and the column is then required, so no writer can leave it out.
import { createTestDatabase, type TestDatabase } from '../support/stack';

const MIGRATION = 'FanIdentityRaw1764403000000';

describe('migration FanIdentityRaw', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  const applied = async () => (await db.dataSource.query<{ name: string }[]>(`SELECT name FROM schema_migrations`)).map((r) => r.name);

  it('backfills the raw user id of existing votes with the stored one, then requires it', async () => {
    // Back to the schema before it (later migrations undone first, then redone).
    while ((await applied()).includes(MIGRATION)) await db.dataSource.undoLastMigration({ transaction: 'each' });
    await db.dataSource.query(`INSERT INTO influencers (id, handle, display_name) VALUES ('inf-m', 'mia', 'Mia')`);
    await db.dataSource.query(
      `INSERT INTO products (id, influencer_id, name, target_keyword, stage, workflow_id) VALUES ('p-m', 'inf-m', 'Dress', 'linen dress', 'POLL', 'product-p-m')`,
    );
    await db.dataSource.query(
      `INSERT INTO votes (product_id, option_id, platform, platform_user_id, occurred_at) VALUES ('p-m', 'a', 'weibo', ' Fan-1 ', now()), ('p-m', 'b', 'x', 'fan-2', now())`,
    );

    await db.dataSource.runMigrations({ transaction: 'each' });

    expect(await applied()).toContain(MIGRATION);
    expect(await db.dataSource.query(`SELECT platform_user_id, platform_user_id_raw FROM votes ORDER BY platform`)).toEqual([
      { platform_user_id: ' Fan-1 ', platform_user_id_raw: ' Fan-1 ' },
      { platform_user_id: 'fan-2', platform_user_id_raw: 'fan-2' },
    ]);
    await expect(
      db.dataSource.query(`INSERT INTO votes (product_id, option_id, platform, platform_user_id, occurred_at) VALUES ('p-m', 'a', 'weibo', 'fan-3', now())`),
    ).rejects.toThrow(/null value in column "platform_user_id_raw"/);
  });
});
