// The fan identity the one-vote-per-fan rule compares: examples of each rule, and properties over
// generated variants of one identity (spaces, invisible characters, full-width forms, case).
import fc from 'fast-check';
import { FAN_ID_CASE, FAN_ID_MAX_LENGTH, normaliseFanId, type FanIdentity } from './fan-identity';
import { PLATFORMS, type Platform } from './platforms';

const id = (userId: string): FanIdentity => ({ ok: true, userId });
const refused = (reason: RegExp) => ({ ok: false, reason: expect.stringMatching(reason) as unknown });

describe('normaliseFanId', () => {
  it.each([
    ['surrounding spaces, tabs and new lines', '  \t5829301147\n', '5829301147'],
    ['no-break and ideographic spaces around', '\u00a0\u30005829301147\u2003', '5829301147'],
    ['zero-width space, joiners, word joiner and BOM inside', '58\u200b29\u200c30\u200d11\u206047\ufeff', '5829301147'],
    ['soft hyphen, direction marks, variation selector, Hangul filler', '\u200efan\u00ad\ufe0f-1\u3164\u200f', 'fan-1'],
    ['full-width digits and letters', '５８２９３０１１４７', '5829301147'],
    ['full-width punctuation', 'ｍｉａ．ｓｔｙｌｅ＿１', 'mia.style_1'],
    ['upper case on a case-insensitive platform', 'Mia.Style', 'mia.style'],
    ['full-width upper case', 'ＭＩＡ', 'mia'],
    ['Chinese characters, kept as they are', ' 小红书粉丝 ', '小红书粉丝'],
  ])('normalises %s', (_, raw, expected) => {
    expect(normaliseFanId('weibo', raw)).toEqual(id(expected));
  });

  it('keeps letter case on platforms whose ids are case-sensitive tokens', () => {
    expect(normaliseFanId('douyin', ' MS4wLjABAAAAx\u200bYz ')).toEqual(id('MS4wLjABAAAAxYz'));
    expect(normaliseFanId('tiktok', 'ＡｂＣ')).toEqual(id('AbC'));
    expect(normaliseFanId('tiktok', 'abc')).not.toEqual(normaliseFanId('tiktok', 'ABC'));
  });

  it('lower-cases exactly the platforms listed as case-insensitive', () => {
    for (const platform of PLATFORMS) {
      const expected = FAN_ID_CASE[platform] === 'insensitive' ? 'fan-abc' : 'Fan-ABC';
      expect(normaliseFanId(platform, 'Fan-ABC')).toEqual(id(expected));
    }
    expect(PLATFORMS.filter((p) => FAN_ID_CASE[p] === 'sensitive')).toEqual(['douyin', 'tiktok']);
  });

  it('refuses a value that is empty once normalised', () => {
    for (const raw of ['', '   ', '\u200b\u200d\ufeff', ' \u00ad\u3000\u2060 ']) {
      expect(normaliseFanId('weibo', raw)).toEqual(refused(/^is empty once white space and invisible characters are removed$/));
    }
  });

  it('refuses white space inside rather than guessing whether it separates two fans', () => {
    expect(normaliseFanId('x', 'fan 1')).toEqual(refused(/must not contain white space/));
    expect(normaliseFanId('x', 'fan\u30001')).toEqual(refused(/must not contain white space/));
    expect(normaliseFanId('x', 'fan\n1')).toEqual(refused(/must not contain white space/));
  });

  it('refuses control characters and unpaired surrogates', () => {
    for (const raw of ['fan\u00001', 'fan\u001b', '\u007ffan', 'fan\ud800']) {
      expect(normaliseFanId('weibo', raw)).toEqual(refused(/control characters or unpaired surrogates/));
    }
  });

  it('refuses an id longer than the column once normalised, counting code points', () => {
    expect(normaliseFanId('weibo', '😀'.repeat(FAN_ID_MAX_LENGTH))).toEqual(id('😀'.repeat(FAN_ID_MAX_LENGTH)));
    // One compatibility character can expand: the square "㌀" is the four katakana "アパート" in NFKC.
    expect(normaliseFanId('weibo', '\u3300'.repeat(40))).toEqual(refused(/is 160 characters once normalised; at most 128/));
  });
});

describe('normaliseFanId over generated variants of one identity', () => {
  const platform = fc.constantFrom(...PLATFORMS);
  const lower = 'abcdefghijklmnopqrstuvwxyz0123456789._-';
  const mixed = `${lower}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;
  const canonicalChar = (p: Platform) =>
    fc.oneof({ arbitrary: fc.constantFrom(...(FAN_ID_CASE[p] === 'insensitive' ? lower : mixed)), weight: 9 }, { arbitrary: fc.constantFrom(...'小红书粉丝微博'), weight: 1 });
  /** A platform and an identity already in normal form on it. */
  const fan = platform.chain((p) => fc.tuple(fc.constant(p), fc.array(canonicalChar(p), { minLength: 1, maxLength: 40 }).map((cs) => cs.join(''))));

  const space = fc.constantFrom(' ', '\t', '\n', '\r\n', '\u00a0', '\u3000', '\u2003', '\u202f', '\ufeff');
  const invisible = fc.constantFrom('\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u200e', '\u034f', '\ufe0f', '\u3164');
  const fullWidth = (c: string) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c);
  const flipCase = (c: string) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase());

  /** The identity as a connector might pass it on: each character possibly full-width, case-flipped, followed by invisibles. */
  const variant = ([p, canonical]: [Platform, string]) =>
    fc
      .record({
        before: fc.array(space, { maxLength: 3 }),
        after: fc.array(space, { maxLength: 3 }),
        chars: fc.tuple(
          ...[...canonical].map((c) =>
            fc
              .record({ wide: fc.boolean(), flip: fc.boolean(), then: fc.array(invisible, { maxLength: 2 }) })
              .map(({ wide, flip, then }) => {
                const cased = flip && FAN_ID_CASE[p] === 'insensitive' ? flipCase(c) : c;
                return (wide ? fullWidth(cased) : cased) + then.join('');
              }),
          ),
        ),
      })
      .map(({ before, after, chars }) => before.join('') + chars.join('') + after.join(''));

  it('normalises every variant of one fan to the same identity, so the fan is counted once', () => {
    fc.assert(
      fc.property(
        fan.chain((f) => fc.tuple(fc.constant(f), fc.array(variant(f), { minLength: 2, maxLength: 6 }))),
        ([[p, canonical], variants]) => {
          expect(normaliseFanId(p, canonical)).toEqual(id(canonical));
          const identities = new Set(variants.map((v) => JSON.stringify(normaliseFanId(p, v))));
          expect([...identities]).toEqual([JSON.stringify(id(canonical))]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps two fans apart on a case-sensitive platform when their ids differ only in case', () => {
    const sensitive = PLATFORMS.filter((p) => FAN_ID_CASE[p] === 'sensitive');
    fc.assert(
      fc.property(fc.constantFrom(...sensitive), fc.stringMatching(/^[A-Za-z0-9_-]{0,20}[A-Za-z][A-Za-z0-9_-]{0,20}$/), (p, canonical) => {
        const other = canonical.replace(/[A-Za-z]/, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
        expect(normaliseFanId(p, other)).not.toEqual(normaliseFanId(p, canonical));
      }),
    );
  });

  it('is idempotent on any string: a normalised identity normalises to itself', () => {
    fc.assert(
      fc.property(platform, fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary-ascii' })), (p, raw) => {
        const once = normaliseFanId(p, raw);
        if (once.ok) expect(normaliseFanId(p, once.userId)).toEqual(once);
      }),
      { numRuns: 2000 },
    );
  });
});
