// Reservation events to shops' outbound channels: staff's view (the worker writes and delivers them).
import { Module } from '@nestjs/common';
import { ShopEventRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { ProductsModule } from '../products/products.module';
import { ShopEventsController } from './shop-events.controller';
import { ShopEventsService } from './shop-events.service';

@Module({
  imports: [ProductsModule],
  controllers: [ShopEventsController],
  providers: [ShopEventsService, ...repositoryProviders(ShopEventRepository)],
})
export class ShopEventsModule {}
