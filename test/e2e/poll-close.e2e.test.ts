// How a poll closes over HTTP on the real stack: by itself at closesAt, below its minimum (waiting for
// staff to extend it), and the tie-break between options with the same count; production then suggests
// its quantity from the winner.
import type { ProductDto, TimelineDto } from '../support/api-types';
import { insertVotes } from '../support/product-flow';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { act, DAY, expectError, expectOk, inFuture, onboard } from './e2e-helpers';

describe('poll closing over HTTP', () => {
  let t: TestEngine;

  beforeAll(async () => {
    // Suggested quantity = ceil(max(1, winner votes × 1) / 2) × 2.
    t = await startTestEngine({ MINIMUM_ORDER: '1', PRODUCTION_BATCH_SIZE: '2', DEMAND_CONVERSION_RATE: '1' });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('closes a poll by itself at closesAt and, below minVotes, waits for staff to extend it', async () => {
    const { influencerId } = await onboard(t, 'leo');
    const created = expectOk(
      await t.http<ProductDto>('POST', '/products', {
        body: {
          name: 'Bucket hat',
          influencerId,
          targetKeyword: 'bucket hat',
          pollApproval: 'none',
          poll: { question: 'Which hat?', options: [{ label: 'Canvas' }, { label: 'Denim' }], closesAt: inFuture(1_500), minVotes: 3 },
        },
      }),
      201,
    );
    const id = created.id;
    expect(created.poll.options.map((o) => o.id)).toEqual(['option-1', 'option-2']);
    await insertVotes(t, id, 'option-2', 1);

    const waiting = await eventually('the poll to close below its minimum', async () => {
      const res = await t.http<ProductDto>('GET', `/products/${id}`);
      return res.body.poll.status === 'AWAITING_DECISION' ? res.body : undefined;
    });
    expect(waiting).toMatchObject({ stage: 'POLL', pendingAction: { by: 'staff', action: 'EXTEND_OR_CANCEL' } });
    const below = expectOk(await t.http<TimelineDto>('GET', `/products/${id}/timeline`)).events.find((e) => e.type === 'POLL_BELOW_MINIMUM');
    expect(below).toMatchObject({ actor: { kind: 'system' }, data: { totalVotes: 1, minVotes: 3 } });

    // Closing again is refused until staff extend it (or cancel).
    expectError(await t.http('POST', `/products/${id}/poll/close`), 409, { code: 'INVALID_STATE', message: 'extend it or cancel' });
    const extended = await act(t, `/products/${id}/poll/extend`, { closesAt: inFuture(60 * 60_000) });
    expect(extended).toMatchObject({ stage: 'POLL', poll: { status: 'OPEN' }, pendingAction: { by: 'fans', action: 'VOTE' } });

    await insertVotes(t, id, 'option-1', 3);
    const closed = await act(t, `/products/${id}/poll/close`, {});
    expect(closed).toMatchObject({ stage: 'DESIGN', poll: { status: 'CLOSED', result: { winningOptionId: 'option-1', totalVotes: 4, tieBroken: false } } });
  });

  it('breaks a tie for the option that reached the tied count first, ignores votes for unknown options, and suggests production from the winner', async () => {
    const { influencerId, key } = await onboard(t, 'ana');
    const body = (name: string) => ({
      name,
      influencerId,
      targetKeyword: 'tote bag',
      pollApproval: 'none',
      poll: { question: 'Which tote?', options: [{ id: 'canvas', label: 'Canvas' }, { id: 'leather', label: 'Leather' }, { id: 'mesh', label: 'Mesh' }], durationMinutes: 30, minVotes: 0 },
    });
    const id = expectOk(await t.http<ProductDto>('POST', '/products', { body: body('Tote') }), 201).id;
    const base = Date.now() - 60_000;
    // leather reaches 3 votes first; canvas, listed first, only later.
    await insertVotes(t, id, 'leather', 3, new Date(base));
    await insertVotes(t, id, 'canvas', 3, new Date(base + 10_000));
    await insertVotes(t, id, 'mesh', 1, new Date(base + 5_000));
    await insertVotes(t, id, 'velvet', 9, new Date(base));

    const closed = expectOk(await t.http<ProductDto>('POST', `/products/${id}/poll/close`));
    expect(closed.poll.result).toMatchObject({ winningOptionId: 'leather', tieBroken: true, totalVotes: 7 });
    expect(closed.poll.result?.counts.map((c) => [c.optionId, c.votes])).toEqual([
      ['canvas', 3],
      ['leather', 3],
      ['mesh', 1],
    ]);
    // 3 winner votes → ceil(3 / 2) × 2 = 4.
    expect(closed.suggestedQuantity).toBe(4);

    // Same last-vote time: the option listed first wins.
    const second = expectOk(await t.http<ProductDto>('POST', '/products', { body: body('Tote 2') }), 201).id;
    await insertVotes(t, second, 'mesh', 2, new Date(base));
    await insertVotes(t, second, 'leather', 2, new Date(base));
    const tied = expectOk(await t.http<ProductDto>('POST', `/products/${second}/poll/close`));
    expect(tied.poll.result).toMatchObject({ winningOptionId: 'leather', tieBroken: true, totalVotes: 4 });

    // Without a quantity, production runs the suggested one.
    const p = `/products/${id}`;
    expectOk(await t.http('POST', `${p}/designs`, { body: { title: 'Leather tote', description: 'Tan' } }));
    expectOk(await t.http('POST', `${p}/designs/1/review`, { key, body: { decision: 'APPROVE' } }));
    expectOk(await t.http('POST', `${p}/samples`, { body: { supplier: 'Tannery' } }));
    expectOk(await t.http('POST', `${p}/samples/1/review`, { key, body: { decision: 'APPROVE' } }));
    const started = await act(t, `${p}/production`, { supplier: 'Tannery', dueDate: inFuture(10 * DAY) });
    expect(started.production.run).toMatchObject({ quantity: 4, suggestedQuantity: 4 });
  });
});
