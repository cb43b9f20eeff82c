// Where an influencer's social updates go: staff add webhook and log channels (a webhook's signing secret
// is shown once and stored sealed), list them, rotate a webhook's secret and disable a channel.

import { checkDeliverable } from '../common/deliverable-url';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { ChannelRepository, isEntityId, newId, type ChannelEntity } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import { OutboundGuard, redactUrl } from '@app/outbound';
import { channelSecretContext, generateWebhookSecret, rotateSealedSecret, SecretBox } from '@app/webhooks';
import { DataSource } from 'typeorm';
import { CONFIG, SECRET_BOX } from '../common/tokens';
import { RequestValidationError } from '../common/validation';
import { SocialSettingsService } from '../social-settings/social-settings.service';
import type { ChannelDto, CreateChannelDto, IssuedChannelDto } from './dto/channel.dto';

function noSuchChannel(influencerId: string, channelId: string): DomainError {
  return new DomainError(DomainErrorCode.NotFound, `influencer ${influencerId} has no channel ${channelId}`);
}

@Injectable()
export class ChannelsService {
  private readonly logger = new Logger('Social');
  private readonly channels: ChannelRepository;
  private readonly outbound: OutboundGuard;

  constructor(
    db: DataSource,
    private readonly social: SocialSettingsService,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
  ) {
    this.channels = new ChannelRepository(db);
    this.outbound = new OutboundGuard({ allowedNetworks: config.outbound.allowedNetworks });
  }

  async create(influencerId: string, dto: CreateChannelDto): Promise<IssuedChannelDto> {
    const { settings } = await this.social.profile(influencerId);
    if (dto.kind === 'webhook' && !dto.url) throw new RequestValidationError([{ field: 'url', messages: ['a webhook channel needs the url it posts to'] }]);
    if (dto.kind === 'log' && dto.url) throw new RequestValidationError([{ field: 'url', messages: ['a log channel has no url'] }]);
    if (dto.url) await checkDeliverable(this.outbound, dto.url, 'url');
    const id = newId('ch');
    const secret = dto.kind === 'webhook' ? generateWebhookSecret() : undefined;
    const entity = await this.channels.insert({
      id,
      influencerId,
      kind: dto.kind,
      name: dto.name,
      platform: dto.platform ?? settings.platform,
      url: dto.url ?? null,
      secretSealed: secret ? this.box.seal(secret, channelSecretContext(id)) : null,
      previousSecretSealed: null,
      previousSecretExpiresAt: null,
      rotatedAt: null,
      disabledAt: null,
    });
    this.logger.log({ channelId: id, influencerId, kind: dto.kind }, 'channel added');
    return { ...channelDto(entity), ...(secret ? { secret } : {}) };
  }


  async list(influencerId: string): Promise<ChannelDto[]> {
    await this.social.profile(influencerId);
    return (await this.channels.listForInfluencer(influencerId)).map(channelDto);
  }

  /**
   * A new signing secret for a webhook channel (shown once). Deliveries carry signatures with both the new
   * and the previous secret for WEBHOOK_SECRET_GRACE, so the receiver can switch without refusing any.
   */
  async rotateSecret(influencerId: string, channelId: string): Promise<IssuedChannelDto> {
    let secret = '';
    const entity = isEntityId(channelId)
      ? await this.channels.changeLocked(channelId, influencerId, (current) => {
          if (current.kind !== 'webhook') throw new DomainError(DomainErrorCode.InvalidState, `channel ${channelId} is a log channel; it has no secret`);
          if (current.disabledAt) throw new DomainError(DomainErrorCode.InvalidState, `channel ${channelId} is disabled`);
          secret = rotateSealedSecret(current, this.box, channelSecretContext(channelId), this.config.votes.secretGraceMs);
        })
      : null;
    if (!entity) throw noSuchChannel(influencerId, channelId);
    this.logger.log({ channelId, influencerId }, 'channel secret rotated');
    return { ...channelDto(entity), secret };
  }

  /** Stops new deliveries to the channel; ones already retrying stop at their next attempt. */
  async disable(influencerId: string, channelId: string): Promise<ChannelDto> {
    const row = isEntityId(channelId) ? await this.channels.findOfInfluencer(channelId, influencerId) : null;
    if (!row) throw noSuchChannel(influencerId, channelId);
    if (!row.disabledAt) {
      row.disabledAt = new Date();
      await this.channels.disable(channelId, row.disabledAt);
    }
    return channelDto(row);
  }
}

function channelDto(c: ChannelEntity): ChannelDto {
  return {
    id: c.id,
    influencerId: c.influencerId,
    kind: c.kind,
    name: c.name,
    platform: c.platform,
    url: c.url === null ? null : redactUrl(c.url),
    status: c.disabledAt ? 'disabled' : 'active',
    createdAt: (c.createdAt ?? new Date()).toISOString(),
    rotatedAt: c.rotatedAt ? c.rotatedAt.toISOString() : null,
    previousSecretValidUntil: c.previousSecretExpiresAt && c.previousSecretExpiresAt > new Date() ? c.previousSecretExpiresAt.toISOString() : null,
    disabledAt: c.disabledAt ? c.disabledAt.toISOString() : null,
  };
}
