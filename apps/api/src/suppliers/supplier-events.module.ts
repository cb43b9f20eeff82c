// A product's supplier events for staff (apart from SuppliersModule, which ProductsModule imports).
import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module';
import { SupplierEventsController } from './supplier-events.controller';
import { SuppliersModule } from './suppliers.module';

@Module({
  imports: [ProductsModule, SuppliersModule],
  controllers: [SupplierEventsController],
})
export class SupplierEventsModule {}
