// Whoever must act is told, once: the influencer when a design waits for her review (and reminded once per
// interval it keeps waiting, up to REVIEW_REMINDER_LIMIT), staff when a poll closes short of its minimum or a post fails for good; by email
// through a real SMTP server process, or by a signed webhook, in each person's language and time zone; a
// person on the daily digest gets one message at her digest hour, however often the digest runs; and with
// no SMTP server configured, mail is kept in the outbox staff read through the API.
import {
  NOTIFICATION_DIGEST_SCHEDULE_ID,
  NOTIFICATION_DIGEST_WORKFLOW_TYPE,
  notificationWorkflowId,
  productWorkflowId,
  type NotificationDigestWorkflow,
} from '@app/domain';
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { expectError, expectOk } from './e2e-helpers';
import type { IssuedStaffMemberDto, IssuedSupplierDto, NotificationDto, ProductDto } from '../support/api-types';
import { addChannels, advanceTo, castInfluencer, createProduct, PRODUCTION_MILESTONES, type Cast } from '../support/product-flow';
import { startReceiver, type Receiver } from '../support/receiver';
import { childStartsOf, completedRuns } from '../support/runs';
import { startSmtpSink, type SmtpSink } from '../support/smtp';
import { eventually, startTestEngine, temporalClient, type TestEngine } from '../support/stack';

jest.setTimeout(180_000);

