// Short, URL-safe ids with a type prefix (p-…, inf-…, src-…): random and unguessable for rows the API
// creates, or derived from what they identify for rows a retried activity must write identically; and the
// check that a presented id can be one (so junk never reaches a query).
import { createHash, randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function encode(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] & 31];
  return out;
}

// Random bytes drawn from the system's CSPRNG a pool at a time, as Node.js does for randomUUID and randomInt:
// one randomBytes call per id cost about 40 µs here (a reservation under load spent more on its id than on
// its validation). Each byte is handed out once.
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let poolAt = POOL_BYTES;

/** `length` fresh random bytes (a view into the pool, read before the next call). */
export function randomPoolBytes(length: number): Uint8Array {
  if (length > POOL_BYTES) return randomFillSync(Buffer.alloc(length));
  if (poolAt + length > POOL_BYTES) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const out = pool.subarray(poolAt, poolAt + length);
  poolAt += length;
  return out;
}

export function newId(prefix: string, length = 12): string {
  return `${prefix}-${encode(randomPoolBytes(length), length)}`;
}

/** The same id for the same parts, every time (a hash of them); without a prefix, just the code. */
export function stableId(prefix: string, length: number, ...parts: string[]): string {
  const code = encode(createHash('sha256').update(parts.join('\u0000')).digest(), length);
  return prefix ? `${prefix}-${code}` : code;
}

const ID_SHAPE = /^[a-z0-9-]{1,32}$/;

/** Whether `value` has the shape of an id this API issues; anything else cannot name a row. */
export function isEntityId(value: string): boolean {
  return ID_SHAPE.test(value);
}
