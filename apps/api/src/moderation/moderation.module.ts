// Moderation: the automatic screen of what fans will see and the incubator's own refused terms. Exports the
// service: products screen their polls through it.
import { Module } from '@nestjs/common';
import { ModerationTermRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { ModerationController } from './moderation.controller';
import { ModerationService } from './moderation.service';

@Module({
  controllers: [ModerationController],
  providers: [ModerationService, ...repositoryProviders(ModerationTermRepository)],
  exports: [ModerationService],
})
export class ModerationModule {}
