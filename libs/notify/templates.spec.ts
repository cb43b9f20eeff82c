// The words of notifications (templates.ts): language, the recipient's time zone, digests.
import { localTime, renderDigest, renderNotification } from './templates';

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

  it('gathers several into one digest', () => {
    const digest = renderDigest([{ subject: 'A', body: 'a' }, { subject: 'B', body: 'b' }], 'en');
    expect(digest.subject).toBe('2 things wait for you today');
    expect(digest.body.startsWith('• A\n• B\n\n')).toBe(true);
    expect(renderDigest([{ subject: 'A', body: 'a' }], 'zh-CN').subject).toBe('今天有 1 件事等你处理');
  });
});
