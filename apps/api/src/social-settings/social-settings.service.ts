// How an influencer's social updates read (language, tone, platform, hashtags, disclosure, time zone,
// template overrides): staff read and replace them; channels and the launch announcement read them here.

import { Injectable } from '@nestjs/common';
import { InfluencerRepository, isEntityId } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import { isTimeZone, socialSettings, templateProblems, type SocialSettings } from '@app/social';
import { DataSource } from 'typeorm';
import { RequestValidationError } from '../common/validation';
import type { SocialSettingsDto } from './dto/social-settings.dto';

/** Who posts and how: the handle posts sign with and the settings with their defaults filled in. */
export interface SocialProfile {
  handle: string;
  settings: SocialSettings;
}

@Injectable()
export class SocialSettingsService {
  private readonly influencers: InfluencerRepository;

  constructor(db: DataSource) {
    this.influencers = new InfluencerRepository(db);
  }

  /** The influencer's handle and settings; 404 when there is no such influencer. */
  async profile(influencerId: string): Promise<SocialProfile> {
    const row = isEntityId(influencerId) ? await this.influencers.findSocialProfile(influencerId) : null;
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `influencer ${influencerId} does not exist`);
    return { handle: row.handle, settings: socialSettings(row.socialSettings) };
  }

  async settings(influencerId: string): Promise<SocialSettings> {
    return (await this.profile(influencerId)).settings;
  }

  /** Replaces the settings; fields left out take their defaults. */
  async replace(influencerId: string, dto: SocialSettingsDto): Promise<SocialSettings> {
    await this.profile(influencerId);
    const problems = templateProblems(dto.templates ?? {});
    if (dto.timeZone !== undefined && !isTimeZone(dto.timeZone)) {
      problems.push({ field: 'timeZone', message: `timeZone "${dto.timeZone}" is not an IANA time zone such as Asia/Shanghai` });
    }
    if (problems.length > 0) throw new RequestValidationError(problems.map((p) => ({ field: p.field, messages: [p.message] })));
    const settings = socialSettings({
      ...(dto.language !== undefined ? { language: dto.language } : {}),
      ...(dto.tone !== undefined ? { tone: dto.tone } : {}),
      ...(dto.platform !== undefined ? { platform: dto.platform } : {}),
      ...(dto.signatureHashtags !== undefined ? { signatureHashtags: dto.signatureHashtags } : {}),
      ...(dto.sponsored !== undefined ? { sponsored: dto.sponsored } : {}),
      ...(dto.timeZone !== undefined ? { timeZone: dto.timeZone } : {}),
      ...(dto.templates !== undefined ? { templates: dto.templates } : {}),
    });
    await this.influencers.saveSocialSettings(influencerId, settings);
    return settings;
  }
}
