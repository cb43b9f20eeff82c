// TEMPORARY: mounts apps/api/src/social as it stands (social updates and channels, deliveries, share pages)
// until its own feature modules replace this file; it only lists what AppModule used to list.
import { Module } from '@nestjs/common';
import { ProductsModule } from './products/products.module';
import { ShareController } from './social/share.controller';
import { ShareService } from './social/share.service';
import { SocialController } from './social/social.controller';
import { SocialService } from './social/social.service';

@Module({
  imports: [ProductsModule],
  controllers: [SocialController, ShareController],
  providers: [SocialService, ShareService],
})
export class SocialLegacyModule {}
