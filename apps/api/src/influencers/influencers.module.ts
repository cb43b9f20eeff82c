// Influencers: staff create and read the influencers the incubator works with; their contact details are
// changed by staff or by the influencer herself.
import { Module } from '@nestjs/common';
import { InfluencerRepository } from '@app/database';
import { ContactsModule } from '../contacts/contacts.module';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { InfluencersController } from './influencers.controller';
import { InfluencersService } from './influencers.service';

@Module({
  imports: [ContactsModule],
  controllers: [InfluencersController],
  providers: [InfluencersService, ...repositoryProviders(InfluencerRepository)],
})
export class InfluencersModule {}
