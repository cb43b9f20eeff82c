// Every refusal code over HTTP: 409 for the wrong stage, an invalid state, a used-up round limit or action cap, 422 for
// invalid values (with the fields), 400 for a body that is not JSON, 413 for one over 1 MiB. A refused
// action changes nothing.
import type { ErrorBody, ProductDto, ProductPageDto } from '../support/api-types';
import { advanceTo, castInfluencer, createProduct, productBody, type Cast } from '../support/product-flow';
import { startTestEngine, type TestEngine } from '../support/stack';
import { DAY, expectError, expectOk, inFuture } from './e2e-helpers';

describe('refusals', () => {
  let t: TestEngine;
  let mia: Cast;

  beforeAll(async () => {
    t = await startTestEngine({ DESIGN_ROUND_LIMIT: '2', SAMPLE_ROUND_LIMIT: '2', POLL_EXTENSION_LIMIT: '2' });
    mia = await castInfluencer(t, 'mia');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const design = { title: 'v1', description: 'A-line' };
  const production = () => ({ supplier: 'Mill', dueDate: inFuture(30 * DAY) });
  const review = (decision: string, feedback?: string) => ({ key: mia.influencerKey, body: feedback === undefined ? { decision } : { decision, feedback } });

  describe('409 for an action in the wrong stage', () => {
    it('answers a design review during POLL with 409 naming the product, its stage and the allowed stage', async () => {
      const id = await createProduct(t, mia.influencerId);
      const res = await t.http('POST', `/products/${id}/designs/1/review`, review('APPROVE'));
      expectError(res, 409, { code: 'WRONG_STAGE', message: `product ${id} is in POLL; design review is accepted only in DESIGN` });
    });

    it('refuses every later-stage action during POLL, and poll actions after it, with WRONG_STAGE', async () => {
      const id = await createProduct(t, mia.influencerId);
      const p = `/products/${id}`;
      const inPoll: [string, unknown, string, string?][] = [
        [`${p}/designs`, design, 'DESIGN'],
        [`${p}/samples`, { supplier: 'Mill' }, 'SAMPLING'],
        [`${p}/samples/1/review`, { decision: 'APPROVE' }, 'SAMPLING', mia.influencerKey],
        [`${p}/production`, production(), 'PRODUCTION'],
        [`${p}/production/milestones`, { milestone: 'MATERIALS' }, 'PRODUCTION'],
        [`${p}/launch`, { launchAt: inFuture(DAY) }, 'LAUNCH'],
      ];
      for (const [path, body, allowed, key] of inPoll) {
        const res = await t.http('POST', path, { body, key });
        expectError(res, 409, { code: 'WRONG_STAGE', message: new RegExp(`^product ${id} is in POLL; .+ is accepted only in ${allowed}$`) });
      }
      expect(expectOk(await t.http<ProductDto>('GET', p))).toMatchObject({ stage: 'POLL', seq: 2 });

      await advanceTo(t, mia, id, 'DESIGN');
      expectError(await t.http('POST', `${p}/poll/close`), 409, { code: 'WRONG_STAGE', message: `product ${id} is in DESIGN; closing the poll is accepted only in POLL` });
      expectError(await t.http('POST', `${p}/poll/extend`, { body: { closesAt: inFuture(DAY) } }), 409, { code: 'WRONG_STAGE', message: 'accepted only in POLL' });
    });
  });

  describe('409 for an action the stage accepts but the state does not', () => {
    it('refuses a second design or sample submission while one waits for review', async () => {
      const id = await createProduct(t, mia.influencerId);
      const p = `/products/${id}`;
      await advanceTo(t, mia, id, 'DESIGN');
      expectOk(await t.http('POST', `${p}/designs`, { body: design }));
      expectError(await t.http('POST', `${p}/designs`, { body: { ...design, title: 'v2' } }), 409, {
        code: 'INVALID_STATE',
        message: `design round 1 of product ${id} is waiting for the influencer's review`,
      });
      expectOk(await t.http('POST', `${p}/designs/1/review`, review('APPROVE')));
      // A round already reviewed cannot be reviewed again.
      const id2 = await createProduct(t, mia.influencerId);
      await advanceTo(t, mia, id2, 'DESIGN');
      expectOk(await t.http('POST', `/products/${id2}/designs`, { body: design }));
      expectOk(await t.http('POST', `/products/${id2}/designs/1/review`, review('REQUEST_CHANGES', 'darker')));
      expectError(await t.http('POST', `/products/${id2}/designs/1/review`, review('APPROVE')), 409, { code: 'INVALID_STATE', message: 'already reviewed' });

      expectOk(await t.http('POST', `${p}/samples`, { body: { supplier: 'Mill' } }));
      expectError(await t.http('POST', `${p}/samples`, { body: { supplier: 'Other mill' } }), 409, { code: 'INVALID_STATE', message: 'sample round 1' });
      expect(expectOk(await t.http<ProductDto>('GET', p)).samples).toHaveLength(1);
    });

    it('refuses milestones out of order, before production starts, and production started twice', async () => {
      const id = await createProduct(t, mia.influencerId);
      const p = `/products/${id}`;
      await advanceTo(t, mia, id, 'PRODUCTION');
      expectError(await t.http('POST', `${p}/production/milestones`, { body: { milestone: 'MATERIALS' } }), 409, { code: 'INVALID_STATE', message: 'has not started' });
      expectOk(await t.http('POST', `${p}/production`, { body: production() }));
      expectError(await t.http('POST', `${p}/production`, { body: production() }), 409, { code: 'INVALID_STATE', message: 'already started' });
      expectError(await t.http('POST', `${p}/production/milestones`, { body: { milestone: 'SEWING' } }), 409, {
        code: 'INVALID_STATE',
        message: 'the next one is MATERIALS, not SEWING',
      });
      expectOk(await t.http('POST', `${p}/production/milestones`, { body: { milestone: 'MATERIALS' } }));
      expectError(await t.http('POST', `${p}/production/milestones`, { body: { milestone: 'MATERIALS' } }), 409, { code: 'INVALID_STATE', message: 'the next one is CUTTING' });
      expectError(await t.http('POST', `${p}/production/milestones`, { body: { milestone: 'SHIPPED' } }), 409, { code: 'INVALID_STATE' });
      const after = expectOk(await t.http<ProductDto>('GET', p));
      expect(after.stage).toBe('PRODUCTION');
      expect(after.production.milestones.map((m) => m.milestone)).toEqual(['MATERIALS']);
    });

    it('refuses closing a poll again once it fell short of minVotes', async () => {
      const id = await createProduct(t, mia.influencerId, { poll: { ...productBody(mia.influencerId).poll, minVotes: 5 } });
      const first = expectOk(await t.http<ProductDto>('POST', `/products/${id}/poll/close`));
      expect(first).toMatchObject({ stage: 'POLL', poll: { status: 'AWAITING_DECISION' } });
      expectError(await t.http('POST', `/products/${id}/poll/close`), 409, { code: 'INVALID_STATE', message: `closed with 0 of 5 required votes` });
    });

    it('accepts exactly one of several concurrent design submissions and refuses the others with 409', async () => {
      const id = await createProduct(t, mia.influencerId);
      await advanceTo(t, mia, id, 'DESIGN');
      const answers = await Promise.all([1, 2, 3, 4].map((i) => t.http('POST', `/products/${id}/designs`, { body: { ...design, title: `race ${i}` } })));
      expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
      for (const r of answers.filter((a) => a.status !== 200)) expectError(r, 409, { code: 'INVALID_STATE' });
      expect(expectOk(await t.http<ProductDto>('GET', `/products/${id}`)).designs).toHaveLength(1);
    });

    it('creates an influencer handle once when it is claimed concurrently, answering 409 to the others', async () => {
      const answers = await Promise.all([1, 2, 3].map(() => t.http('POST', '/influencers', { body: { handle: 'race.handle', displayName: 'Race' } })));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
      for (const r of answers.filter((a) => a.status === 409)) expectError(r, 409, { code: 'ALREADY_EXISTS', message: 'race.handle' });
    });
  });

  describe('409 when the round limit is used up', () => {
    it('refuses a design round past DESIGN_ROUND_LIMIT, leaving only cancel', async () => {
      const id = await createProduct(t, mia.influencerId);
      const p = `/products/${id}`;
      await advanceTo(t, mia, id, 'DESIGN');
      for (const round of [1, 2]) {
        expectOk(await t.http('POST', `${p}/designs`, { body: { ...design, title: `v${round}` } }));
        expectOk(await t.http('POST', `${p}/designs/${round}/review`, review('REQUEST_CHANGES', 'not yet')));
      }
      const third = await t.http('POST', `${p}/designs`, { body: { ...design, title: 'v3' } });
      expectError(third, 409, { code: 'ROUND_LIMIT_REACHED', message: `product ${id} has used all 2 design rounds` });
      expect(expectOk(await t.http<ProductDto>('GET', p)).pendingAction).toMatchObject({ by: 'staff', action: 'CANCEL' });
      expect(expectOk(await t.http<ProductDto>('POST', `${p}/cancel`, { body: { reason: 'no design worked' } })).stage).toBe('CANCELLED');
    });

    it('refuses a sample round past SAMPLE_ROUND_LIMIT', async () => {
      const id = await createProduct(t, mia.influencerId);
      const p = `/products/${id}`;
      await advanceTo(t, mia, id, 'SAMPLING');
      for (const round of [1, 2]) {
        expectOk(await t.http('POST', `${p}/samples`, { body: { supplier: `Mill ${round}` } }));
        expectOk(await t.http('POST', `${p}/samples/${round}/review`, review('REQUEST_CHANGES', 'seams')));
      }
      expectError(await t.http('POST', `${p}/samples`, { body: { supplier: 'Mill 3' } }), 409, { code: 'ROUND_LIMIT_REACHED', message: 'used all 2 sample rounds' });
    });
  });

  describe('409 when a capped action is used up', () => {
    it('refuses a poll extension past POLL_EXTENSION_LIMIT, saying which cap and how to raise it, and changes nothing', async () => {
      const id = await createProduct(t, mia.influencerId);
      const p = `/products/${id}`;
      for (const days of [2, 3]) expectOk(await t.http('POST', `${p}/poll/extend`, { body: { closesAt: inFuture(days * DAY) } }));
      const before = expectOk(await t.http<ProductDto>('GET', p));
      const third = await t.http('POST', `${p}/poll/extend`, { body: { closesAt: inFuture(4 * DAY) } });
      expectError(third, 409, {
        code: 'ACTION_LIMIT_REACHED',
        message: `product ${id} has used all 2 poll extensions it is allowed (POLL_EXTENSION_LIMIT when it was created); raise POLL_EXTENSION_LIMIT for products created from then on`,
      });
      const after = expectOk(await t.http<ProductDto>('GET', p));
      expect([after.seq, after.poll]).toEqual([before.seq, before.poll]);
    });
  });

  describe('422 for invalid values', () => {
    const poll = (overrides: Record<string, unknown>) => ({ question: 'Which?', options: [{ label: 'A' }, { label: 'B' }], durationMinutes: 60, minVotes: 0, ...overrides });
    const create = (overrides: Record<string, unknown>) => t.http('POST', '/products', { body: productBody(mia.influencerId, overrides) });

    it('lists the missing and unexpected fields of a product in details', async () => {
      const { name: _name, targetKeyword: _kw, ...rest } = productBody(mia.influencerId);
      const res = await t.http<ErrorBody>('POST', '/products', { body: { ...rest, extra: 1 } });
      expectError(res, 422, { fields: ['name', 'targetKeyword', 'extra'] });
      expect(res.body.details?.find((d) => d.field === 'extra')?.messages).toEqual(['extra is not an accepted field']);

      expectError(await create({ poll: { ...poll({}), options: [{ label: 'A' }, { description: 'no label' }], colour: 'red' } }), 422, {
        fields: ['poll.colour', 'poll.options.1.label'],
      });
      expectError(await t.http('POST', '/products', { body: {} }), 422, { fields: ['name', 'influencerId', 'targetKeyword', 'poll'] });
      expectError(await t.http('POST', '/influencers', { body: { handle: 'x', displayName: '' } }), 422, { fields: ['handle', 'displayName'] });
    });

    it('refuses a poll with 1 or 11 options, duplicate option ids or bad numbers', async () => {
      expectError(await create({ poll: poll({ options: [{ label: 'A' }] }) }), 422, { fields: ['poll.options'], message: 'at least 2 options' });
      const eleven = Array.from({ length: 11 }, (_, i) => ({ label: `O${i}` }));
      expectError(await create({ poll: poll({ options: eleven }) }), 422, { fields: ['poll.options'], message: 'at most 10 options' });
      expectError(await create({ poll: poll({ options: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] }) }), 422, { code: 'INVALID_VALUE', message: 'used twice' });
      expectError(await create({ poll: poll({ options: [{ id: 'has space', label: 'A' }, { label: 'B' }] }) }), 422, { fields: ['poll.options.0.id'] });
      expectError(await create({ poll: poll({ durationMinutes: 0 }) }), 422, { fields: ['poll.durationMinutes'] });
      expectError(await create({ poll: poll({ durationMinutes: 1.5 }) }), 422, { fields: ['poll.durationMinutes'] });
      expectError(await create({ poll: poll({ minVotes: -1 }) }), 422, { fields: ['poll.minVotes'] });
      expectError(await create({ poll: poll({ minVotes: '3' }) }), 422, { fields: ['poll.minVotes'] });
    });

    it('refuses a closing time in the past, not ISO-8601, or given together with durationMinutes', async () => {
      const { durationMinutes: _d, ...noDuration } = poll({});
      expectError(await create({ poll: { ...noDuration, closesAt: '2020-01-01T00:00:00Z' } }), 422, { code: 'INVALID_VALUE', message: 'not in the future' });
      expectError(await create({ poll: { ...noDuration, closesAt: 'next friday' } }), 422, { fields: ['poll.closesAt'], message: 'ISO-8601' });
      expectError(await create({ poll: poll({ closesAt: inFuture(DAY) }) }), 422, { code: 'INVALID_VALUE', message: 'exactly one' });
      expectError(await create({ poll: noDuration }), 422, { code: 'INVALID_VALUE', message: 'exactly one' });
    });

    it('refuses a product for an unknown influencer', async () => {
      expectError(await t.http('POST', '/products', { body: productBody('inf-nobody') }), 422, { code: 'INVALID_VALUE', message: 'influencer inf-nobody does not exist' });
      expectError(await t.http('POST', '/api-keys', { body: { role: 'influencer', influencerId: 'inf-nobody', label: 'x' } }), 422, { code: 'INVALID_VALUE' });
      expectError(await t.http('POST', '/api-keys', { body: { role: 'influencer', label: 'x' } }), 422, { code: 'INVALID_VALUE', message: 'needs influencerId' });
      expectError(await t.http('POST', '/api-keys', { body: { role: 'admin', label: 'x' } }), 422, { fields: ['role'] });
      expect(expectOk(await t.http<ProductPageDto>('GET', '/products?influencerId=inf-nobody')).items).toEqual([]);
    });

    it('refuses a review without a valid decision, feedback for changes, or a numeric existing round', async () => {
      const id = await createProduct(t, mia.influencerId);
      const p = `/products/${id}`;
      await advanceTo(t, mia, id, 'DESIGN');
      expectOk(await t.http('POST', `${p}/designs`, { body: design }));
      expectError(await t.http('POST', `${p}/designs/1/review`, review('REQUEST_CHANGES')), 422, { code: 'INVALID_VALUE', message: 'needs feedback' });
      expectError(await t.http('POST', `${p}/designs/1/review`, review('REQUEST_CHANGES', '   ')), 422, { code: 'INVALID_VALUE', message: 'needs feedback' });
      expectError(await t.http('POST', `${p}/designs/1/review`, review('MAYBE')), 422, { fields: ['decision'], message: 'decision must be one of APPROVE, REQUEST_CHANGES' });
      expectError(await t.http('POST', `${p}/designs/1/review`, { key: mia.influencerKey, body: {} }), 422, { fields: ['decision'] });
      for (const round of ['abc', '1.5', 'one']) {
        expectError(await t.http('POST', `${p}/designs/${round}/review`, review('APPROVE')), 422, { message: 'round must be a whole number' });
      }
      expectError(await t.http('POST', `${p}/designs/7/review`, review('APPROVE')), 422, { code: 'INVALID_VALUE', message: 'no design round 7' });
      expectError(await t.http('POST', `${p}/designs/0/review`, review('APPROVE')), 422, { code: 'INVALID_VALUE' });
      expectError(await t.http('POST', `${p}/designs/1/review`, { key: mia.influencerKey, body: { decision: 'APPROVE', rating: 5 } }), 422, { fields: ['rating'] });
      // Still waiting for a valid review.
      expect(expectOk(await t.http<ProductDto>('GET', p))).toMatchObject({ stage: 'DESIGN', designs: [{ status: 'PENDING_REVIEW' }] });
    });

    it('refuses invalid design, sample, production, milestone, launch, extension and cancellation values', async () => {
      const polling = await createProduct(t, mia.influencerId);
      expectError(await t.http('POST', `/products/${polling}/poll/extend`, { body: { closesAt: '2020-01-01T00:00:00Z' } }), 422, { code: 'INVALID_VALUE', message: 'not in the future' });
      expectError(await t.http('POST', `/products/${polling}/poll/extend`, { body: { closesAt: inFuture(60_000) } }), 422, { code: 'INVALID_VALUE', message: 'not later than' });
      expectError(await t.http('POST', `/products/${polling}/poll/extend`, { body: { closesAt: 'tomorrow' } }), 422, { fields: ['closesAt'] });
      expectError(await t.http('POST', `/products/${polling}/cancel`, { body: {} }), 422, { fields: ['reason'] });
      expectError(await t.http('POST', `/products/${polling}/cancel`, { body: { reason: '   ' } }), 422, { code: 'INVALID_VALUE', message: 'needs a reason' });

      const id = await createProduct(t, mia.influencerId);
      const p = `/products/${id}`;
      await advanceTo(t, mia, id, 'DESIGN');
      expectError(await t.http('POST', `${p}/designs`, { body: { title: '', description: 'd' } }), 422, { fields: ['title'] });
      expectError(await t.http('POST', `${p}/designs`, { body: { ...design, imageUrls: ['ftp://files.example.com/a.png'] } }), 422, { fields: ['imageUrls'] });
      expectError(await t.http('POST', `${p}/designs`, { body: { ...design, imageUrls: 'https://cdn.example.com/a.png' } }), 422, { fields: ['imageUrls'] });
      expectOk(await t.http('POST', `${p}/designs`, { body: design }));
      expectOk(await t.http('POST', `${p}/designs/1/review`, review('APPROVE')));
      // No supplier and no open sample request to take it from: the lifecycle refuses it.
      expectError(await t.http('POST', `${p}/samples`, { body: { notes: 'no supplier' } }), 422, { message: 'a sample needs its supplier (supplier or supplierId)' });
      expectError(await t.http('POST', `${p}/samples`, { body: { supplier: 'Mill', photoUrls: ['not a url'] } }), 422, { fields: ['photoUrls'] });
      expectOk(await t.http('POST', `${p}/samples`, { body: { supplier: 'Mill' } }));
      expectOk(await t.http('POST', `${p}/samples/1/review`, review('APPROVE')));

      expectError(await t.http('POST', `${p}/production`, { body: { ...production(), quantity: 0 } }), 422, { fields: ['quantity'] });
      expectError(await t.http('POST', `${p}/production`, { body: { ...production(), quantity: '12' } }), 422, { fields: ['quantity'] });
      expectError(await t.http('POST', `${p}/production`, { body: { supplier: 'Mill', dueDate: '2020-01-01T00:00:00Z' } }), 422, { code: 'INVALID_VALUE', message: 'not in the future' });
      expectError(await t.http('POST', `${p}/production`, { body: { supplier: 'Mill' } }), 422, { fields: ['dueDate'] });
      expectOk(await t.http('POST', `${p}/production`, { body: production() }));
      for (const milestone of ['DYEING', 'materials', '']) {
        expectError(await t.http('POST', `${p}/production/milestones`, { body: { milestone } }), 422, {
          fields: ['milestone'],
          message: 'milestone must be one of MATERIALS, CUTTING, SEWING, QUALITY_CHECK, SHIPPED',
        });
      }
      for (const milestone of ['MATERIALS', 'CUTTING', 'SEWING', 'QUALITY_CHECK', 'SHIPPED']) {
        expectOk(await t.http('POST', `${p}/production/milestones`, { body: { milestone } }));
      }
      expectError(await t.http('POST', `${p}/launch`, { body: { launchAt: '2020-01-01T00:00:00Z' } }), 422, { code: 'INVALID_VALUE', message: 'launchAt 2020-01-01T00:00:00Z is not in the future' });
      expectError(await t.http('POST', `${p}/launch`, { body: { launchAt: 'soon' } }), 422, { fields: ['launchAt'] });
      expectError(await t.http('POST', `${p}/launch`, { body: {} }), 422, { fields: ['launchAt'] });
      expect(expectOk(await t.http<ProductDto>('GET', p))).toMatchObject({ stage: 'LAUNCH', launch: { countdowns: [] } });
      expect(expectOk(await t.http<ProductDto>('GET', p)).launch).not.toHaveProperty('launchAt');
    });

    it('refuses invalid list filters', async () => {
      expectError(await t.http('GET', '/products?stage=DONE'), 422, { fields: ['stage'], message: 'stage must be one of' });
      expectError(await t.http('GET', '/products?limit=0'), 422, { fields: ['limit'] });
      expectError(await t.http('GET', '/products?limit=101'), 422, { fields: ['limit'] });
      expectError(await t.http('GET', '/products?limit=two'), 422, { fields: ['limit'] });
      expectError(await t.http('GET', '/products?cursor=bm9wZQ'), 422, { code: 'INVALID_VALUE', message: 'cursor' });
      expectError(await t.http('GET', '/products?colour=red'), 422, { fields: ['colour'] });
      const id = await createProduct(t, mia.influencerId);
      expectError(await t.http('GET', `/products/${id}/timeline?afterSeq=-1`), 422, { fields: ['afterSeq'] });
      expectError(await t.http('GET', `/products/${id}/timeline?afterSeq=x`), 422, { fields: ['afterSeq'] });
    });
  });

  describe('400 and 413 for bodies that cannot be read', () => {
    it('answers 400 for a body that is not JSON', async () => {
      expectError(await t.http('POST', '/influencers', { rawBody: '{"handle": ', headers: { 'content-type': 'application/json' } }), 400);
      expectError(await t.http('POST', '/products', { rawBody: "{'name': 'single quotes'}" }), 400);
      expectError(await t.http('POST', '/influencers', { rawBody: '', headers: { 'content-type': 'application/json' } }), 400);
      expectError(await t.http('POST', '/influencers', { rawBody: '{"handle":"pp","displayName":"x","__proto__":{"admin":true}}' }), 400);
    });

    it('answers 413 for a body over 1 MiB', async () => {
      const huge = JSON.stringify({ handle: 'big', displayName: 'x'.repeat(1_100_000) });
      expectError(await t.http('POST', '/influencers', { rawBody: huge, headers: { 'content-type': 'application/json' } }), 413);
      const id = await createProduct(t, mia.influencerId);
      expectError(await t.http('POST', `/products/${id}/cancel`, { body: { reason: 'y'.repeat(1_048_577) } }), 413);
      expect(expectOk(await t.http<ProductDto>('GET', `/products/${id}`)).stage).toBe('POLL');
    });
  });
});
