// Live poll results for fans: counts per option and the total from the counters vote intake keeps, read
// at most once per LIVE_RESULTS_TTL per product and API instance, never by scanning the votes.

import { isEntityId } from '@app/database';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { DomainError, DomainErrorCode, type PollOption, type PollResult } from '@app/domain';
import { DataSource } from 'typeorm';
import { PromiseCache } from '../common/promise-cache';
import { CONFIG } from '../common/tokens';
import type { LiveResultsDto } from './dto/vote.dto';

interface Row {
  question: string;
  options: PollOption[];
  status: string;
  closes_at: Date;
  result: PollResult | null;
  total: number;
  counts: Record<string, number> | null;
}

const MAX_CACHED = 10_000;

@Injectable()
export class LiveResultsService {
  private readonly cache: PromiseCache<string, LiveResultsDto>;

  constructor(
    private readonly db: DataSource,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.cache = new PromiseCache({ maxEntries: MAX_CACHED, ttlMs: () => config.votes.liveResultsTtlMs, pendingMs: config.votes.liveResultsTtlMs });
  }

  get(productId: string): Promise<LiveResultsDto> {
    return this.cache.get(productId, () => this.load(productId));
  }

  private async load(productId: string): Promise<LiveResultsDto> {
    const asOf = new Date().toISOString();
    const rows: Row[] = isEntityId(productId)
      ? await this.db.query(
          `SELECT p.question, p.options, p.status, p.closes_at, p.result, coalesce(t.votes, 0)::int AS total,
                  (SELECT json_object_agg(c.option_id, c.votes) FROM poll_vote_counts c WHERE c.product_id = p.product_id) AS counts
           FROM polls p LEFT JOIN poll_vote_totals t ON t.product_id = p.product_id
           WHERE p.product_id = $1`,
          [productId],
        )
      : [];
    const row = rows[0];
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `product ${productId} does not exist`);
    const counts = row.counts ?? {};
    return {
      productId,
      question: row.question,
      status: row.status,
      closesAt: new Date(row.closes_at).toISOString(),
      totalVotes: row.total,
      options: row.options.map((o) => {
        const votes = counts[o.id] ?? 0;
        return { id: o.id, label: o.label, votes, percent: row.total > 0 ? Math.round((votes / row.total) * 1000) / 10 : 0 };
      }),
      winningOptionId: row.status === 'CLOSED' && row.result ? row.result.winningOptionId : null,
      asOf,
    };
  }
}
