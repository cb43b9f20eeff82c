// A product's social updates and its launch announcement.
import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module';
import { SocialSettingsModule } from '../social-settings/social-settings.module';
import { LaunchAnnouncementService } from './launch-announcement.service';
import { SocialUpdatesController } from './social-updates.controller';
import { SocialUpdatesService } from './social-updates.service';

@Module({
  imports: [ProductsModule, SocialSettingsModule],
  controllers: [SocialUpdatesController],
  providers: [SocialUpdatesService, LaunchAnnouncementService],
})
export class SocialUpdatesModule {}
