// API keys and authentication: /api-keys (staff issue, list, revoke), and the global guard that resolves
// every request's key to a principal and enforces @Roles. Exports the key service (the launcher's first key).
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyRepository, InfluencerRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { ApiKeyService } from './api-key.service';
import { ApiKeysController } from './api-keys.controller';
import { AuthGuard } from './auth.guard';

@Module({
  controllers: [ApiKeysController],
  providers: [ApiKeyService, { provide: APP_GUARD, useClass: AuthGuard }, ...repositoryProviders(ApiKeyRepository, InfluencerRepository)],
  exports: [ApiKeyService],
})
export class AuthModule {}
