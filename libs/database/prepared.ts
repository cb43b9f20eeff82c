// The vote, reservation and new-order batch statements, the read model's write of each product action
// (ProductRepository.recordEvents) and its social updates' write (SocialUpdateRepository.insertWithDeliveries),
// prepared once per connection and reused by name. Planning one
// of these CTE statements costs about as much as running it for a batch (0.5 to 1 ms each, measured with
// pg_stat_statements.track_planning under the votes benchmark), and an unnamed statement is planned again on
// every batch. After five runs PostgreSQL keeps a generic plan when it costs no more than the custom ones,
// made on the table statistics of that moment and kept until the tables are analysed again. So only for
// statements that read no table growing with the intake itself except through ON CONFLICT's unique-index
// probe: a generic plan made while such a table held a few dozen rows reads all of it on every batch once it
// holds millions (test/database/prepared-plans.test.ts). The duplicate look-ups, which read the votes,
// reservations and webhook receipts, are planned on every run for that reason.
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

export interface PreparedStatement {
  /** Unique among the engine's prepared statements. */
  name: string;
  text: string;
}

interface PgQueryable {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/**
 * Runs `stmt` with `values` and returns its rows: on the transaction's connection when `db` is a
 * transaction's EntityManager, else on a pooled one. Errors are pg's own (code, severity), which
 * isDatabaseUnavailable and retryOnConflict read as they read TypeORM's.
 */
export async function queryPrepared<T>(db: DataSource | EntityManager, stmt: PreparedStatement, values: unknown[]): Promise<T[]> {
  return run<T>(db, { name: stmt.name, text: stmt.text, values });
}

/**
 * Runs `text` with `values` as an unnamed statement (planned on every run, so safe for any table) on the same
 * connection queryPrepared would use, without TypeORM's query runner around it: for the statements every
 * product action runs, where acquiring and releasing a query runner and building a query cost the engine
 * more CPU than the statement itself (bench:lifecycle -- --profile: a TypeORM findOneBy of a product about
 * 0.55 ms, a raw query about 0.15 ms). Errors are pg's own, as for queryPrepared.
 */
export async function queryDirect<T>(db: DataSource | EntityManager, text: string, values: unknown[]): Promise<T[]> {
  return run<T>(db, { text, values });
}

async function run<T>(db: DataSource | EntityManager, config: { name?: string; text: string; values: unknown[] }): Promise<T[]> {
  const runner = 'queryRunner' in db ? db.queryRunner : undefined;
  let target: PgQueryable;
  if (runner) {
    target = (await (runner as PostgresQueryRunner).connect()) as PgQueryable;
  } else {
    const source = 'driver' in db ? db : db.connection;
    target = (source.driver as PostgresDriver).master as PgQueryable;
  }
  return (await target.query(config)).rows as T[];
}
