// The words of notifications (templates.ts): language, the recipient's time zone, digests.
import { localTime, renderDigest, renderNotification, renderSignInMail } from './templates';

describe('renderNotification', () => {
  const details = { productName: 'Linen midi', launchAt: '2027-03-01T12:00:00.000Z' };

  it('writes the launch time in the recipient\'s zone and language', () => {
    const en = renderNotification({ kind: 'announcement.approval_waiting', language: 'en', timeZone: 'America/New_York', productId: 'p-1', details });
    expect(en.subject).toBe('Approve the launch announcement of Linen midi');
    expect(en.body).toContain('Mar 1, 2027, 7:00 AM EST');
    expect(en.body).toContain('Product: Linen midi (p-1)');
    const zh = renderNotification({ kind: 'announcement.approval_waiting', language: 'zh-CN', timeZone: 'Asia/Shanghai', productId: 'p-1', details });
    expect(zh.subject).toBe('请批准 Linen midi 的上市公告');
    expect(zh.body).toContain(localTime(details.launchAt, 'zh-CN', 'Asia/Shanghai'));
    expect(zh.body).toMatch(/20:00/);
  });

  it('names counts and the sell-through as a share', () => {
    expect(renderNotification({ kind: 'poll.below_minimum', language: 'en', timeZone: 'UTC', productId: 'p-1', details: { productName: 'X', totalVotes: 3, minVotes: 10 } }).body).toContain('got 3 of the 10 votes');
    expect(renderNotification({ kind: 'restock.proposed', language: 'en', timeZone: 'UTC', productId: 'p-1', details: { productName: 'X', number: 2, sellThrough: 0.734 } }).body).toContain('sold 73% of its stock');
  });

  it('names the order that nears its due date, its supplier and the date in the recipient\'s zone', () => {
    const due = { productName: 'Linen midi', order: 'sample-2', supplier: 'Atelier Nord', dueDate: '2027-03-01T12:00:00.000Z' };
    const en = renderNotification({ kind: 'order.due_soon', language: 'en', timeZone: 'Europe/Paris', productId: 'p-1', details: due });
    expect(en.subject).toBe('Sample request 2 of Linen midi is due Mar 1, 2027, 1:00 PM GMT+1');
    expect(en.body).toContain('(Atelier Nord)');
    expect(renderNotification({ kind: 'order.due_soon', language: 'en', timeZone: 'UTC', productId: 'p-1', details: { ...due, order: 'production' } }).subject).toMatch(/^The production run of Linen midi/);
    const zh = renderNotification({ kind: 'order.due_soon', language: 'zh-CN', timeZone: 'Asia/Shanghai', productId: 'p-1', details: { ...due, order: 'restock-1' } });
    expect(zh.subject).toBe(`Linen midi 的第 1 次补货将于 ${localTime(due.dueDate, 'zh-CN', 'Asia/Shanghai')} 到期`);
  });

  it('gathers several into one digest', () => {
    const digest = renderDigest([{ subject: 'A', body: 'a' }, { subject: 'B', body: 'b' }], 'en');
    expect(digest.subject).toBe('2 things wait for you today');
    expect(digest.body.startsWith('• A\n• B\n\n')).toBe(true);
    expect(renderDigest([{ subject: 'A', body: 'a' }], 'zh-CN').subject).toBe('今天有 1 件事等你处理');
  });
});

describe('links in messages', () => {
  it('gives an influencer\'s notification her page\'s link, in her language, after the product', () => {
    const input = { kind: 'design.review_waiting' as const, timeZone: 'UTC', productId: 'p-1', details: { productName: 'X', round: 1 }, pageLink: '{{magic-link}}' };
    expect(renderNotification({ ...input, language: 'en' }).body.endsWith('Product: X (p-1)\n\nOpen your page on your phone: {{magic-link}}')).toBe(true);
    expect(renderNotification({ ...input, language: 'zh-CN' }).body.endsWith('在手机上打开你的页面：{{magic-link}}')).toBe(true);
    expect(renderNotification({ ...input, pageLink: undefined, language: 'en' }).body).not.toContain('Open your page');
  });

  it('writes the sign-in mail with its link and how long it lasts', () => {
    const mail = renderSignInMail('en', 'https://e.example/app/sign-in#token=abc', 15);
    expect(mail.subject).toBe('Sign in to the incubator engine');
    expect(mail.body).toContain('valid for 15 minutes, once):\nhttps://e.example/app/sign-in#token=abc\n');
    expect(renderSignInMail('zh-CN', 'L', 15).body).toContain('15 分钟内有效');
  });
});
