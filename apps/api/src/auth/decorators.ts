// Route metadata for the auth guard, and the parameter decorator that hands handlers the caller.
import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { ApiKeyRole } from '@app/database';
import type { Principal } from './principal';

export const PUBLIC_ROUTE = 'auth:public';
export const ROLES = 'auth:roles';

/**
 * No API key needed (health, share pages, signed webhooks). In the OpenAPI document the operation's security
 * is one empty requirement (`[{}]`: anyone may call), overriding the document's default (an API key).
 */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiSecurity({}));

/** Only keys with one of these roles; without it any valid key passes. */
export const Roles = (...roles: ApiKeyRole[]) => SetMetadata(ROLES, roles);

export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
