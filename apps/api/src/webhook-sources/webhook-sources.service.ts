// Webhook sources: registration (secret shown once, stored sealed), rotation with a grace period,
// disabling, and the per-instance cache the vote endpoint uses to verify deliveries and rate-limit them.

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { isEntityId, newId, WebhookSourceRepository, type WebhookSourceEntity } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import { generateWebhookSecret, rotateSealedSecret, SecretBox, SignatureVerifier } from '@app/webhooks';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { PromiseCache } from '../common/promise-cache';
import { CONFIG, SECRET_BOX } from '../common/tokens';
import type { CreateWebhookSourceDto } from './dto/webhook-source.dto';

/** What the vote endpoint needs to know about a source, cached for WEBHOOK_SOURCE_CACHE_TTL. */
export interface ActiveSource {
  id: string;
  platform: string;
  disabled: boolean;
  verifier: SignatureVerifier;
  limiter: RateLimiterMemory;
  rateLimitPerSecond: number;
}

const MAX_CACHED = 10_000;

/** The sealed secret's AAD: a secret copied to another source's row does not decrypt. */
function secretContext(sourceId: string): string {
  return `webhook-source:${sourceId}`;
}

@Injectable()
export class WebhookSourcesService {
  private readonly logger = new Logger('WebhookSources');
  private readonly cache: PromiseCache<string, ActiveSource | null>;

  constructor(
    private readonly sources: WebhookSourceRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
  ) {
    this.cache = new PromiseCache({ maxEntries: MAX_CACHED, ttlMs: () => config.votes.sourceCacheTtlMs });
  }

  async create(dto: CreateWebhookSourceDto): Promise<{ entity: WebhookSourceEntity; secret: string }> {
    const id = newId('src');
    const secret = generateWebhookSecret();
    const entity = await this.sources.insert({
      id,
      name: dto.name,
      platform: dto.platform,
      secretSealed: this.box.seal(secret, secretContext(id)),
      previousSecretSealed: null,
      previousSecretExpiresAt: null,
      rateLimitPerSecond: dto.rateLimitPerSecond ?? this.config.votes.defaultRateLimitPerSecond,
      rotatedAt: null,
      disabledAt: null,
    });
    this.logger.log({ sourceId: id, platform: dto.platform }, 'webhook source registered');
    return { entity, secret };
  }

  list(): Promise<WebhookSourceEntity[]> {
    return this.sources.list();
  }

  async get(id: string): Promise<WebhookSourceEntity> {
    const entity = isEntityId(id) ? await this.sources.findById(id) : null;
    if (!entity) throw new DomainError(DomainErrorCode.NotFound, `webhook source ${id} does not exist`);
    return entity;
  }

  /**
   * A new secret; the current one stays valid for WEBHOOK_SECRET_GRACE so the connector can switch
   * without losing votes. A secret from an earlier rotation stops working now.
   */
  async rotate(id: string): Promise<{ entity: WebhookSourceEntity; secret: string }> {
    let secret = '';
    const entity = isEntityId(id)
      ? await this.sources.updateLocked(id, (current) => {
          if (current.disabledAt) throw new DomainError(DomainErrorCode.InvalidState, `webhook source ${id} is disabled; enable it before rotating its secret`);
          secret = rotateSealedSecret(current, this.box, secretContext(id), this.config.votes.secretGraceMs);
        })
      : null;
    if (!entity) throw new DomainError(DomainErrorCode.NotFound, `webhook source ${id} does not exist`);
    this.cache.delete(id);
    this.logger.log({ sourceId: id }, 'webhook source secret rotated');
    return { entity, secret };
  }

  async setDisabled(id: string, disabled: boolean): Promise<WebhookSourceEntity> {
    const entity = await this.get(id);
    if (Boolean(entity.disabledAt) !== disabled) {
      entity.disabledAt = disabled ? new Date() : null;
      await this.sources.setDisabledAt(id, entity.disabledAt);
      this.logger.log({ sourceId: id }, disabled ? 'webhook source disabled' : 'webhook source enabled');
    }
    this.cache.delete(id);
    return entity;
  }

  /** The source as the vote endpoint sees it (cached); null when it does not exist. */
  active(id: string): Promise<ActiveSource | null> {
    // A failed load (database down) is not kept: the next delivery tries again.
    return this.cache.get(id, (previous) => this.load(id, previous ?? null));
  }

  private async load(id: string, previous: ActiveSource | null): Promise<ActiveSource | null> {
    if (!isEntityId(id)) return null;
    const e = await this.sources.findById(id);
    if (!e) return null;
    const secrets = [this.box.open(e.secretSealed, secretContext(e.id))];
    if (e.previousSecretSealed && e.previousSecretExpiresAt && e.previousSecretExpiresAt.getTime() > Date.now()) {
      secrets.push(this.box.open(e.previousSecretSealed, secretContext(e.id)));
    }
    // Keep the running budget across cache refreshes unless the limit itself changed.
    const limiter =
      previous && previous.rateLimitPerSecond === e.rateLimitPerSecond
        ? previous.limiter
        : new RateLimiterMemory({ points: e.rateLimitPerSecond, duration: 1 });
    return {
      id: e.id,
      platform: e.platform,
      disabled: e.disabledAt !== null,
      verifier: new SignatureVerifier(secrets),
      limiter,
      rateLimitPerSecond: e.rateLimitPerSecond,
    };
  }
}
