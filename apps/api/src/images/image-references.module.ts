// The ownership check of uploaded images named by design and sample rounds, for the product actions
// (a module of its own: ImagesModule needs ProductsModule's guard, ProductsModule needs this).
import { Module } from '@nestjs/common';
import { ImageRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { ImageReferences } from './image-references';

@Module({
  providers: [ImageReferences, ...repositoryProviders(ImageRepository)],
  exports: [ImageReferences],
})
export class ImageReferencesModule {}
