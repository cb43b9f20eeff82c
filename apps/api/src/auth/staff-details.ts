// Details meant for the incubator's staff only leave the API in staff answers: the Temporal UI link (an
// operator tool with no login of its own) and the labels of staff keys on actors ("Anna's laptop"). An
// influencer key or an unauthenticated caller gets the same answer without them. Applied to every JSON
// answer as it is serialized (a Fastify hook), so no route can forget it. A global Nest interceptor did this
// before at a cost on every request: Nest binds each interceptor's handler to an AsyncResource, which on
// Node.js 20 builds two deprecation wrappers per call (about 5% of the API's CPU under the votes load).

import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from './principal';

/** Fields that are removed wherever they appear in a non-staff answer. */
const STAFF_ONLY_FIELDS = new Set(['temporalUi']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A staff Actor as the domain writes it: { kind: 'staff', id: <key id>, label? }. */
function isStaffActor(value: Record<string, unknown>): boolean {
  return value.kind === 'staff' && typeof value.id === 'string';
}

/**
 * A copy of an answer without staff-only details. Only arrays and plain objects (what the API's services
 * build) are walked; anything else (a Buffer, a stream, an HTML string) is passed on as it is.
 */
export function withoutStaffDetails(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutStaffDetails);
  if (!isPlainObject(value)) return value;
  const staffActor = isStaffActor(value);
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (STAFF_ONLY_FIELDS.has(key) || (staffActor && key === 'label')) continue;
    out[key] = withoutStaffDetails(field);
  }
  return out;
}

/**
 * Removes staff-only details from every object answer (error bodies included) of a caller who is not staff.
 * Answers sent already serialized (the OpenAPI document, share pages, images) are not objects here.
 */
export function hideStaffDetails(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (request: FastifyRequest & { principal?: Principal }, _reply, payload, done) => {
    // The auth guard ran before: a principal is set for every keyed request, none on public routes.
    done(null, request.principal?.role === 'staff' ? payload : withoutStaffDetails(payload));
  });
}
