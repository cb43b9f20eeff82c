import { visitorId } from './visitor.service';

describe('visitor ids', () => {
  const key = Buffer.alloc(32, 7);
  const day = new Date('2026-11-18T10:00:00.000Z');

  it('are the same for one address and user agent on one UTC day, and reveal neither', () => {
    const id = visitorId(key, '203.0.113.9', 'Mozilla/5.0', day);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(visitorId(key, '203.0.113.9', 'Mozilla/5.0', new Date('2026-11-18T23:59:59.000Z'))).toBe(id);
    expect(id).not.toContain('203');
  });

  it('differ by address, user agent, day and key', () => {
    const id = visitorId(key, '203.0.113.9', 'Mozilla/5.0', day);
    expect(visitorId(key, '203.0.113.10', 'Mozilla/5.0', day)).not.toBe(id);
    expect(visitorId(key, '203.0.113.9', 'Mozilla/5.1', day)).not.toBe(id);
    expect(visitorId(key, '203.0.113.9', 'Mozilla/5.0', new Date('2026-11-19T00:00:00.000Z'))).not.toBe(id);
    expect(visitorId(Buffer.alloc(32, 8), '203.0.113.9', 'Mozilla/5.0', day)).not.toBe(id);
  });
});
