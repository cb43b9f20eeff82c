// Influencers' social settings; exports the service that reads an influencer's handle and settings.
import { Module } from '@nestjs/common';
import { SocialSettingsController } from './social-settings.controller';
import { SocialSettingsService } from './social-settings.service';

@Module({
  controllers: [SocialSettingsController],
  providers: [SocialSettingsService],
  exports: [SocialSettingsService],
})
export class SocialSettingsModule {}
