// The attribution funnel of a product: its report, CSV export and chart.
import { Module } from '@nestjs/common';
import { FunnelRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { ProductsModule } from '../products/products.module';
import { FunnelController } from './funnel.controller';
import { FunnelService } from './funnel.service';

@Module({
  imports: [ProductsModule],
  controllers: [FunnelController],
  providers: [FunnelService, ...repositoryProviders(FunnelRepository)],
})
export class FunnelModule {}
