// Deliveries of products' social updates to channels: staff's view and re-send.
import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';

@Module({
  imports: [ProductsModule],
  controllers: [DeliveriesController],
  providers: [DeliveriesService],
})
export class DeliveriesModule {}
