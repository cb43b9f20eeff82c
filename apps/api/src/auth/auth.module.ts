// API keys and authentication: /api-keys (staff issue, list, revoke), the global guard that resolves
// every request's key to a principal and enforces @Roles (staff-only details are kept out of other callers'
// answers by a Fastify hook: staff-details.ts). Exports the key service (the launcher's first key).
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyRepository, InfluencerRepository, StaffMemberRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { ApiKeyService } from './api-key.service';
import { ApiKeysController } from './api-keys.controller';
import { AuthGuard } from './auth.guard';

@Module({
  controllers: [ApiKeysController],
  providers: [
    ApiKeyService,
    { provide: APP_GUARD, useClass: AuthGuard },
    ...repositoryProviders(ApiKeyRepository, InfluencerRepository, StaffMemberRepository),
  ],
  exports: [ApiKeyService],
})
export class AuthModule {}
