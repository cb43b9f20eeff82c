// The polls table: a product's fan poll as vote intake and the tally see it.

import type { DataSource, EntityManager } from 'typeorm';
import { PollEntity } from '../entities/poll.entity';

export type PollOptionsRow = Pick<PollEntity, 'productId' | 'options' | 'status'>;

export class PollRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async insert(poll: Omit<PollEntity, 'product'>): Promise<void> {
    await this.db.getRepository(PollEntity).insert(poll);
  }

  findOptions(productId: string): Promise<PollOptionsRow | null> {
    return this.db.getRepository(PollEntity).findOne({ where: { productId }, select: { productId: true, options: true, status: true } });
  }

  /**
   * Stops vote intake: waits for every vote batch holding the poll row FOR SHARE, and makes later batches
   * find the poll not OPEN. Its seq keeps a read-model write still in flight from an earlier event from
   * reopening intake. Meant to run inside the tally's transaction.
   */
  async closeIntake(productId: string, atSeq: number): Promise<void> {
    await this.db.query(`UPDATE polls SET status = 'CLOSING', seq = GREATEST(seq, $2) WHERE product_id = $1 AND status = 'OPEN'`, [productId, atSeq]);
  }
}
