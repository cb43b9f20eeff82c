// Live poll results for fans: counts per option and the total from the counters vote intake keeps, read
// at most once per LIVE_RESULTS_TTL per product and API instance, never by scanning the votes.

import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { isEntityId, PollVoteCountRepository } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import { PromiseCache } from '../common/promise-cache';
import { CONFIG } from '../common/tokens';
import type { LiveResultsDto } from './dto/vote.dto';

const MAX_CACHED = 10_000;

@Injectable()
export class LiveResultsService {
  private readonly cache: PromiseCache<string, LiveResultsDto>;

  constructor(
    private readonly counts: PollVoteCountRepository,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.cache = new PromiseCache({ maxEntries: MAX_CACHED, ttlMs: () => config.votes.liveResultsTtlMs, pendingMs: config.votes.liveResultsTtlMs });
  }

  get(productId: string): Promise<LiveResultsDto> {
    return this.cache.get(productId, () => this.load(productId));
  }

  private async load(productId: string): Promise<LiveResultsDto> {
    const asOf = new Date().toISOString();
    const row = isEntityId(productId) ? await this.counts.livePoll(productId) : null;
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `product ${productId} does not exist`);
    // A draft's question and options are not public until the influencer approves them (poll moderation).
    if (row.status === 'DRAFT') throw new DomainError(DomainErrorCode.NotFound, `the poll of product ${productId} is not public yet`);
    const { counts, totalVotes } = row;
    return {
      productId,
      question: row.question,
      status: row.status,
      closesAt: row.closesAt.toISOString(),
      totalVotes,
      options: row.options.map((o) => {
        const votes = counts[o.id] ?? 0;
        return { id: o.id, label: o.label, votes, percent: totalVotes > 0 ? Math.round((votes / totalVotes) * 1000) / 10 : 0 };
      }),
      winningOptionId: row.status === 'CLOSED' && row.result ? row.result.winningOptionId : null,
      asOf,
    };
  }
}
