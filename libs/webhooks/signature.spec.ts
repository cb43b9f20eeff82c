// Vectors are produced by the `standardwebhooks` reference library, as any connector would sign them.
import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, NativeHmacWebhook, SignatureError, signedWebhookHeaders, SignatureVerifier, type SignatureFailure } from './signature';

const body = JSON.stringify({ productId: 'p-1', optionId: 'midi', voter: { platform: 'weibo', userId: '42' }, occurredAt: '2026-11-24T10:00:00Z' });
const nowSeconds = () => Math.floor(Date.now() / 1000);

function signed(secret: string, opts: { id?: string; at?: number; payload?: string } = {}) {
  const id = opts.id ?? 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W';
  const at = opts.at ?? nowSeconds();
  return {
    'webhook-id': id,
    'webhook-timestamp': String(at),
    'webhook-signature': new Webhook(secret).sign(id, new Date(at * 1000), opts.payload ?? body),
  };
}

function failure(run: () => void): SignatureFailure | 'passed' {
  try {
    run();
    return 'passed';
  } catch (err) {
    if (err instanceof SignatureError) return err.reason;
    throw err;
  }
}

describe('SignatureVerifier (Standard Webhooks)', () => {
  const secret = generateWebhookSecret();
  const verifier = new SignatureVerifier([secret]);

  it('generates whsec_ secrets of 32 random bytes', () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it('accepts a delivery signed by a Standard Webhooks library, as a string or as the raw bytes', () => {
    expect(failure(() => verifier.verify(body, signed(secret)))).toBe('passed');
    expect(failure(() => verifier.verify(Buffer.from(body), signed(secret)))).toBe('passed');
  });

  it('accepts a signature computed from the specification by hand (HMAC-SHA256 over "id.timestamp.body" with the decoded secret)', () => {
    const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
    const at = String(nowSeconds());
    const mac = createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${id}.${at}.${body}`).digest('base64');
    expect(failure(() => verifier.verify(body, { 'webhook-id': id, 'webhook-timestamp': at, 'webhook-signature': `v1,${mac}` }))).toBe('passed');
  });

  it('refuses a tampered body, a changed id and a changed timestamp', () => {
    const headers = signed(secret);
    expect(failure(() => verifier.verify(body.replace('midi', 'wrap'), headers))).toBe('no-matching-signature');
    expect(failure(() => verifier.verify(body, { ...headers, 'webhook-id': 'msg_other' }))).toBe('no-matching-signature');
    expect(failure(() => verifier.verify(body, { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) - 1) }))).toBe(
      'no-matching-signature',
    );
  });

  it('refuses a signature made with another secret', () => {
    expect(failure(() => verifier.verify(body, signed(generateWebhookSecret())))).toBe('no-matching-signature');
  });

  it('refuses timestamps more than five minutes old or ahead, and accepts them just inside', () => {
    expect(failure(() => verifier.verify(body, signed(secret, { at: nowSeconds() - 301 })))).toBe('stale-timestamp');
    expect(failure(() => verifier.verify(body, signed(secret, { at: nowSeconds() + 301 })))).toBe('future-timestamp');
    expect(failure(() => verifier.verify(body, signed(secret, { at: nowSeconds() - 290 })))).toBe('passed');
    expect(failure(() => verifier.verify(body, signed(secret, { at: nowSeconds() + 290 })))).toBe('passed');
  });

  it('accepts several space-separated signatures when one matches, ignoring unknown versions', () => {
    const headers = signed(secret);
    const other = signed(generateWebhookSecret())['webhook-signature'];
    const withOthers = { ...headers, 'webhook-signature': `v1a,c29tZXRoaW5n ${other} ${headers['webhook-signature']}` };
    expect(failure(() => verifier.verify(body, withOthers))).toBe('passed');
    const onlyWrongVersion = { ...headers, 'webhook-signature': headers['webhook-signature'].replace('v1,', 'v2,') };
    expect(failure(() => verifier.verify(body, onlyWrongVersion))).toBe('no-matching-signature');
  });

  it('accepts the previous secret while it is still listed (rotation) and only then', () => {
    const next = generateWebhookSecret();
    const rotating = new SignatureVerifier([next, secret]);
    expect(failure(() => rotating.verify(body, signed(secret)))).toBe('passed');
    expect(failure(() => rotating.verify(body, signed(next)))).toBe('passed');
    expect(failure(() => new SignatureVerifier([next]).verify(body, signed(secret)))).toBe('no-matching-signature');
  });

  it('refuses missing headers and a timestamp that is not whole seconds', () => {
    const headers = signed(secret);
    expect(failure(() => verifier.verify(body, { ...headers, 'webhook-signature': undefined }))).toBe('missing-headers');
    expect(failure(() => verifier.verify(body, { ...headers, 'webhook-id': undefined }))).toBe('missing-headers');
    expect(failure(() => verifier.verify(body, { ...headers, 'webhook-timestamp': undefined }))).toBe('missing-headers');
    expect(failure(() => verifier.verify(body, { ...headers, 'webhook-timestamp': `${headers['webhook-timestamp']}abc` }))).toBe('bad-timestamp');
    expect(failure(() => verifier.verify(body, { ...headers, 'webhook-timestamp': 'soon' }))).toBe('bad-timestamp');
  });

  it('explains each failure in words a connector developer can act on', () => {
    try {
      verifier.verify(body, signed(secret, { at: nowSeconds() - 3600 }));
    } catch (err) {
      expect((err as Error).message).toBe('webhook-timestamp is more than five minutes old');
    }
    expect.assertions(1);
  });
});

describe('NativeHmacWebhook', () => {
  it('signs exactly as the reference library does, for every kind of payload', () => {
    const payloads: Array<string | Buffer> = [
      body,
      '',
      '{"name":"连衣裙 midi — été","emoji":"👗🔥"}',
      'lone surrogate \ud800 and \udfff',
      'x'.repeat(70_000),
      Buffer.from('{"bytes":"连衣裙"}'),
      Buffer.from([0xff, 0xfe, 0x00, 0x41]),
    ];
    for (const secret of [generateWebhookSecret(), generateWebhookSecret().slice('whsec_'.length)]) {
      const reference = new Webhook(secret);
      const native = new NativeHmacWebhook(secret);
      for (const payload of payloads) {
        for (const at of [new Date(0), new Date('2026-12-04T10:00:00.999Z')]) {
          expect(native.sign('msg_2KWPBgLlAfxdpx2AI54pPJ85f4W', at, payload)).toBe(reference.sign('msg_2KWPBgLlAfxdpx2AI54pPJ85f4W', at, payload));
        }
      }
    }
  });

  it('refuses the secrets and payloads the library refuses', () => {
    expect(() => new NativeHmacWebhook('whsec_')).toThrow("Secret can't be empty.");
    expect(() => new NativeHmacWebhook('whsec_not base64!')).toThrow();
    expect(() => new NativeHmacWebhook(generateWebhookSecret()).sign('id', new Date(), 42 as unknown as string)).toThrow('Expected payload to be of type string or Buffer.');
  });
});

describe('signedWebhookHeaders', () => {
  it('signs with every given secret, so a receiver on either side of a rotation verifies', () => {
    const [previous, current, stranger] = [generateWebhookSecret(), generateWebhookSecret(), generateWebhookSecret()];
    const body = JSON.stringify({ type: 'social_update.published' });
    const headers = signedWebhookHeaders([current, previous], 'dlv-abc', body);
    expect(headers['webhook-id']).toBe('dlv-abc');
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new SignatureVerifier([previous]).verify(body, headers)).not.toThrow();
    expect(() => new SignatureVerifier([current]).verify(body, headers)).not.toThrow();
    expect(() => new SignatureVerifier([stranger]).verify(body, headers)).toThrow(SignatureError);
    expect(() => new SignatureVerifier([current]).verify(`${body} `, headers)).toThrow(SignatureError);
  });
});
