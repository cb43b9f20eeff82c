// Issues, verifies and revokes API keys (format in api-key-format.ts); verification compares hashes in
// constant time and caches the result briefly, and refuses keys of unknown prefixes without a query.

import { Inject, Injectable } from '@nestjs/common';
import { ApiKeyRepository, InfluencerRepository, type ApiKeyEntity, type ApiKeyRole } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import type { AppConfig } from '@app/config';
import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { CONFIG } from '../common/tokens';
import { API_KEY_PATTERN, generateApiKey, hashApiKey } from './api-key-format';
import { KnownKeyPrefixes } from './known-key-prefixes';
import type { Principal } from './principal';

export interface IssuedKey {
  entity: ApiKeyEntity;
  key: string;
}

@Injectable()
export class ApiKeyService {
  // Verified keys are cached briefly so the hot path does not hit PostgreSQL on every request;
  // a revocation therefore takes effect within API_KEY_CACHE_TTL (default 10 s).
  private readonly cache = new Map<string, { principal: Principal | null; hash: Buffer; expires: number }>();
  // A flood of made-up keys would otherwise cost a query each; an unknown prefix stays unknown for at most
  // API_KEY_CACHE_TTL, so a key issued through another API process works here within that time.
  private readonly prefixes: KnownKeyPrefixes;

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly influencers: InfluencerRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {
    this.prefixes = new KnownKeyPrefixes(() => keys.listPrefixes(), config.api.keyCacheTtlMs);
  }

  /** Outside Nest (the launcher's first staff key, tests): the service over a DataSource of its own. */
  static over(db: DataSource, config: AppConfig): ApiKeyService {
    return new ApiKeyService(new ApiKeyRepository(db), new InfluencerRepository(db), config);
  }

  async issue(role: ApiKeyRole, influencerId: string | null, label: string): Promise<IssuedKey> {
    if (role === 'influencer') {
      if (!influencerId) throw new DomainError(DomainErrorCode.InvalidValue, 'an influencer key needs influencerId');
      const exists = await this.influencers.exists(influencerId);
      if (!exists) throw new DomainError(DomainErrorCode.InvalidValue, `influencer ${influencerId} does not exist`);
    } else if (influencerId) {
      throw new DomainError(DomainErrorCode.InvalidValue, 'a staff key is not tied to an influencer; leave influencerId out');
    }
    const { key, prefix, secretHash } = generateApiKey();
    const entity = await this.keys.insert({ id: randomUUID(), prefix, secretHash, role, influencerId, label, revokedAt: null });
    this.prefixes.add(prefix);
    return { entity, key };
  }

  /** The caller behind a presented key, or null when the key is unknown, malformed or revoked. */
  async verify(presented: string): Promise<Principal | null> {
    const match = API_KEY_PATTERN.exec(presented);
    if (!match) return null;
    const prefix = match[1];
    const hash = hashApiKey(presented);
    const now = Date.now();
    const cached = this.cache.get(prefix);
    // The cached entry holds the stored hash: a wrong secret for a known prefix is refused without a query too.
    if (cached && cached.expires > now) return cached.hash.length === hash.length && timingSafeEqual(cached.hash, hash) ? cached.principal : null;
    if (!(await this.prefixes.mayExist(prefix))) return null;

    const row = await this.keys.findByPrefix(prefix);
    if (!row) return null;
    const stored = Buffer.from(row.secretHash, 'hex');
    const principal: Principal | null = row.revokedAt
      ? null
      : { keyId: row.id, role: row.role, influencerId: row.influencerId, label: row.label };
    // Cached whatever secret was presented, so the next guess at this prefix is checked without a query.
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(prefix, { principal, hash: stored, expires: now + this.config.api.keyCacheTtlMs });
    return stored.length === hash.length && timingSafeEqual(stored, hash) ? principal : null;
  }

  async list(): Promise<ApiKeyEntity[]> {
    return this.keys.list();
  }

  async revoke(id: string): Promise<ApiKeyEntity> {
    const row = await this.keys.findById(id);
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `API key ${id} does not exist`);
    if (!row.revokedAt) {
      row.revokedAt = new Date();
      await this.keys.setRevokedAt(id, row.revokedAt);
    }
    this.cache.delete(row.prefix);
    return row;
  }

  async hasStaffKey(): Promise<boolean> {
    return this.keys.hasStaffKey();
  }
}
