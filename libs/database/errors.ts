// Recognises PostgreSQL failures that mean "the database is not reachable right now" (→ 503, retry).
import { QueryFailedError } from 'typeorm';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);

export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; message?: unknown; severity?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
    // FATAL ends the session: the server refused or dropped the connection (shutting down, database
    // not accepting connections, too many clients).
    if (e.severity === 'FATAL') return true;
    if (typeof e.message === 'string' && /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/i.test(e.message)) {
      return true;
    }
    current = current instanceof QueryFailedError ? e.driverError : (e.driverError ?? e.cause);
  }
  return false;
}

/** PostgreSQL's unique_violation. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}

// Deadlock and serialization failure: the transaction was rolled back as a whole and may simply run again.
const CONFLICT_CODES = new Set(['40P01', '40001']);

/** PostgreSQL rolled the transaction back for a deadlock or a serialization failure (it may run again). */
export function isTransactionConflict(err: unknown): boolean {
  const e = err as { code?: unknown; driverError?: { code?: unknown } } | null | undefined;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && CONFLICT_CODES.has(code);
}

/**
 * Runs `attempt` again (up to `attempts` times in all) when PostgreSQL rolled it back for a deadlock or a
 * serialization failure; only for work that is idempotent as a whole (a batch keyed per fan or webhook-id).
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>, attempts = 3): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!isTransactionConflict(err) || n >= attempts) throw err;
    }
  }
}
