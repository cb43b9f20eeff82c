// Authenticates a vote delivery: the source named in the path must exist, the Standard Webhooks signature
// must match one of its secrets over the exact bytes received, the source must be enabled and within
// its rate limit. Only then is the body validated and the vote recorded.

import { CanActivate, Injectable, type ExecutionContext } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@app/domain';
import { SignatureError } from '@app/webhooks';
import type { FastifyRequest } from 'fastify';
import { consumeOrRefuse } from '../common/rate-limit';
import { RequestValidationError } from '../common/validation';
import { WebhookSourcesService, type ActiveSource } from '../webhook-sources/webhook-sources.service';

export type WebhookRequest = FastifyRequest & { rawBody?: Buffer; webhookSource?: ActiveSource };

function header(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(' ') : value;
}

@Injectable()
export class WebhookSignatureGuard implements CanActivate {
  constructor(private readonly sources: WebhookSourcesService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<WebhookRequest>();
    const sourceId = (req.params as { sourceId?: string }).sourceId ?? '';
    const source = await this.sources.active(sourceId);
    if (!source) throw new DomainError(DomainErrorCode.NotFound, `webhook source ${sourceId} does not exist`);

    // The route's body limit (votes.controller.ts) refused anything over MAX_VOTE_BYTES before parsing.
    const raw = req.rawBody ?? Buffer.alloc(0);
    const headers = {
      'webhook-id': header(req, 'webhook-id'),
      'webhook-timestamp': header(req, 'webhook-timestamp'),
      'webhook-signature': header(req, 'webhook-signature'),
    };
    try {
      source.verifier.verify(raw, headers);
    } catch (err) {
      if (err instanceof SignatureError) throw new DomainError(DomainErrorCode.Unauthenticated, err.message);
      throw err;
    }
    if (source.disabled) throw new DomainError(DomainErrorCode.Forbidden, `webhook source ${sourceId} is disabled`);
    const webhookId = headers['webhook-id']!;
    if (webhookId.length > 128) {
      throw new RequestValidationError([{ field: 'webhook-id', messages: ['webhook-id must be at most 128 characters'] }]);
    }
    await consumeOrRefuse(source.limiter, source.id, `webhook source ${sourceId} is over its limit of ${source.rateLimitPerSecond} deliveries per second`);
    req.webhookSource = source;
    return true;
  }
}
