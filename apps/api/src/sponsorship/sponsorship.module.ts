// Sponsored-post compliance: a product's brand partner, its sponsored posts, and their paid-post orders.
import { Module } from '@nestjs/common';
import { ProductsModule } from '../products/products.module';
import { SponsorshipController } from './sponsorship.controller';
import { SponsorshipService } from './sponsorship.service';

@Module({
  imports: [ProductsModule],
  controllers: [SponsorshipController],
  providers: [SponsorshipService],
})
export class SponsorshipModule {}
