// Tracked links (`/r/<code>`) and the visitor identity that click and view counting share.
import { Module } from '@nestjs/common';
import { TrackedLinkRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { LinksController } from './links.controller';
import { LinksService } from './links.service';
import { VisitorService } from './visitor.service';

@Module({
  controllers: [LinksController],
  providers: [LinksService, VisitorService, ...repositoryProviders(TrackedLinkRepository)],
  exports: [VisitorService, TrackedLinkRepository],
})
export class LinksModule {}
