// Durable-before-acknowledge vote intake with group commit: concurrent votes are written together by one
// statement (VoteRepository.insertBatch: the votes, the live counts, the totals and any milestone crossed)
// and one commit; each request is answered after its batch has committed.
//
// Closing a poll is race-free: every batch holds its polls' rows FOR SHARE while it inserts, and the
// tally's close of intake waits for those batches and makes later ones find the poll not open. So a vote
// acknowledged before the close is counted and one after it is refused with 409.

import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { isDatabaseUnavailable, VoteRepository, type NewVote, type StoredDelivery } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import { CONFIG } from '../common/tokens';
import { ApiMetrics } from '../metrics/api-metrics';
import { GroupCommitClosedError, GroupCommitter } from './group-commit';
import { MilestoneNotifier } from './milestone-notifier.service';

export type DuplicateReason = 'redelivery' | 'already-voted';

export type VoteOutcome =
  | { kind: 'counted' }
  /** reason is absent only when the lookup of the stored vote failed after the commit. */
  | { kind: 'duplicate'; reason?: DuplicateReason }
  | { kind: 'poll-not-open'; status: string | null; closesAt: string | null }
  | { kind: 'failed'; error: unknown };

function fanKey(v: Pick<NewVote, 'productId' | 'platform' | 'platformUserId'>): string {
  return `${v.productId}\u0000${v.platform}\u0000${v.platformUserId}`;
}

/** The same webhook delivery: a redelivery when it comes again. */
type DeliveryRef = Pick<StoredDelivery, 'sourceId' | 'webhookId'>;

function sameDelivery(a: DeliveryRef, b: DeliveryRef): boolean {
  return a.sourceId === b.sourceId && a.webhookId === b.webhookId;
}

@Injectable()
export class VoteIntakeService implements OnApplicationShutdown {
  private readonly logger = new Logger('VoteIntake');
  private readonly committer: GroupCommitter<NewVote, VoteOutcome>;

  constructor(
    private readonly votes: VoteRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
    private readonly milestones: MilestoneNotifier,
    metrics: ApiMetrics,
  ) {
    this.committer = metrics.intakeCommitter('vote', config, (votes: NewVote[]) => this.flush(votes));
  }

  /** Resolves once the vote is committed (or known to be a duplicate, or refused because the poll is not open). */
  async record(vote: NewVote): Promise<Exclude<VoteOutcome, { kind: 'failed' }>> {
    const outcome = await this.committer.submit(vote).catch((err: unknown) => {
      if (err instanceof GroupCommitClosedError) throw new DomainError(DomainErrorCode.DependencyUnavailable, err.message);
      throw err;
    });
    if (outcome.kind === 'failed') throw outcome.error;
    return outcome;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.committer.drain();
  }

  private async flush(votes: NewVote[]): Promise<VoteOutcome[]> {
    // The same fan twice in one batch: only the first goes to the database; the others share its fate.
    const leaders: NewVote[] = [];
    const leaderOf: number[] = [];
    const seen = new Map<string, number>();
    for (const vote of votes) {
      const key = fanKey(vote);
      let leader = seen.get(key);
      if (leader === undefined) {
        leader = leaders.push(vote) - 1;
        seen.set(key, leader);
      }
      leaderOf.push(leader);
    }

    let outcomes: VoteOutcome[];
    try {
      outcomes = await this.write(leaders);
    } catch (err) {
      if (isDatabaseUnavailable(err) || leaders.length === 1) throw err;
      // One bad vote must not fail its neighbours: write them one by one to find it.
      this.logger.warn({ err: (err as Error).message, batch: leaders.length }, 'vote batch failed; writing its votes one by one');
      outcomes = [];
      for (const vote of leaders) {
        try {
          outcomes.push(...(await this.write([vote])));
        } catch (single) {
          if (isDatabaseUnavailable(single)) throw single;
          outcomes.push({ kind: 'failed', error: single });
        }
      }
    }

    return votes.map((vote, i) => {
      const leader = leaders[leaderOf[i]];
      const outcome = outcomes[leaderOf[i]];
      if (leader === vote || outcome.kind === 'poll-not-open' || outcome.kind === 'failed') return outcome;
      return { kind: 'duplicate', reason: sameDelivery(leader, vote) ? 'redelivery' : 'already-voted' };
    });
  }

  private async write(votes: NewVote[]): Promise<VoteOutcome[]> {
    const { votes: written, reached } = await this.votes.insertBatch(votes, this.config.votes.milestones);
    if (reached.length > 0) this.milestones.announce(reached);
    const outcomes: VoteOutcome[] = written.map((w) => {
      if (!w.open) return { kind: 'poll-not-open', status: w.pollStatus, closesAt: w.closesAt };
      return w.counted ? { kind: 'counted' } : { kind: 'duplicate' };
    });
    const duplicates = written.flatMap((w, idx) => (w.open && !w.counted ? [idx] : []));
    if (duplicates.length > 0) {
      const reasons = await this.duplicateReasons(duplicates.map((i) => votes[i])).catch((err: Error) => {
        this.logger.warn({ err: err.message }, 'could not tell redeliveries from repeat voters; duplicates answered without a reason');
        return null;
      });
      if (reasons) duplicates.forEach((idx, k) => (outcomes[idx] = { kind: 'duplicate', reason: reasons[k] }));
    }
    return outcomes;
  }

  /**
   * Whether each refused vote is a redelivery of the stored one (same source and webhook-id) or a second
   * vote of the same fan (VoteRepository.storedDeliveries, a lookup of its own).
   */
  private async duplicateReasons(votes: NewVote[]): Promise<DuplicateReason[]> {
    const groups = new Map<string, NewVote[]>();
    for (const v of votes) {
      const key = `${v.productId}\u0000${v.platform}`;
      const group = groups.get(key);
      if (group) group.push(v);
      else groups.set(key, [v]);
    }
    const stored = new Map<string, DeliveryRef>();
    for (const [first, ...rest] of groups.values()) {
      const rows = await this.votes.storedDeliveries(first.productId, first.platform, [first, ...rest].map((v) => v.platformUserId));
      for (const r of rows) stored.set(fanKey({ ...first, platformUserId: r.platformUserId }), r);
    }
    return votes.map((v) => {
      const prior = stored.get(fanKey(v));
      return prior && sameDelivery(prior, v) ? 'redelivery' : 'already-voted';
    });
  }
}
