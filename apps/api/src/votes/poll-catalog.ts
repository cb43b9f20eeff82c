// What vote intake checks before a vote joins a batch: does the product exist, and is the option one of
// its poll's options. Options never change after creation, so they are cached; whether the poll is open
// is not decided here but in the insert itself (see vote-intake.service.ts).

import { Injectable } from '@nestjs/common';
import { PollEntity } from '@app/database';
import type { PollOption } from '@app/domain';
import { DataSource } from 'typeorm';

export interface PollOptions {
  options: PollOption[];
  optionIds: Set<string>;
}

const KNOWN_TTL_MS = 5 * 60_000;
// An unknown product may be created a moment later; forget that it was unknown quickly.
const UNKNOWN_TTL_MS = 1_000;
const MAX_CACHED = 50_000;

@Injectable()
export class PollCatalog {
  private readonly cache = new Map<string, { expires: number; value: Promise<PollOptions | null> }>();

  constructor(private readonly db: DataSource) {}

  /** The poll's options, or null when the product does not exist. */
  get(productId: string): Promise<PollOptions | null> {
    const now = Date.now();
    const cached = this.cache.get(productId);
    if (cached && cached.expires > now) return cached.value;
    const value = this.load(productId);
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    const entry = { expires: now + UNKNOWN_TTL_MS, value };
    this.cache.set(productId, entry);
    value.then(
      (found) => {
        if (found) entry.expires = Date.now() + KNOWN_TTL_MS;
      },
      () => this.cache.delete(productId),
    );
    return value;
  }

  private async load(productId: string): Promise<PollOptions | null> {
    if (!/^[a-z0-9-]{1,32}$/.test(productId)) return null;
    const poll = await this.db.getRepository(PollEntity).findOne({ where: { productId }, select: { productId: true, options: true } });
    if (!poll) return null;
    return { options: poll.options, optionIds: new Set(poll.options.map((o) => o.id)) };
  }
}