describe('notifications', () => {
  let t: TestEngine;
  let client: Client;
  let smtp: SmtpSink;
  let staffHooks: Receiver;
  let cast: Cast;
  let anna: IssuedStaffMemberDto;
  let bo: IssuedStaffMemberDto;
  let chen: IssuedStaffMemberDto;
  beforeAll(async () => {
    smtp = await startSmtpSink({ refuseFirst: 1 });
    t = await startTestEngine({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Incubator <alerts@incubator.example>',
      REVIEW_REMINDER_AFTER: '3s',
      REVIEW_REMINDER_LIMIT: '2',
      // An order due in a few seconds is warned of halfway to its due date.
      ORDER_DUE_WARNING: '1h',
      DELIVERY_RETRY_INITIAL: '200ms',
      DELIVERY_RETRY_MAX_INTERVAL: '500ms',
      DELIVERY_MAX_ATTEMPTS: '4',
      NOTIFY_DIGEST_HOUR: '8',
    });
    client = await temporalClient();
    staffHooks = await startReceiver();
    cast = await castInfluencer(t, 'notify-mia');
    expectOk(await t.http('PATCH', `/influencers/${cast.influencerId}/contact`, { body: { email: 'Mia@Studio.example', language: 'zh-CN', timeZone: 'Asia/Shanghai' } }));
    const member = async (body: Record<string, unknown>) => expectOk(await t.http<IssuedStaffMemberDto>('POST', '/staff-members', { body }), 201);
    anna = await member({ name: 'Anna', email: 'anna@incubator.example' });
    bo = await member({ name: 'Bo', email: 'bo@incubator.example', preferredChannel: 'webhook', webhookUrl: staffHooks.url });
    staffHooks.setSecret(bo.webhookSecret!);
    chen = await member({ name: 'Chen', email: 'chen@incubator.example', timeZone: 'Asia/Tokyo', notificationMode: 'daily_digest' });
    await member({ name: 'Dev', email: 'dev@incubator.example', notificationMode: 'none' });
  });
  afterAll(async () => {
    await staffHooks?.close();
    await client?.connection.close();
    await t?.stop();
    await smtp?.stop();
  });

  const notificationsOf = async (query: string) => expectOk(await t.http<NotificationDto[]>('GET', `/notifications?${query}`));

  it('tells the influencer, in her language, that a design waits for her, and reminds her once per interval it keeps waiting, up to the limit', async () => {
    const productId = await createProduct(t, cast.influencerId);
    await advanceTo(t, cast, productId, 'DESIGN');
    expectOk(await t.http<ProductDto>('POST', `/products/${productId}/designs`, { body: { title: '亚麻连衣裙', description: 'v1' } }));
    // The first mail is refused once by the server (451): sent again, it arrives once.
    const [waiting] = await eventually('the design mail', () => (smtp.to('mia@studio.example').length >= 1 ? smtp.to('mia@studio.example') : undefined));
    expect(waiting).toMatchObject({ subject: 'Summer dress 的第 1 版设计等待你审核', from: '"Incubator" <alerts@incubator.example>', language: 'zh-CN' });
    expect(waiting.text).toContain('亚麻连衣裙');
    expect(waiting.text).toContain(productId);
    // Reminded after 3 s of waiting and again after 6 s (REVIEW_REMINDER_LIMIT 2), then no more.
    const reminders = await eventually('two reminders', () => {
      const got = smtp.to('mia@studio.example').filter((m) => m.subject.startsWith('提醒'));
      return got.length === 2 ? got : undefined;
    }, 30_000);
    expect(reminders.map((m) => m.subject)).toEqual(['提醒：Summer dress 的第 1 版设计仍在等待你', '提醒：Summer dress 的第 1 版设计仍在等待你']);

    // Each is sent once: one mail per notification, each marked sent after one refused attempt at most.
    const written = await eventually('all three sent', async () => {
      const rows = await notificationsOf(`productId=${productId}&recipientKind=influencer`);
      return rows.length === 3 && rows.every((n) => n.status === 'sent') ? rows : undefined;
    });
    expect(written.map((n) => n.kind).sort()).toEqual(['design.review_reminder', 'design.review_reminder', 'design.review_waiting']);
    const view = expectOk(await t.http<ProductDto>('GET', `/products/${productId}`));
    expect(view.designs[0].reminders).toBe(2);
    expect(view.pendingAction).toMatchObject({ by: 'influencer', action: 'REVIEW_DESIGN' });
    // The server refused the first attempt (451, the engine's first mail): the second went through.
    expect(written.find((n) => n.kind === 'design.review_waiting')!.attempts).toBe(2);
    const messageIds = smtp.to('mia@studio.example').map((m) => m.messageId);
    expect(messageIds.sort()).toEqual(written.map((n) => `<${n.id}@incubator-engine>`).sort());
    // The review ends the waiting.
    expectOk(await t.http('POST', `/products/${productId}/designs/1/review`, { key: cast.influencerKey, body: { decision: 'APPROVE' } }));
    expect(await notificationsOf(`productId=${productId}&recipientKind=influencer`)).toHaveLength(3);
    // Each notification's delivery workflow was started once by the local activity that wrote it, not as a child of
    // the product's workflow (whose history would hold its start and its completion).
    expect(await childStartsOf(client, productWorkflowId(productId))).toHaveLength(0);
    const runs = await Promise.all(written.map((n) => completedRuns(client, notificationWorkflowId(n.id))));
    expect(runs.map((r) => ({ runs: r.length, parent: r[0].parentExecution ?? null }))).toEqual(written.map(() => ({ runs: 1, parent: null })));
  });

  it('tells the influencer a sample and the launch announcement wait for her; staff when a supplier order nears its due date and when the announcement is overdue', async () => {
    const supplierHooks = await startReceiver();
    try {
      const supplier = expectOk(await t.http<IssuedSupplierDto>('POST', '/suppliers', { body: { name: 'Due Mill', outboundUrl: supplierHooks.url } }), 201);
      supplierHooks.setSecret(supplier.outboundSecret);
      const productId = await createProduct(t, cast.influencerId);
      await advanceTo(t, cast, productId, 'SAMPLING');
      const act = async (path: string, body: unknown = {}, key?: string) => expectOk(await t.http<ProductDto>('POST', `/products/${productId}${path}`, { body, key }));
      const annaGets = (label: string, subject: RegExp) => eventually(label, () => smtp.to('anna@incubator.example').find((m) => m.text.includes(productId) && subject.test(m.subject)), 30_000);
      const miaGets = (label: string, subject: string) => eventually(label, () => smtp.to('mia@studio.example').find((m) => m.text.includes(productId) && m.subject === subject), 30_000);

      // A sample request due in 4 s: staff are warned halfway, while it is still open.
      await act('/samples/requests', { supplierId: supplier.id, notes: 'size M', dueDate: new Date(Date.now() + 4_000).toISOString() });
      const sampleDue = await annaGets('Anna warned of the sample request', /^Sample request 1 of Summer dress is due /);
      expect(sampleDue.text).toContain('(Due Mill) is due');
      // The sample arrives: it waits for the influencer's review.
      await act('/samples', { notes: 'arrived, seams good' });
      await miaGets('the sample mail', 'Summer dress 的第 1 版样品等待你审核');
      await act('/samples/1/review', { decision: 'APPROVE' }, cast.influencerKey);

      // The production run, due in 4 s: warned of too, before it ships.
      await act('/production', { supplier: 'Hangzhou Mill', dueDate: new Date(Date.now() + 4_000).toISOString() });
      const runDue = await annaGets('Anna warned of the production run', /^The production run of Summer dress is due /);
      expect(runDue.text).toContain('(Hangzhou Mill) is due');
      for (const milestone of PRODUCTION_MILESTONES) await act('/production/milestones', { milestone });

      // A launch an hour away, closer than LAUNCH_APPROVAL_LEAD (24 h): she is asked to approve the
      // announcement, and, unapproved, both she and staff are told at once that it is overdue.
      await act('/launch', { launchAt: new Date(Date.now() + 3_600_000).toISOString() });
      await miaGets('the announcement mail', '请批准 Summer dress 的上市公告');
      await miaGets('the overdue mail to her', 'Summer dress 的上市公告尚未批准');
      await annaGets('the overdue mail to Anna', /^Launch announcement of Summer dress is not approved yet$/);

      // Each was written once per person: Anna has two order warnings (one per order) and one overdue alert.
      const annas = await notificationsOf(`productId=${productId}&recipientId=${anna.id}`);
      expect(annas.map((n) => n.kind).sort()).toEqual(['announcement.approval_overdue', 'order.due_soon', 'order.due_soon']);
      expect(smtp.to('anna@incubator.example').filter((m) => m.text.includes(productId))).toHaveLength(3);
      const mias = await notificationsOf(`productId=${productId}&recipientKind=influencer`);
      expect(mias.map((n) => n.kind).filter((k) => !k.endsWith('_reminder')).sort()).toEqual(['announcement.approval_overdue', 'announcement.approval_waiting', 'design.review_waiting', 'sample.review_waiting']);
      // The timeline says what staff were warned of.
      const timeline = expectOk(await t.http<{ events: { type: string; data: Record<string, unknown> }[] }>('GET', `/products/${productId}/timeline`)).events;
      expect(timeline.filter((e) => e.type === 'ORDER_DUE_SOON').map((e) => e.data.order)).toEqual(['sample-1', 'production']);
    } finally {
      await supplierHooks.close();
    }
  });

  it('tells the influencer of each of her products, also when their events have the same sequence number', async () => {
    const products = [await createProduct(t, cast.influencerId), await createProduct(t, cast.influencerId)];
    for (const productId of products) {
      await advanceTo(t, cast, productId, 'DESIGN');
      expectOk(await t.http<ProductDto>('POST', `/products/${productId}/designs`, { body: { title: 'Twin', description: 'v1' } }));
    }
    const seqs = await Promise.all(products.map(async (id) => expectOk(await t.http<ProductDto>('GET', `/products/${id}`)).seq));
    expect(seqs[0]).toBe(seqs[1]);
    for (const productId of products) {
      await eventually(`the design mail of ${productId}`, () => smtp.to('mia@studio.example').find((m) => m.text.includes(productId) && m.subject.includes('第 1 版设计等待你审核')));
      const rows = await notificationsOf(`productId=${productId}&recipientKind=influencer`);
      expect(rows.filter((n) => n.kind === 'design.review_waiting')).toHaveLength(1);
    }
  });

  it('tells staff a poll closed short, each the way they chose: mail, signed webhook, the digest, or not at all', async () => {
    const productId = await createProduct(t, cast.influencerId, {
      poll: { question: 'Which?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], durationMinutes: 60, minVotes: 5 },
    });
    expectOk(await t.http<ProductDto>('POST', `/products/${productId}/poll/close`));
    const mail = await eventually('Anna\'s mail', () => smtp.to('anna@incubator.example').find((m) => m.text.includes(productId)));
    expect(mail.subject).toBe('The poll of Summer dress closed short of its minimum');
    expect(mail.text).toContain('got 0 of the 5 votes');
    const hook = await eventually('Bo\'s webhook', () => [...staffHooks.accepted().values()].find((r) => r.body.includes(productId)));
    expect(hook.verified).toBe(true);
    expect(JSON.parse(hook.body)).toMatchObject({ type: 'notification.poll.below_minimum', data: { kind: 'poll.below_minimum', productId, subject: mail.subject } });

    const staffRows = await eventually('staff notifications settled', async () => {
      const rows = await notificationsOf(`productId=${productId}&recipientKind=staff`);
      return rows.length === 3 && rows.every((n) => n.status !== 'pending') ? rows : undefined;
    });
    const byRecipient = Object.fromEntries(staffRows.map((n) => [n.recipientId, [n.channel, n.status]]));
    // Dev turned them off: nothing is written for her.
    expect(byRecipient).toEqual({ [anna.id]: ['email', 'sent'], [bo.id]: ['webhook', 'sent'], [chen.id]: ['email', 'queued'] });
    expect(smtp.to('chen@incubator.example')).toHaveLength(0);

    // Chen's digest: at 08:xx in Tokyo (23:xx UTC) the hourly run mails her one message with what waits; a
    // second run that hour (or a retry) sends nothing more.
    const digest = (at: string) =>
      client.workflow.execute<NotificationDigestWorkflow>(NOTIFICATION_DIGEST_WORKFLOW_TYPE, { taskQueue: t.config.temporal.taskQueue, workflowId: `digest-${randomUUID()}`, args: [{ at }] });
    expect(await digest('2026-12-03T12:30:00Z')).toBe(0); // 21:30 in Tokyo: not her hour
    expect(await digest('2026-12-03T23:30:00Z')).toBe(1);
    expect(await digest('2026-12-03T23:45:00Z')).toBe(0);
    const digests = await eventually('Chen\'s digest', () => (smtp.to('chen@incubator.example').length === 1 ? smtp.to('chen@incubator.example') : undefined));
    expect(digests[0].subject).toMatch(/^\d+ things? waits? for you today$/);
    expect(digests[0].text).toContain('The poll of Summer dress closed short of its minimum');
    expect((await notificationsOf(`recipientId=${chen.id}&status=queued`)).length).toBe(0);
  });

  it('asks the influencer to approve a drafted poll, and tells staff when she asks for changes', async () => {
    const productId = await createProduct(t, cast.influencerId, { pollApproval: 'influencer' });
    const asked = await eventually('the approval mail', () => smtp.to('mia@studio.example').find((m) => m.text.includes(productId)));
    expect(asked.subject).toBe('Summer dress 的投票等待你批准');
    expect(asked.text).toContain('Which dress should we make?');
    expectOk(await t.http('POST', `/products/${productId}/poll/request-changes`, { key: cast.influencerKey, body: { feedback: 'Add a maxi option' } }));
    const told = await eventually('Anna told of the change request', () => smtp.to('anna@incubator.example').find((m) => m.text.includes(productId)));
    expect(told.subject).toBe('Changes requested to the poll of Summer dress');
    expect(told.text).toContain('Add a maxi option');
  });

  it('tells staff a post failed for good, once', async () => {
    const channelReceiver = await startReceiver();
    try {
      const other = await castInfluencer(t, 'notify-lea');
      await addChannels(t, other.influencerId, channelReceiver);
      channelReceiver.failAlways(410);
      const productId = await createProduct(t, other.influencerId);
      const alert = await eventually('Anna told of the failed post', () => smtp.to('anna@incubator.example').find((m) => m.text.includes(productId)));
      expect(alert.subject).toBe('A post of Summer dress could not be delivered');
      expect(alert.text).toContain('answered 410');
      const rows = await eventually('the alerts settled', async () => {
        const all = await notificationsOf(`productId=${productId}&recipientKind=staff`);
        return all.length === 3 && all.every((n) => n.status !== 'pending') ? all : undefined;
      });
      expect(rows.every((n) => n.kind === 'delivery.failed')).toBe(true);
    } finally {
      await channelReceiver.close();
    }
  });

  it('runs the digests every hour from the schedule the API created for its engine', async () => {
    const schedule = client.schedule.getHandle(`${NOTIFICATION_DIGEST_SCHEDULE_ID}-${t.config.temporal.taskQueue}`);
    const described = await eventually('the digest schedule', async () => schedule.describe().catch(() => undefined));
    expect(described.spec.intervals?.map((i) => i.every)).toEqual([3_600_000]);
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: NOTIFICATION_DIGEST_WORKFLOW_TYPE, taskQueue: t.config.temporal.taskQueue });
    expect(described.policies.overlap).toBe('SKIP');
    // Triggered now, it starts the digest workflow, which runs to its end on the engine's worker.
    const before = described.info.recentActions.length;
    await schedule.trigger();
    const run = await eventually('the triggered digest run', async () => (await schedule.describe()).info.recentActions[before]?.action);
    expect(run.type).toBe('startWorkflow');
    await expect(client.workflow.getHandle(run.workflow.workflowId, run.workflow.firstExecutionRunId).result()).resolves.toEqual(expect.any(Number));
  });

  it('lets only staff read notifications, and refuses a bad filter', async () => {
    expectError(await t.http('GET', '/notifications', { key: cast.influencerKey }), 403);
    expectError(await t.http('GET', '/notifications?status=lost'), 422, { fields: ['status'] });
    expectError(await t.http('PATCH', `/staff-members/${anna.id}`, { body: { notificationMode: 'hourly' } }), 422, { fields: ['notificationMode'] });
  });
});

