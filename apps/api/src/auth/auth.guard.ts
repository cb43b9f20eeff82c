// Authenticates every request by API key (Authorization: Bearer … or X-API-Key), holds each key to
// API_KEY_RATE_LIMIT requests per second (per API process), and enforces @Roles. Product ownership is
// checked separately, once, by ProductAccessGuard.

import { CanActivate, Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiKeyRole } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import type { AppConfig } from '@app/config';
import type { FastifyRequest } from 'fastify';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { consumeOrRefuse } from '../common/rate-limit';
import { CONFIG } from '../common/tokens';
import { ApiKeyService } from './api-key.service';
import { PUBLIC_ROUTE, ROLES } from './decorators';
import type { Principal } from './principal';

export function presentedKey(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.toLowerCase().startsWith('bearer ')) return auth.slice(7).trim();
  const header = req.headers['x-api-key'];
  return typeof header === 'string' && header ? header.trim() : null;
}

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly limiter: RateLimiterMemory;

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyService,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.limiter = new RateLimiterMemory({ points: config.api.keyRateLimitPerSecond, duration: 1 });
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const key = presentedKey(req);
    if (!key) throw new DomainError(DomainErrorCode.Unauthenticated, 'an API key is required (Authorization: Bearer <key> or X-API-Key)');
    const principal = await this.keys.verify(key);
    if (!principal) throw new DomainError(DomainErrorCode.Unauthenticated, 'the API key is not valid, has been revoked, or belongs to a disabled staff member');
    req.principal = principal;
    await consumeOrRefuse(this.limiter, principal.keyId, `this API key is over its limit of ${this.limiter.points} requests per second`);
    const roles = this.reflector.getAllAndOverride<ApiKeyRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new DomainError(DomainErrorCode.Forbidden, `this action needs a ${roles.join(' or ')} key; the key presented is ${principal.role === 'influencer' ? 'an influencer' : 'a staff'} key`);
    }
    return true;
  }
}
