// The api_keys table: issued keys (only their hashes), found by prefix when presented.

import type { DataSource, EntityManager } from 'typeorm';
import { ApiKeyEntity } from '../entities/api-key.entity';

export type NewApiKey = Omit<ApiKeyEntity, 'createdAt' | 'influencer' | 'staffMember'>;

export class ApiKeyRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** Inserts the key; the returned entity carries the created_at PostgreSQL gave it. */
  async insert(key: NewApiKey): Promise<ApiKeyEntity> {
    const repo = this.db.getRepository(ApiKeyEntity);
    const entity = repo.create(key);
    await repo.insert(entity);
    return entity;
  }

  /** The key with this prefix and the staff member it belongs to (whose being disabled refuses the key), in one query. */
  findByPrefix(prefix: string): Promise<ApiKeyEntity | null> {
    return this.db.getRepository(ApiKeyEntity).createQueryBuilder('key').leftJoinAndSelect('key.staffMember', 'member').where('key.prefix = :prefix', { prefix }).getOne();
  }

  /** Every issued key's prefix (revoked ones too): the API refuses other prefixes without a look-up. */
  async listPrefixes(): Promise<string[]> {
    const rows = await this.db.getRepository(ApiKeyEntity).find({ select: { prefix: true } });
    return rows.map((r) => r.prefix);
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.db.getRepository(ApiKeyEntity).findOneBy({ id });
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.db.getRepository(ApiKeyEntity).find({ order: { createdAt: 'ASC' } });
  }

  async setRevokedAt(id: string, revokedAt: Date): Promise<void> {
    await this.db.getRepository(ApiKeyEntity).update({ id }, { revokedAt });
  }

  hasStaffKey(): Promise<boolean> {
    return this.db.getRepository(ApiKeyEntity).exists({ where: { role: 'staff' } });
  }
}
