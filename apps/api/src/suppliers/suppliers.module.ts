// Suppliers: staff registration (sealed secret, guarded outbound URL) and their order events; exports the
// service products use to check the supplier an order names.
import { Module } from '@nestjs/common';
import { SupplierEventRepository, SupplierRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { SuppliersController } from './suppliers.controller';
import { SuppliersService } from './suppliers.service';

@Module({
  controllers: [SuppliersController],
  providers: [SuppliersService, ...repositoryProviders(SupplierRepository, SupplierEventRepository)],
  exports: [SuppliersService],
})
export class SuppliersModule {}
