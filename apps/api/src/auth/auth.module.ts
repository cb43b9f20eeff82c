// API keys and authentication: /api-keys (staff issue, list, revoke), the global guard that resolves
// every request's key to a principal and enforces @Roles, and the global interceptor that keeps staff-only
// details out of other callers' answers. Exports the key service (the launcher's first key).
import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ApiKeyRepository, InfluencerRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { ApiKeyService } from './api-key.service';
import { ApiKeysController } from './api-keys.controller';
import { AuthGuard } from './auth.guard';
import { StaffDetailsInterceptor } from './staff-details.interceptor';

@Module({
  controllers: [ApiKeysController],
  providers: [
    ApiKeyService,
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: StaffDetailsInterceptor },
    ...repositoryProviders(ApiKeyRepository, InfluencerRepository),
  ],
  exports: [ApiKeyService],
})
export class AuthModule {}
