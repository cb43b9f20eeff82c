// One fan, one vote, end to end: variants of one fan's user id (spaces, zero-width characters, full-width
// forms, case where the platform ignores it) sent through the signed webhook count once, the raw value is
// stored beside the normalised one, and platforms come from one closed list.
import { PLATFORMS } from '@app/domain';
import type { LiveResultsDto, VoteReceiptDto } from '../support/api-types';
import { castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { deliver, inParallel, registerSource, sign, voteBody, type Source } from '../support/votes';
import { expectError, expectOk, recordAttacks } from './e2e-helpers';

/** The part of GET /products/:id this suite reads: the tally the workflow took when the poll closed. */
interface TalliedProduct {
  poll: { status: string; result?: { totalVotes: number; counts: { optionId: string; votes: number }[] } | null };
}

interface StoredVote {
  platform: string;
  platform_user_id: string;
  platform_user_id_raw: string;
  option_id: string;
}

const secondVotes = recordAttacks("one fan's id respelled (spaces, zero-width, full-width, case) to vote again");

describe('one fan, one vote', () => {
  let t: TestEngine;
  let mia: Cast;
  let weibo: Source;
  let douyin: Source;

  beforeAll(async () => {
    t = await startTestEngine();
    mia = await castInfluencer(t, 'mia');
    weibo = await registerSource(t, { platform: 'weibo' });
    douyin = await registerSource(t, { platform: 'douyin' });
  });
  afterAll(() => t?.stop());

  const storedVotes = async (productId: string): Promise<StoredVote[]> =>
    t.db.dataSource.query(`SELECT platform, platform_user_id, platform_user_id_raw, option_id FROM votes WHERE product_id = $1 ORDER BY platform, platform_user_id COLLATE "C"`, [
      productId,
    ]);

  const vote = async (source: Source, productId: string, optionId: string, userId: string) =>
    deliver(t, source, sign(source.secret, voteBody(productId, optionId, userId, source.platform)));

  const liveTotal = (productId: string, total: number) =>
    eventually(`live results to show ${total} votes`, async () => {
      const r = expectOk(await t.http<LiveResultsDto>('GET', `/products/${productId}/poll/results`, { key: null }));
      return r.totalVotes === total ? r : undefined;
    });

  const tallied = async (productId: string) => {
    expectOk(await t.http('POST', `/products/${productId}/poll/close`));
    return eventually('the poll to be tallied', async () => {
      const product = expectOk(await t.http<TalliedProduct>('GET', `/products/${productId}`));
      return product.poll.result ?? undefined;
    });
  };

  /** Spellings of the Weibo fan "mia.fan-<n>" (n in ASCII digits) as a connector might pass them on. */
  const weiboVariants = (n: string) => {
    const wide = [...n].map((d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)).join('');
    return [` Mia.Fan-${n} `, `MIA.FAN-${n}`, `ｍｉａ．ｆａｎ－${wide}`, `mia\u200b.fan-${n}\ufeff`, `\u3000Mia.Fan\u200d-${n}\t`, `\u2060ＭＩＡ.fan-${wide}\u00ad`];
  };

  it('counts variants of one fan\'s id once, in the live results and the tally, and stores the id as sent', async () => {
    const productId = await createProduct(t, mia.influencerId);
    // Sent one after the other, so the first is the one stored.
    const [first, ...rest] = weiboVariants('5829');
    expect(expectOk(await vote(weibo, productId, 'wrap', first), 202)).toMatchObject({ result: 'counted' });
    for (const [i, variant] of rest.entries()) {
      const answer = expectOk(await vote(weibo, productId, i % 2 ? 'midi' : 'slip', variant));
      expect({ variant, answer }).toEqual({ variant, answer: expect.objectContaining({ result: 'duplicate', reason: 'already-voted' }) as VoteReceiptDto });
      secondVotes.checked((answer as VoteReceiptDto).result === 'duplicate', `variant ${JSON.stringify(variant)} counted once`);
    }
    // Douyin ids are case-sensitive tokens: two fans, whatever spaces or zero-width characters come with them.
    expectOk(await vote(douyin, productId, 'midi', 'MS4wLjABAAAAx9'), 202);
    expectOk(await vote(douyin, productId, 'midi', 'ms4wljabaaaax9'), 202);
    expect(expectOk(await vote(douyin, productId, 'wrap', ' MS4wLjABAAAA\u200bx９ '))).toMatchObject({ result: 'duplicate', reason: 'already-voted' });

    expect(await storedVotes(productId)).toEqual([
      { platform: 'douyin', platform_user_id: 'MS4wLjABAAAAx9', platform_user_id_raw: 'MS4wLjABAAAAx9', option_id: 'midi' },
      { platform: 'douyin', platform_user_id: 'ms4wljabaaaax9', platform_user_id_raw: 'ms4wljabaaaax9', option_id: 'midi' },
      { platform: 'weibo', platform_user_id: 'mia.fan-5829', platform_user_id_raw: first, option_id: 'wrap' },
    ]);
    const live = await liveTotal(productId, 3);
    expect(live.options.map((o) => [o.id, o.votes])).toEqual([
      ['midi', 2],
      ['wrap', 1],
      ['slip', 0],
    ]);
    const result = await tallied(productId);
    expect(result.totalVotes).toBe(3);
    expect(Object.fromEntries(result.counts.map((c) => [c.optionId, c.votes]))).toEqual({ midi: 2, wrap: 1, slip: 0 });
  });

  it('counts one vote when the variants arrive at once and are committed in one batch', async () => {
    const productId = await createProduct(t, mia.influencerId);
    const variants = weiboVariants('7777');
    const answers = await inParallel(variants.length, variants.map((v) => () => vote(weibo, productId, 'midi', v)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 202]);
    const stored = await storedVotes(productId);
    expect(stored).toHaveLength(1);
    expect(stored[0].platform_user_id).toBe('mia.fan-7777');
    // The raw value kept is the one whose delivery was counted.
    const counted = answers.findIndex((a) => a.status === 202);
    expect(stored[0].platform_user_id_raw).toBe(variants[counted]);
    await liveTotal(productId, 1);
  });

  it('answers 422 for a user id that is empty once normalised, has white space inside or grows too long', async () => {
    const productId = await createProduct(t, mia.influencerId);
    expectError(await vote(weibo, productId, 'midi', '\u200b \u200d\ufeff'), 422, { fields: ['voter.userId'], message: 'voter.userId is empty once white space' });
    expectError(await vote(weibo, productId, 'midi', 'mia fan'), 422, { fields: ['voter.userId'], message: 'must not contain white space' });
    expectError(await vote(weibo, productId, 'midi', '\u3300'.repeat(40)), 422, { fields: ['voter.userId'], message: 'is 160 characters once normalised' });
    expect(await storedVotes(productId)).toEqual([]);
  });

  it('takes platforms only from the closed list, and says which ones', async () => {
    const allowed = PLATFORMS.join(', ');
    expectError(await t.http('POST', '/webhook-sources', { body: { name: 'MySpace poll', platform: 'myspace' } }), 422, {
      fields: ['platform'],
      message: `platform must be one of ${allowed}`,
    });
    expectError(await t.http('POST', '/webhook-sources', { body: { name: 'Weibo poll', platform: 'Weibo' } }), 422, { fields: ['platform'] });
    const productId = await createProduct(t, mia.influencerId);
    expectError(await deliver(t, weibo, sign(weibo.secret, voteBody(productId, 'midi', 'fan-1', 'myspace'))), 422, {
      fields: ['voter.platform'],
      message: `voter.platform must be one of ${allowed}`,
    });
  });

  it('refuses votes from a source registered before platforms came from the list, saying what to do', async () => {
    const legacy = await registerSource(t, { platform: 'weibo' });
    await t.db.dataSource.query(`UPDATE webhook_sources SET platform = 'myspace' WHERE id = $1`, [legacy.id]);
    const productId = await createProduct(t, mia.influencerId);
    // The source cache may still hold the row as registered for at most WEBHOOK_SOURCE_CACHE_TTL.
    await eventually('the source to be read again', async () => {
      const res = await vote(legacy, productId, 'midi', `legacy-${Date.now()}`);
      return res.status === 409 ? res : undefined;
    }).then((res) => expectError(res, 409, { message: `webhook source ${legacy.id} was registered for platform "myspace"` }));
    expect(await storedVotes(productId)).toEqual([]);
  });
});
