// Issues, verifies and revokes API keys (format in api-key-format.ts); verification compares hashes in
// constant time and caches the result briefly, and refuses keys of unknown prefixes without a query. A staff
// key may belong to a staff member: while she is disabled, her keys are refused (not revoked).

import { Inject, Injectable } from '@nestjs/common';
import { ApiKeyRepository, InfluencerRepository, isEntityId, StaffMemberRepository, type ApiKeyEntity, type ApiKeyRole } from '@app/database';
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
  private readonly cache = new Map<string, { principal: Principal | null; hash: Buffer; expires: number; staffMemberId: string | null }>();
  // A flood of made-up keys would otherwise cost a query each; an unknown prefix stays unknown for at most
  // API_KEY_CACHE_TTL, so a key issued through another API process works here within that time.
  private readonly prefixes: KnownKeyPrefixes;

  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly influencers: InfluencerRepository,
    private readonly staffMembers: StaffMemberRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {
    this.prefixes = new KnownKeyPrefixes(() => keys.listPrefixes(), config.api.keyCacheTtlMs);
  }

  /** Outside Nest (the launcher's first staff key, tests): the service over a DataSource of its own. */
  static over(db: DataSource, config: AppConfig): ApiKeyService {
    return new ApiKeyService(new ApiKeyRepository(db), new InfluencerRepository(db), new StaffMemberRepository(db), config);
  }

  /** A new key; a staff key may name the staff member it belongs to (who must exist and not be disabled). */
  async issue(role: ApiKeyRole, influencerId: string | null, label: string, staffMemberId: string | null = null): Promise<IssuedKey> {
    if (role === 'influencer') {
      if (!influencerId) throw new DomainError(DomainErrorCode.InvalidValue, 'an influencer key needs influencerId');
      if (staffMemberId) throw new DomainError(DomainErrorCode.InvalidValue, 'an influencer key does not belong to a staff member; leave staffMemberId out');
      const exists = await this.influencers.exists(influencerId);
      if (!exists) throw new DomainError(DomainErrorCode.InvalidValue, `influencer ${influencerId} does not exist`);
    } else if (influencerId) {
      throw new DomainError(DomainErrorCode.InvalidValue, 'a staff key is not tied to an influencer; leave influencerId out');
    } else if (staffMemberId) {
      const member = isEntityId(staffMemberId) ? await this.staffMembers.findById(staffMemberId) : null;
      if (!member) throw new DomainError(DomainErrorCode.InvalidValue, `staff member ${staffMemberId} does not exist`);
      if (member.disabledAt) throw new DomainError(DomainErrorCode.InvalidValue, `staff member ${staffMemberId} is disabled; enable her before issuing her a key`);
    }
    const { key, prefix, secretHash } = generateApiKey();
    const entity = await this.keys.insert({ id: randomUUID(), prefix, secretHash, role, influencerId, staffMemberId, label, revokedAt: null });
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
    const principal: Principal | null =
      row.revokedAt || row.staffMember?.disabledAt
        ? null
        : { keyId: row.id, role: row.role, influencerId: row.influencerId, staffMemberId: row.staffMemberId, label: row.label };
    // Cached whatever secret was presented, so the next guess at this prefix is checked without a query.
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(prefix, { principal, hash: stored, expires: now + this.config.api.keyCacheTtlMs, staffMemberId: row.staffMemberId });
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

  /**
   * Forgets what this process cached about a staff member's keys, after she is disabled or enabled, so the
   * change applies here at the next request (other API processes within API_KEY_CACHE_TTL, as a revocation).
   */
  forgetStaffMember(staffMemberId: string): void {
    for (const [prefix, entry] of this.cache) if (entry.staffMemberId === staffMemberId) this.cache.delete(prefix);
  }

  async hasStaffKey(): Promise<boolean> {
    return this.keys.hasStaffKey();
  }
}
