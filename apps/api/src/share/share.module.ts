// Public share pages of published updates and their image cards (no key needed).
import { Module } from '@nestjs/common';
import { LinksModule } from '../links/links.module';
import { ShareController } from './share.controller';
import { ShareService } from './share.service';

@Module({
  imports: [LinksModule],
  controllers: [ShareController],
  providers: [ShareService],
})
export class ShareModule {}
