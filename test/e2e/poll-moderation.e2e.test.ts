// Poll moderation end to end on the real stack: the automatic screen refuses options with a reason per
// field (word lists, the incubator's own terms, links, contact details); a new poll waits in DRAFT, public
// nowhere and closed to votes, until its influencer approves it; its duration starts at the approval; she can
// ask for changes, which staff make (screened again) for her approval.
import type { ErrorBody, ModerationListsDto, ModerationTermDto, ProductDto, SocialUpdatesDto, TimelineDto } from '../support/api-types';
import { castInfluencer, productBody, type Cast } from '../support/product-flow';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { deliver, registerSource, sign, voteBody, type Source } from '../support/votes';
import { act, expectError, expectOk } from './e2e-helpers';

describe('poll moderation', () => {
  let t: TestEngine;
  let mia: Cast;
  let leo: Cast;
  let source: Source;

  beforeAll(async () => {
    t = await startTestEngine();
    mia = await castInfluencer(t, 'mia');
    leo = await castInfluencer(t, 'leo');
    source = await registerSource(t);
  });
  afterAll(() => t?.stop());

  /** A product on the default, moderated path (productBody opens at once unless told otherwise). */
  const moderatedBody = (overrides: Record<string, unknown> = {}) => productBody(mia.influencerId, { pollApproval: 'influencer', ...overrides });
  const create = <T = ProductDto>(overrides: Record<string, unknown> = {}) => t.http<T>('POST', '/products', { body: moderatedBody(overrides) });
  const withOptions = (options: { id?: string; label: string; description?: string }[], question = 'Which dress should we make?') => ({
    poll: { question, options, durationMinutes: 90, minVotes: 0 },
  });
  const vote = (productId: string, optionId: string) => deliver<ErrorBody>(t, source, sign(source.secret, voteBody(productId, optionId, `fan-${Math.random().toString(36).slice(2)}`)));

  it('refuses a poll whose options do not pass the screen, with 422 naming each refused option and why, and creates nothing', async () => {
    const before = (await t.db.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM products'))[0].n;
    const res = await create<ErrorBody>(
      withOptions([
        { id: 'midi', label: 'Linen midi' },
        { id: 'link', label: 'Order at ｅｘａｍｐｌｅ．ｃｏｍ' },
        { id: 'zh', label: '他 妈 的连衣裙' },
        { id: 'mail', label: 'Wrap dress', description: 'ask mia@example.com or call 138 0013 8000' },
        { id: 'wx', label: '加我微信 mia_style88' },
      ]),
    );
    expectError(res, 422, { fields: ['poll.options[1].label', 'poll.options[2].label', 'poll.options[3].description', 'poll.options[4].label'] });
    const details = Object.fromEntries((res.body.details ?? []).map((d) => [d.field, d.messages]));
    expect(details).toEqual({
      'poll.options[1].label': ['poll.options[1].label: contains a link'],
      'poll.options[2].label': ['poll.options[2].label: contains a blocked word ("他妈的")'],
      'poll.options[3].description': ['poll.options[3].description: contains an email address', 'poll.options[3].description: contains a phone number'],
      'poll.options[4].label': ['poll.options[4].label: contains a WeChat id'],
    });
    expect(res.body.message).toContain('poll.options[1].label: contains a link');
    expect((await t.db.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM products'))[0].n).toBe(before);
    // The question is screened too, and with pollApproval 'none' as well.
    expectError(await create({ pollApproval: 'none', ...withOptions([{ label: 'A' }, { label: 'B' }], 'Which one? fuck it') }), 422, { fields: ['poll.question'], message: 'contains a blocked word ("fuck")' });
  });

  it("refuses the incubator's own terms once staff add one, and accepts them again once removed; only staff manage them", async () => {
    const added = expectOk(await t.http<ModerationTermDto>('POST', '/moderation/terms', { body: { term: 'Ｒｉｖａｌ Brand', note: "a competitor's name" } }), 201);
    expect(added).toMatchObject({ term: 'Ｒｉｖａｌ Brand', normalised: 'rival brand', note: "a competitor's name", createdBy: { kind: 'staff' } });
    expectError(await t.http('POST', '/moderation/terms', { body: { term: 'RIVAL   brand' } }), 409, { code: 'ALREADY_EXISTS' });
    expectError(await t.http('POST', '/moderation/terms', { body: { term: '!!!' } }), 422, { fields: ['term'] });
    expectError(await t.http('POST', '/moderation/terms', { key: mia.influencerKey, body: { term: 'x' } }), 403);
    expectError(await t.http('GET', '/moderation/terms', { key: mia.influencerKey }), 403);
    const lists = expectOk(await t.http<ModerationListsDto>('GET', '/moderation/terms'));
    expect(lists.zhCnListVersion).toMatch(/^\d{4}\.\d+\.\d+$/);
    expect(lists.terms.map((x) => x.id)).toContain(added.id);

    const options = withOptions([{ label: 'Linen midi' }, { label: 'Better than rival-brand' }]);
    expectError(await create(options), 422, { fields: ['poll.options[1].label'], message: 'contains a term the incubator blocks ("rival brand")' });
    expect((await t.http('DELETE', `/moderation/terms/${added.id}`)).status).toBe(204);
    expectError(await t.http('DELETE', `/moderation/terms/${added.id}`), 404);
    expectOk(await create(options), 201);
  });

  it('keeps a new poll in DRAFT: nothing public, votes refused with 409, no close or extension, until the influencer approves it', async () => {
    expectError(await create({ poll: { question: 'Which?', options: [{ label: 'A' }, { label: 'B' }], closesAt: new Date(Date.now() + 3_600_000).toISOString(), minVotes: 0 } }), 422, {
      message: 'takes durationMinutes',
    });
    const created = expectOk(await create(withOptions([{ id: 'midi', label: 'Linen midi' }, { id: 'wrap', label: 'Wrap dress' }])), 201);
    expect(created).toMatchObject({ stage: 'POLL', poll: { status: 'DRAFT', draft: { durationMs: 90 * 60_000 } }, pendingAction: { by: 'influencer', action: 'APPROVE_POLL' } });
    const p = `/products/${created.id}`;

    expectError(await vote(created.id, 'midi'), 409, { code: 'INVALID_STATE', message: 'is not open yet' });
    expectError(await t.http('POST', `${p}/poll/close`), 409, { code: 'INVALID_STATE', message: 'is not open yet' });
    expectError(await t.http('POST', `${p}/poll/extend`, { body: { closesAt: new Date(Date.now() + 86_400_000).toISOString() } }), 409, { message: 'is not open yet' });
    const timeline = await eventually('the draft in the timeline', async () => {
      const events = expectOk(await t.http<TimelineDto>('GET', `${p}/timeline`)).events;
      return events.length >= 2 ? events : undefined;
    });
    expect(timeline.map((e) => e.type)).toEqual(['PRODUCT_CREATED', 'POLL_DRAFTED']);
    // Not even the live results show the draft's question and options.
    expectError(await t.http('GET', `${p}/poll/results`, { key: null }), 404, { message: 'is not public yet' });

    // The influencer approves: the poll opens now and is open for its 90 minutes from now.
    const approvedAt = Date.now();
    const opened = await act(t, `${p}/poll/approve`, {}, mia.influencerKey);
    const closesAt = Date.parse(opened.poll.closesAt);
    expect(closesAt).toBeGreaterThanOrEqual(approvedAt + 90 * 60_000 - 1_000);
    expect(closesAt).toBeLessThanOrEqual(Date.now() + 90 * 60_000 + 1_000);
    expect(closesAt).toBeGreaterThan(Date.parse(created.poll.closesAt));
    expect(opened).toMatchObject({ poll: { status: 'OPEN', draft: { approvedBy: { kind: 'influencer', id: mia.influencerId } } }, pendingAction: { by: 'fans', action: 'VOTE' } });
    // Its only public update is the opening, made at the approval (nothing of the draft before it).
    const updates = await eventually('the poll-opened update', async () => {
      const list = expectOk(await t.http<SocialUpdatesDto>('GET', `${p}/social-updates`)).updates;
      return list.length > 0 ? list : undefined;
    });
    expect(updates.map((u) => [u.event, u.seq])).toEqual([['POLL_OPENED', 4]]);
    expect(expectOk(await t.http<TimelineDto>('GET', `${p}/timeline`)).events.map((e) => e.type)).toEqual(['PRODUCT_CREATED', 'POLL_DRAFTED', 'POLL_APPROVED', 'POLL_OPENED']);
    expect((await vote(created.id, 'midi')).status).toBe(202);
    expect(expectOk(await t.http<{ question: string; status: string }>('GET', `${p}/poll/results`, { key: null }))).toMatchObject({ question: 'Which dress should we make?', status: 'OPEN' });
    expectError(await t.http('POST', `${p}/poll/approve`, { key: mia.influencerKey }), 409, { message: 'not waiting for approval' });
  });

  it('goes back to staff when the influencer requests changes; staff edit the options (screened again) for her approval', async () => {
    const created = expectOk(await create(withOptions([{ id: 'midi', label: 'Linen midi' }, { id: 'slip', label: 'Slip dress' }])), 201);
    const p = `/products/${created.id}`;
    expectError(await t.http('POST', `${p}/poll/request-changes`, { key: mia.influencerKey, body: {} }), 422, { fields: ['feedback'] });
    const asked = await act(t, `${p}/poll/request-changes`, { feedback: 'Swap the slip dress for a cotton shirt dress' }, mia.influencerKey);
    expect(asked).toMatchObject({
      poll: { status: 'DRAFT', draft: { changesRequested: { feedback: 'Swap the slip dress for a cotton shirt dress', by: { kind: 'influencer' } } } },
      pendingAction: { by: 'staff', action: 'EDIT_POLL_OPTIONS' },
    });
    expect(asked.pendingAction.description).toContain('Swap the slip dress');

    const refused = await t.http<ErrorBody>('PUT', `${p}/poll/options`, { body: { options: [{ id: 'midi', label: 'Linen midi' }, { id: 'shirt', label: 'Shirt dress, QQ 12345678' }] } });
    expectError(refused, 422, { fields: ['options[1].label'], message: 'options[1].label: contains a QQ number' });
    expectError(await t.http('PUT', `${p}/poll/options`, { key: mia.influencerKey, body: { options: [{ label: 'A' }, { label: 'B' }] } }), 403);

    const edited = expectOk(
      await t.http<ProductDto>('PUT', `${p}/poll/options`, { body: { question: 'Which dress for autumn?', options: [{ id: 'midi', label: 'Linen midi' }, { id: 'shirt', label: 'Cotton shirt dress' }] } }),
    );
    expect(edited).toMatchObject({
      poll: { status: 'DRAFT', question: 'Which dress for autumn?', options: [{ id: 'midi' }, { id: 'shirt', label: 'Cotton shirt dress' }] },
      pendingAction: { by: 'influencer', action: 'APPROVE_POLL' },
    });
    expect(edited.poll.draft).not.toHaveProperty('changesRequested');

    const opened = await act(t, `${p}/poll/approve`, {}, mia.influencerKey);
    expect(opened.poll).toMatchObject({ status: 'OPEN', options: [{ id: 'midi' }, { id: 'shirt' }] });
    // Fans vote for the edited set.
    expect((await vote(created.id, 'shirt')).status).toBe(202);
    expectError(await vote(created.id, 'slip'), 422, { fields: ['optionId'] });
    const opening = await eventually('the poll-opened update', async () => expectOk(await t.http<SocialUpdatesDto>('GET', `${p}/social-updates`)).updates.find((u) => u.event === 'POLL_OPENED'));
    expect(opening.body).toContain('Cotton shirt dress');
    expectError(await t.http('PUT', `${p}/poll/options`, { body: { options: [{ label: 'A' }, { label: 'B' }] } }), 409, { message: 'not waiting for approval' });
  });

  it("refuses the approval from another influencer's key (403), from staff (403) and for an unknown product (404)", async () => {
    const created = expectOk(await create(), 201);
    const p = `/products/${created.id}`;
    expectError(await t.http('POST', `${p}/poll/approve`, { key: leo.influencerKey }), 403, { message: 'belongs to another influencer' });
    expectError(await t.http('POST', `${p}/poll/request-changes`, { key: leo.influencerKey, body: { feedback: 'mine now' } }), 403);
    expectError(await t.http('POST', `${p}/poll/approve`), 403);
    expectError(await t.http('POST', '/products/p-000000000000/poll/approve', { key: mia.influencerKey }), 404);
    expect(expectOk(await t.http<ProductDto>('GET', p)).poll.status).toBe('DRAFT');
  });
});
