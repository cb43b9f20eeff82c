// Influencers' magic links: staff issue one (the link is in the answer, shown once; stored hashed), list them
// (never the token) and revoke one, which ends every session opened with it at once.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { InfluencerRepository, isEntityId, MagicLinkRepository, newId, type MagicLinkEntity } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import { magicLinkUrl } from '@app/notify';
import { generateAccessToken, hashAccessToken } from '@app/webhooks';
import { CONFIG } from '../common/tokens';
import type { IssuedMagicLinkDto, MagicLinkDto } from './dto/session.dto';
import type { Principal } from './principal';
import { SessionsService } from './sessions.service';

@Injectable()
export class MagicLinksService {
  private readonly logger = new Logger('MagicLinks');

  constructor(
    private readonly links: MagicLinkRepository,
    private readonly influencers: InfluencerRepository,
    private readonly sessions: SessionsService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(influencerId: string, by: Principal): Promise<IssuedMagicLinkDto> {
    await this.mustExist(influencerId);
    const token = generateAccessToken();
    const link = await this.links.insertOrKeep({
      id: newId('mlk'),
      influencerId,
      tokenHash: hashAccessToken(token),
      issuedBy: `staff:${by.keyId}`.slice(0, 64),
      expiresAt: new Date(Date.now() + this.config.auth.magicLinkTtlMs),
    });
    this.logger.log({ influencerId, magicLinkId: link.id }, 'magic link issued');
    return { ...magicLinkDto(link), url: magicLinkUrl(this.sessions.publicBaseUrl(), token) };
  }

  async list(influencerId: string): Promise<MagicLinkDto[]> {
    await this.mustExist(influencerId);
    return (await this.links.listForInfluencer(influencerId)).map(magicLinkDto);
  }

  async revoke(influencerId: string, linkId: string): Promise<MagicLinkDto> {
    await this.mustExist(influencerId);
    const link = isEntityId(linkId) ? await this.links.revoke(influencerId, linkId) : null;
    if (!link) throw new DomainError(DomainErrorCode.NotFound, `influencer ${influencerId} has no magic link ${linkId}`);
    this.logger.log({ influencerId, magicLinkId: link.id }, 'magic link revoked');
    return magicLinkDto(link);
  }

  private async mustExist(influencerId: string): Promise<void> {
    if (!isEntityId(influencerId) || !(await this.influencers.exists(influencerId))) throw new DomainError(DomainErrorCode.NotFound, `influencer ${influencerId} does not exist`);
  }
}

function magicLinkDto(l: MagicLinkEntity): MagicLinkDto {
  return {
    id: l.id,
    influencerId: l.influencerId,
    status: l.revokedAt ? 'revoked' : l.expiresAt.getTime() <= Date.now() ? 'expired' : 'active',
    issuedBy: l.issuedBy,
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt.toISOString(),
    revokedAt: l.revokedAt ? l.revokedAt.toISOString() : null,
  };
}
