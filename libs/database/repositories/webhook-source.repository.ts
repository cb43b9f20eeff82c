// The webhook_sources table: registered vote connectors and their sealed signing secrets.

import type { DataSource, EntityManager } from 'typeorm';
import { WebhookSourceEntity } from '../entities/webhook-source.entity';

export type NewWebhookSource = Omit<WebhookSourceEntity, 'createdAt'>;

export class WebhookSourceRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Inserts the source; the returned entity carries the created_at PostgreSQL gave it. */
  async insert(source: NewWebhookSource): Promise<WebhookSourceEntity> {
    const repo = this.db.getRepository(WebhookSourceEntity);
    const entity = repo.create(source);
    await repo.insert(entity);
    return entity;
  }

  list(): Promise<WebhookSourceEntity[]> {
    return this.db.getRepository(WebhookSourceEntity).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findById(id: string): Promise<WebhookSourceEntity | null> {
    return this.db.getRepository(WebhookSourceEntity).findOneBy({ id });
  }

  /**
   * Reads the source locked against concurrent changes, lets `change` modify it (or throw to abort),
   * and saves it, in one transaction. Null when the source does not exist.
   */
  updateLocked(id: string, change: (source: WebhookSourceEntity) => void): Promise<WebhookSourceEntity | null> {
    return this.db.transaction(async (tx) => {
      const repo = tx.getRepository(WebhookSourceEntity);
      const current = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) return null;
      change(current);
      return repo.save(current);
    });
  }

  async setDisabledAt(id: string, disabledAt: Date | null): Promise<void> {
    await this.db.getRepository(WebhookSourceEntity).update({ id }, { disabledAt });
  }
}
