// Influencers' channels: where their social updates are delivered.
import { Module } from '@nestjs/common';
import { SocialSettingsModule } from '../social-settings/social-settings.module';
import { ChannelsController } from './channels.controller';
import { ChannelsService } from './channels.service';

@Module({
  imports: [SocialSettingsModule],
  controllers: [ChannelsController],
  providers: [ChannelsService],
})
export class ChannelsModule {}
