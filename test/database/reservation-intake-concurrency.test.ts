// Reservation intake as several API processes run it: batches for the same window written at the same time
// through two connection pools. Each holds the window FOR SHARE and queues only on the window's totals row
// (demand_window_totals). Whatever the interleaving, the totals count every stored reservation once, the
// goal is reported reached by exactly one batch, and the tally's close counts every reservation a batch
// stored before it and lets none in after it. Also the migration that moved the totals off the window's row.
import { createDataSource, DemandWindowRepository, ReservationRepository, type GoalCrossing, type NewReservation } from '@app/database';
import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from '../support/stack';

const MIGRATION = 'DemandWindowTotals1764630000000';

describe('reservation intake under concurrent batches from several processes', () => {
  let db: TestDatabase;
  let second: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    second = createDataSource({ url: db.url, applicationName: 'incubator-test-second' });
    await second.initialize();
    await db.dataSource.query(`INSERT INTO influencers (id, handle, display_name) VALUES ('inf-rc', 'rc', 'RC')`);
  });
  afterAll(async () => {
    await second.destroy();
    await db.close();
  });

  let seq = 0;
  const openWindow = async (productId: string, minimumUnits: number) => {
    await db.dataSource.query(
      `INSERT INTO products (id, influencer_id, name, target_keyword, stage, workflow_id) VALUES ($1, 'inf-rc', 'Dress', 'dress', 'DEMAND', $2)`,
      [productId, `product-${productId}`],
    );
    await new DemandWindowRepository(db.dataSource).upsert({ productId, status: 'OPEN', closesAt: new Date(Date.now() + 3_600_000).toISOString(), minimumUnits, seq: 1 });
  };
  const batch = (productId: string, size: number, quantity: number): NewReservation[] =>
    Array.from({ length: size }, () => {
      const n = ++seq;
      return {
        id: `rsv_rc${n}`,
        code: `RC${String(n).padStart(8, '0')}`,
        productId,
        variantId: n % 2 ? 's' : 'm',
        quantity,
        platform: 'instagram',
        platformUserId: `fan-${n}`,
        platformUserIdRaw: `Fan-${n}`,
        via: 'fan',
        sourceId: 'src-rc',
        webhookId: `w-${n}`,
        attributionCode: null,
      };
    });
  const totals = async (productId: string) =>
    (
      await db.dataSource.query<{ reserved_units: number; reservations: number; goal_reached_at: Date | null }[]>(
        `SELECT reserved_units, reservations, goal_reached_at FROM demand_window_totals WHERE product_id = $1`,
        [productId],
      )
    )[0];
  const rowsOf = async (productId: string) =>
    (await db.dataSource.query<{ n: number; units: number }[]>(`SELECT count(*)::int AS n, coalesce(sum(quantity), 0)::int AS units FROM reservations WHERE product_id = $1`, [productId]))[0];

  it('counts every reservation once and reports the goal reached by exactly one batch', async () => {
    await openWindow('p-rc1', 150);
    const pools = [new ReservationRepository(db.dataSource), new ReservationRepository(second)];
    // 40 batches of 10 reservations of 2 units, half through each pool, all at once: 800 units against a goal of 150.
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => pools[i % 2].insertBatch(batch('p-rc1', 10, 2))));
    const stored = results.flatMap((r) => r.reservations).filter((w) => w.open && w.stored).length;
    expect(stored).toBe(400);
    expect(await rowsOf('p-rc1')).toEqual({ n: 400, units: 800 });
    const t = await totals('p-rc1');
    expect(t).toMatchObject({ reserved_units: 800, reservations: 400 });
    expect(t.goal_reached_at).not.toBeNull();
    const crossings: GoalCrossing[] = results.flatMap((r) => r.crossed);
    expect(crossings).toHaveLength(1);
    // The batch that reached it took the total from below 150 to 150 or more (its 10 reservations are 20 units).
    expect(crossings[0].productId).toBe('p-rc1');
    expect(crossings[0].totalUnits).toBeGreaterThanOrEqual(150);
    expect(crossings[0].totalUnits).toBeLessThan(170);
  });

  it('counts at the close every reservation stored before it and lets none in after it', async () => {
    await openWindow('p-rc2', 1_000_000);
    const pools = [new ReservationRepository(db.dataSource), new ReservationRepository(second)];
    // The close on a connection of its own, already open, so it lands among the batches still in flight.
    const closer = createDataSource({ url: db.url, applicationName: 'incubator-test-closer', poolSize: 1 });
    await closer.initialize();
    try {
      await closer.query('SELECT 1');
      const writes = Array.from({ length: 40 }, (_, i) => pools[i % 2].insertBatch(batch('p-rc2', 5, 1)));
      await Promise.race(writes);
      const tally = await new DemandWindowRepository(closer).tally('p-rc2', 2);
      const after = await Promise.all([pools[0].insertBatch(batch('p-rc2', 5, 1)), pools[1].insertBatch(batch('p-rc2', 5, 1))]);
      const results = (await Promise.all(writes)).flatMap((r) => r.reservations);
      const stored = results.filter((w) => w.open && w.stored).length;
      expect(stored).toBeGreaterThan(0);
      // Refused at the close: not stored. (A batch that waited for the close reads the window's status as of its
      // own start, OPEN, or as CLOSING when it started after the close; either way intake answers 409.)
      expect(results.filter((w) => !(w.open && w.stored)).map((w) => ({ open: w.open, stored: w.stored, refusedAs: w.windowStatus === 'OPEN' ? 'CLOSING' : w.windowStatus }))).toEqual(
        results.filter((w) => !(w.open && w.stored)).map(() => ({ open: false, stored: false, refusedAs: 'CLOSING' })),
      );
      // After the close, every reservation is refused.
      expect(after.flatMap((r) => r.reservations).every((w) => !w.open && !w.stored && w.windowStatus === 'CLOSING')).toBe(true);
      // Stored before the close: counted by the tally, and by the live totals. Refused: not stored at all.
      expect(tally.reservations).toBe(stored);
      expect(await rowsOf('p-rc2')).toEqual({ n: stored, units: stored });
      expect(await totals('p-rc2')).toMatchObject({ reserved_units: stored, reservations: stored });
    } finally {
      await closer.destroy();
    }
  });

  it('keeps the totals of windows that had them across the migration, and back', async () => {
    const applied = async () => (await db.dataSource.query<{ name: string }[]>(`SELECT name FROM schema_migrations`)).map((r) => r.name);
    const windowColumns = async () =>
      (await db.dataSource.query<{ column_name: string }[]>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'demand_windows' ORDER BY column_name`)).map(
        (r) => r.column_name,
      );
    while ((await applied()).includes(MIGRATION)) await db.dataSource.undoLastMigration({ transaction: 'each' });
    // Back on the window's own columns: p-rc1's totals went with it.
    expect(await windowColumns()).toEqual(expect.arrayContaining(['reserved_units', 'reservations', 'goal_reached_at']));
    const before = await db.dataSource.query<{ product_id: string; reserved_units: number; reservations: number; reached: boolean }[]>(
      `SELECT product_id, reserved_units, reservations, goal_reached_at IS NOT NULL AS reached FROM demand_windows WHERE product_id IN ('p-rc1', 'p-rc2') ORDER BY product_id`,
    );
    expect(before[0]).toEqual({ product_id: 'p-rc1', reserved_units: 800, reservations: 400, reached: true });
    // A window without reservations yet gets no totals row; it gets one with its first batch.
    await openWindow('p-rc3', 5);

    await db.dataSource.runMigrations({ transaction: 'each' });
    expect(await applied()).toContain(MIGRATION);
    expect(await windowColumns()).not.toEqual(expect.arrayContaining(['reserved_units']));
    expect(await totals('p-rc1')).toMatchObject({ reserved_units: 800, reservations: 400 });
    expect((await totals('p-rc1')).goal_reached_at).not.toBeNull();
    expect(await totals('p-rc3')).toBeUndefined();
    const { crossed } = await new ReservationRepository(db.dataSource).insertBatch(batch('p-rc3', 3, 2));
    expect(crossed).toEqual([{ productId: 'p-rc3', totalUnits: 6 }]);
    expect(await new DemandWindowRepository(db.dataSource).findLive('p-rc3')).toMatchObject({ status: 'OPEN', minimumUnits: 5, reservedUnits: 6, reservations: 3 });
  });
});
