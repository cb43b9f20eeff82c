// Route metadata for the auth guard, and the parameter decorators that hand handlers the caller (and her session).
import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { ApiKeyRole } from '@app/database';
import type { Principal } from './principal';
import type { SessionDto } from './dto/session.dto';

export const PUBLIC_ROUTE = 'auth:public';
export const ROLES = 'auth:roles';
export const SESSION_ONLY = 'auth:session-only';

/**
 * No API key needed (health, share pages, signed webhooks). In the OpenAPI document the operation's security
 * is one empty requirement (`[{}]`: anyone may call), overriding the document's default (an API key).
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiSecurity({}));

/** The caller's own browser session (GET and DELETE /auth/session): only the session cookie counts, never an API key. */
export const SessionOnly = () => applyDecorators(SetMetadata(SESSION_ONLY, true), ApiSecurity('cookieAuth'));

/** Only keys (or sessions) with one of these roles; without it any valid key or session passes. */
export const Roles = (...roles: ApiKeyRole[]) => SetMetadata(ROLES, roles);

export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});

/** The browser session that authenticated the request (routes marked SessionOnly always have one). */
export const CurrentSession = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthenticatedSession => {
  return ctx.switchToHttp().getRequest<{ session: AuthenticatedSession }>().session;
});

export interface AuthenticatedSession {
  id: string;
  dto: SessionDto;
}
