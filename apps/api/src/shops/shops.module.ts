// Shops: staff registration (sealed secrets, guarded outbound URL), the standard shop connector's and
// Shopify's webhooks (signature guard, order intake in one transaction with its receipt), and the stock
// reports to the product's workflow.
import { Module } from '@nestjs/common';
import { OrderRepository, ProductVariantRepository, ShopRepository, VariantStockRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { ReservationsModule } from '../reservations/reservations.module';
import { OrderIntakeService } from './order-intake.service';
import { SalesReporter } from './sales-reporter.service';
import { ShopSignatureGuard } from './shop-signature.guard';
import { ShopWebhooksController } from './shop-webhooks.controller';
import { ShopsController } from './shops.controller';
import { ShopsService } from './shops.service';

@Module({
  imports: [ReservationsModule],
  controllers: [ShopsController, ShopWebhooksController],
  providers: [
    ShopsService,
    OrderIntakeService,
    SalesReporter,
    ShopSignatureGuard,
    ...repositoryProviders(ShopRepository, OrderRepository, ProductVariantRepository, VariantStockRepository),
  ],
})
export class ShopsModule {}
