// Influencers: staff create and read the influencers the incubator works with.
import { Module } from '@nestjs/common';
import { InfluencerRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { InfluencersController } from './influencers.controller';
import { InfluencersService } from './influencers.service';

@Module({
  controllers: [InfluencersController],
  providers: [InfluencersService, ...repositoryProviders(InfluencerRepository)],
})
export class InfluencersModule {}
