// The migrations and the entities describe the same schema: after migrating a fresh database, TypeORM
// finds nothing to generate (so an entity change without its migration fails CI).
import { createTestDatabase, type TestDatabase } from '../support/stack';

describe('database schema', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.close());

  it('has no difference between the entities and the applied migrations', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('records every migration as applied', async () => {
    expect(await db.dataSource.showMigrations()).toBe(false);
  });
});
