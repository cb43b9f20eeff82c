// Polls and votes: the signed vote webhook (signature guard, poll catalog, group-commit intake), the
// milestone signals to the product's workflow, and the public live results.
import { Module } from '@nestjs/common';
import { PollRepository, PollVoteCountRepository, VoteRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { WebhookSourcesModule } from '../webhook-sources/webhook-sources.module';
import { LiveResultsService } from './live-results.service';
import { MilestoneNotifier } from './milestone-notifier.service';
import { PollCatalog } from './poll-catalog.service';
import { VoteIntakeService } from './vote-intake.service';
import { VotesController } from './votes.controller';
import { WebhookSignatureGuard } from './webhook-signature.guard';

@Module({
  imports: [WebhookSourcesModule],
  controllers: [VotesController],
  providers: [
    VoteIntakeService,
    PollCatalog,
    LiveResultsService,
    MilestoneNotifier,
    WebhookSignatureGuard,
    ...repositoryProviders(VoteRepository, PollRepository, PollVoteCountRepository),
  ],
})
export class VotesModule {}
