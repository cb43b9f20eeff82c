// Short, URL-safe, unguessable ids with a type prefix (p-…, inf-…, src-…), and the check that a presented
// id can be one (so junk never reaches a query).
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function newId(prefix: string, length = 12): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return `${prefix}-${out}`;
}

const ID_SHAPE = /^[a-z0-9-]{1,32}$/;

/** Whether `value` has the shape of an id this API issues; anything else cannot name a row. */
export function isEntityId(value: string): boolean {
  return ID_SHAPE.test(value);
}
