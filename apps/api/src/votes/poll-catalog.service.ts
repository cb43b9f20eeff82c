// What vote intake checks before a vote joins a batch: does the product exist, and is the option one of
// its poll's options. Options never change once the poll is past DRAFT (staff may edit a draft's options
// before the influencer approves them), so they are cached then; a draft's only briefly. Whether the poll is
// open is not decided here but in the insert itself (VoteRepository.insertBatch).

import { Injectable } from '@nestjs/common';
import { isEntityId, PollRepository } from '@app/database';
import type { PollOption } from '@app/domain';
import { PromiseCache } from '../common/promise-cache';

export interface PollOptions {
  options: PollOption[];
  optionIds: Set<string>;
  /** The options may still change (the poll waits for approval): cached only briefly. */
  draft: boolean;
}

const KNOWN_TTL_MS = 5 * 60_000;
// An unknown product may be created a moment later; forget that it was unknown quickly.
const UNKNOWN_TTL_MS = 1_000;
const MAX_CACHED = 50_000;

@Injectable()
export class PollCatalog {
  private readonly cache = new PromiseCache<string, PollOptions | null>({
    maxEntries: MAX_CACHED,
    ttlMs: (found) => (found && !found.draft ? KNOWN_TTL_MS : UNKNOWN_TTL_MS),
    pendingMs: UNKNOWN_TTL_MS,
  });

  constructor(private readonly polls: PollRepository) {}

  /** The poll's options, or null when the product does not exist. */
  get(productId: string): Promise<PollOptions | null> {
    return this.cache.get(productId, () => this.load(productId));
  }

  private async load(productId: string): Promise<PollOptions | null> {
    if (!isEntityId(productId)) return null;
    const poll = await this.polls.findOptions(productId);
    if (!poll) return null;
    return { options: poll.options, optionIds: new Set(poll.options.map((o) => o.id)), draft: poll.status === 'DRAFT' };
  }
}
