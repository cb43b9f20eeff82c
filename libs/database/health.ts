// Whether PostgreSQL answers right now, for /health: a round trip, not the pool's idea of it.
import type { DataSource } from 'typeorm';

export async function pingDatabase(db: DataSource): Promise<void> {
  await db.query('SELECT 1');
}
