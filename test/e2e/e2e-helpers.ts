// Jest assertions shared by the end-to-end suites: the one error body every refusal carries, a success's
// body, read-model consistency after an action, and the times they send. Driving the stack itself is
// test/support's (api-client, product-flow, votes, receiver), which the benchmarks share; recordAttacks adds
// a suite's row to the security report.
import { STATUS_CODES } from 'node:http';
import type { ErrorBody, InfluencerDto, IssuedApiKeyDto, ProductDto } from '../support/api-types';
import type { ApiResponse } from '../support/api-client';
import { reportAttack } from '../support/security-table';
import { eventually, type TestEngine } from '../support/stack';

/** Any answer, whatever body the caller expected. */
export type Res = Pick<ApiResponse<unknown>, 'status' | 'body'>;

export const API_KEY_FORMAT = /^ibk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/;

/** Every error answers with { statusCode, error, message }, `code` for domain refusals, `details` for field errors. */
export function expectError(res: Res, status: number, opts: { message?: RegExp | string; code?: string; fields?: string[] } = {}): void {
  const context = `${res.status} ${JSON.stringify(res.body)}`;
  expect({ status: res.status, context }).toEqual({ status, context });
  expect(res.body).toMatchObject({ statusCode: status, error: STATUS_CODES[status], message: expect.any(String) as string });
  // The shape was just checked; the rest reads it as the API's error body.
  const body = res.body as ErrorBody;
  expect(body.message.length).toBeGreaterThan(0);
  if (typeof opts.message === 'string') expect(body.message).toContain(opts.message);
  else if (opts.message) expect(body.message).toMatch(opts.message);
  if (opts.code) expect(body.code).toBe(opts.code);
  if (opts.fields) {
    expect(Array.isArray(body.details)).toBe(true);
    const details = body.details ?? [];
    expect(details.map((d) => d.field)).toEqual(expect.arrayContaining(opts.fields));
    for (const d of details) expect(d.messages.length).toBeGreaterThan(0);
  }
}

/** Anything but a 5xx; a 4xx carries the one error body. */
export function expectNoServerError(res: Res, what: string): void {
  expect({ what, status: res.status < 500 ? 'not 5xx' : res.status, body: res.status < 500 ? null : res.body }).toEqual({ what, status: 'not 5xx', body: null });
  if (res.status >= 400) {
    expect(res.body).toMatchObject({ statusCode: res.status, error: expect.any(String) as string, message: expect.any(String) as string });
  }
}

export function expectOk<T>(res: ApiResponse<T>, status = 200): T {
  expect({ status: res.status, body: res.status === status ? 'ok' : res.body }).toEqual({ status, body: 'ok' });
  return res.body;
}

/** Waits until GET /products/:id reflects an action's answer (same or later seq, same stage). */
export async function expectReadModelCaughtUp(t: TestEngine, answer: { id: string; seq: number; stage: string }): Promise<ProductDto> {
  return eventually(`GET /products/${answer.id} to reach seq ${answer.seq}`, async () => {
    const res = await t.http<ProductDto>('GET', `/products/${answer.id}`);
    return res.status === 200 && res.body.seq >= answer.seq && res.body.stage === answer.stage ? res.body : undefined;
  });
}

/** A new influencer and her key, as staff would set them up. */
export async function onboard(t: TestEngine, handle: string): Promise<{ influencerId: string; key: string; keyId: string }> {
  const influencer = expectOk(await t.http<InfluencerDto>('POST', '/influencers', { body: { handle, displayName: handle.toUpperCase() } }), 201);
  const issued = expectOk(await t.http<IssuedApiKeyDto>('POST', '/api-keys', { body: { role: 'influencer', influencerId: influencer.id, label: `${handle} phone` } }), 201);
  return { influencerId: influencer.id, key: issued.key, keyId: issued.id };
}

/** Sends an action and checks that the answer is the new state and GET /products/:id catches up with it. */
export async function act(t: TestEngine, path: string, body: unknown, key?: string): Promise<ProductDto> {
  const answer = expectOk(await t.http<ProductDto>('POST', path, { body, key }));
  await expectReadModelCaughtUp(t, answer);
  return answer;
}

export function inFuture(ms: number): string {
  return new Date(Date.now() + ms).toISOString();
}

export const DAY = 86_400_000;

/**
 * One row of the run's security report (`npm run test:security`), counted from what the suite really sent:
 * `refused(res, …statuses)` counts an attempt and checks it got one of the statuses; `leaked(found)` counts
 * a leak check. The row is written when the suite ends.
 */
export function recordAttacks(attack: string) {
  const row = { attack, tries: 0, blocked: 0, leaks: 0 };
  afterAll(() => {
    if (row.tries > 0) reportAttack(row);
  });
  return {
    /** An attempt that must be refused with one of `statuses` (asserted), or with `expectError`'s checks. */
    refused(res: Res, statuses: number[], opts?: Parameters<typeof expectError>[2]): void {
      row.tries++;
      if (statuses.includes(res.status)) row.blocked++;
      if (statuses.length === 1) expectError(res, statuses[0], opts);
      else expect({ status: statuses.includes(res.status) ? 'refused as expected' : res.status, body: res.body }).toMatchObject({ status: 'refused as expected' });
    },
    /** An attempt whose refusal is not a status (a header withheld, a limit holding): `blocked` says whether it was. */
    checked(blocked: boolean, what: string): void {
      row.tries++;
      if (blocked) row.blocked++;
      expect({ what, blocked }).toEqual({ what, blocked: true });
    },
    /** An attempt to make the engine expose something: `found` lists what came out (nothing is blocked). */
    leaked(found: string[]): void {
      row.tries++;
      if (found.length === 0) row.blocked++;
      row.leaks += found.length;
      expect(found).toEqual([]);
    },
  };
}
