// API keys, signing in and authentication: /api-keys (staff issue, list, revoke), /auth (sign-in links,
// browser sessions), influencers' magic links, and the global guard that resolves every request's key or
// session cookie to a principal and enforces @Roles (staff-only details are kept out of other callers'
// answers by a Fastify hook: staff-details.ts). Exports the key service (the launcher's first key).
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyRepository, InfluencerRepository, MagicLinkRepository, NotificationRepository, SessionRepository, SignInTokenRepository, StaffMemberRepository } from '@app/database';
import { repositoryProviders } from '../infrastructure/repository.providers';
import { ApiKeyService } from './api-key.service';
import { ApiKeysController } from './api-keys.controller';
import { AuthGuard } from './auth.guard';
import { MagicLinksController } from './magic-links.controller';
import { MagicLinksService } from './magic-links.service';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  controllers: [ApiKeysController, SessionsController, MagicLinksController],
  providers: [
    ApiKeyService,
    SessionsService,
    MagicLinksService,
    { provide: APP_GUARD, useClass: AuthGuard },
    ...repositoryProviders(ApiKeyRepository, InfluencerRepository, StaffMemberRepository, SignInTokenRepository, MagicLinkRepository, SessionRepository, NotificationRepository),
  ],
  exports: [ApiKeyService],
})
export class AuthModule {}
