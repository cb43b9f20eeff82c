// Authenticates every request by API key (Authorization: Bearer … or X-API-Key) or, without one, by the
// browser session's cookie (ie_session); holds each key or session to API_KEY_RATE_LIMIT requests per second
// (per API process), and enforces @Roles. A cookie-authenticated request that may change something (any method
// but GET, HEAD, OPTIONS) must carry the session's X-CSRF-Token and no foreign Origin. Product ownership is
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
import { PUBLIC_ROUTE, ROLES, SESSION_ONLY, type AuthenticatedSession } from './decorators';
import type { Principal } from './principal';
import { csrfTokenMatches, isUnsafeMethod, originAllowed, presentedSessionToken } from './session-cookie';
import { SessionsService } from './sessions.service';

export function presentedKey(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.toLowerCase().startsWith('bearer ')) return auth.slice(7).trim();
  const header = req.headers['x-api-key'];
  return typeof header === 'string' && header ? header.trim() : null;
}

type AuthRequest = FastifyRequest & { principal?: Principal; session?: AuthenticatedSession };

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly limiter: RateLimiterMemory;

  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyService,
    private readonly sessions: SessionsService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {
    this.limiter = new RateLimiterMemory({ points: config.api.keyRateLimitPerSecond, duration: 1 });
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthRequest>();
    const sessionOnly = this.reflector.getAllAndOverride<boolean>(SESSION_ONLY, targets) ?? false;
    const key = sessionOnly ? null : presentedKey(req);
    const principal = key ? await this.byKey(key) : await this.bySession(req, sessionOnly);
    req.principal = principal;
    await consumeOrRefuse(this.limiter, principal.keyId, `this ${req.session ? 'session' : 'API key'} is over its limit of ${this.limiter.points} requests per second`);
    const roles = this.reflector.getAllAndOverride<ApiKeyRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(principal.role)) {
      throw new DomainError(DomainErrorCode.Forbidden, `this action needs a ${roles.join(' or ')} key; the ${req.session ? 'session' : 'key'} presented is ${principal.role === 'influencer' ? 'an influencer\'s' : 'a staff'} ${req.session ? 'session' : 'key'}`);
    }
    return true;
  }

  private async byKey(key: string): Promise<Principal> {
    const principal = await this.keys.verify(key);
    if (!principal) throw new DomainError(DomainErrorCode.Unauthenticated, 'the API key is not valid, has been revoked, or belongs to a disabled staff member');
    return principal;
  }

  private async bySession(req: AuthRequest, sessionOnly: boolean): Promise<Principal> {
    const token = presentedSessionToken(req);
    if (!token) {
      throw new DomainError(
        DomainErrorCode.Unauthenticated,
        sessionOnly ? 'no session: sign in first' : 'an API key is required (Authorization: Bearer <key> or X-API-Key), or a session cookie: sign in first',
      );
    }
    const session = await this.sessions.verify(token);
    if (!session) throw new DomainError(DomainErrorCode.Unauthenticated, 'the session has expired or ended: sign in again');
    if (isUnsafeMethod(req.method)) {
      if (!originAllowed(req, this.config)) throw new DomainError(DomainErrorCode.Forbidden, `requests from origin ${String(req.headers.origin).slice(0, 200)} may not act with this session`);
      if (!csrfTokenMatches(req, token)) throw new DomainError(DomainErrorCode.Forbidden, 'CSRF token missing or wrong: send the session\'s csrfToken as the X-CSRF-Token header');
    }
    req.session = { id: session.id, dto: session.dto };
    return session.principal;
  }
}
