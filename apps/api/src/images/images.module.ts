// Uploaded images: the product's uploads and list (behind the products' ownership guard) and the public sizes.
import { Module } from '@nestjs/common';
import { ImageRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { ProductsModule } from '../products/products.module';
import { ImagesController, ProductImagesController } from './images.controller';
import { ImagesService } from './images.service';

@Module({
  imports: [ProductsModule],
  controllers: [ProductImagesController, ImagesController],
  providers: [ImagesService, ...repositoryProviders(ImageRepository)],
})
export class ImagesModule {}
