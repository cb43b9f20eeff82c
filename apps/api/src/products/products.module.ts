// Products: creating and reading them and driving their lifecycle; exports the service and the
// ownership guard that other features' product routes use.
// (Minimal version on the social branch so its modules compile; the products feature owns this file.)
import { Module } from '@nestjs/common';
import { ProductAccessGuard } from './product-access.guard';
import { ProductsController } from './products.controller';
import { ProductsService } from './products.service';

@Module({
  controllers: [ProductsController],
  providers: [ProductsService, ProductAccessGuard],
  exports: [ProductsService, ProductAccessGuard],
})
export class ProductsModule {}