describe('notifications without an SMTP server', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine();
  });
  afterAll(() => t?.stop());

  it('keeps staff\'s alerts in the outbox for the team before any staff member is registered', async () => {
    const cast = await castInfluencer(t, 'outbox-ines');
    const productId = await createProduct(t, cast.influencerId, {
      poll: { question: 'Which?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], durationMinutes: 60, minVotes: 2 },
    });
    expectOk(await t.http<ProductDto>('POST', `/products/${productId}/poll/close`));
    const kept = await eventually('the team\'s copy', async () => {
      const rows = expectOk(await t.http<NotificationDto[]>('GET', `/notifications?productId=${productId}&recipientKind=staff`));
      return rows.length > 0 ? rows : undefined;
    });
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ recipientId: 'staff', kind: 'poll.below_minimum', status: 'outbox', subject: 'The poll of Summer dress closed short of its minimum' });
    expect(kept[0].lastError).toContain('no active staff member to tell');
  });

  it('keeps mail in the outbox staff read, with why it was not sent', async () => {
    const cast = await castInfluencer(t, 'outbox-ola');
    const member = expectOk(await t.http<IssuedStaffMemberDto>('POST', '/staff-members', { body: { name: 'Eve', email: 'eve@incubator.example' } }), 201);
    const productId = await createProduct(t, cast.influencerId, {
      poll: { question: 'Which?', options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }], durationMinutes: 60, minVotes: 3 },
    });
    expectOk(await t.http<ProductDto>('POST', `/products/${productId}/poll/close`));
    const [kept] = await eventually('the outbox', async () => {
      const rows = expectOk(await t.http<NotificationDto[]>('GET', `/notifications?status=outbox&recipientId=${member.id}`));
      return rows.length > 0 ? rows : undefined;
    });
    expect(kept).toMatchObject({ kind: 'poll.below_minimum', channel: 'email', productId, subject: 'The poll of Summer dress closed short of its minimum', attempts: 0 });
    expect(kept.lastError).toContain('no SMTP server is configured');
  });
});
