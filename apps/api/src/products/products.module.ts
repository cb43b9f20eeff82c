// Products: creation, reads and lifecycle actions (staff) and reviews (the influencer). Exports the
// service (actions from other features go through ProductsService.act) and the ownership guard.
import { Module } from '@nestjs/common';
import { InfluencerRepository, ProductRepository, ProductVariantRepository, ShopRepository, TimelineEventRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { ProductAccessGuard } from './product-access.guard';
import { ProductActionsController } from './product-actions.controller';
import { ProductsController } from './products.controller';
import { ProductsService } from './products.service';
import { ReviewsController } from './reviews.controller';
import { SuppliersModule } from '../suppliers/suppliers.module';
import { ModerationModule } from '../moderation/moderation.module';
import { ImageReferencesModule } from '../images/image-references.module';

@Module({
  imports: [SuppliersModule, ModerationModule, ImageReferencesModule],
  controllers: [ProductsController, ProductActionsController, ReviewsController],
  providers: [ProductsService, ProductAccessGuard, ...repositoryProviders(ProductRepository, InfluencerRepository, TimelineEventRepository, ShopRepository, ProductVariantRepository)],
  exports: [ProductsService, ProductAccessGuard, ProductRepository],
})
export class ProductsModule {}
