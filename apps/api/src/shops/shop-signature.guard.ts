// Authenticates a shop's webhook delivery over the exact bytes received: the shop named in the path must
// exist and be of the route's kind; a standard shop's delivery carries a Standard Webhooks signature with
// its inbound secret (webhook-id, webhook-timestamp within five minutes, webhook-signature), a Shopify
// shop's carries X-Shopify-Hmac-Sha256 with the app secret and X-Shopify-Webhook-Id. Only then is the body
// looked at.

import { CanActivate, Injectable, type ExecutionContext } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@app/domain';
import { verifyShopifyHmac } from '@app/shop';
import { SignatureError } from '@app/webhooks';
import type { FastifyRequest } from 'fastify';
import { RequestValidationError } from '../common/validation';
import { ShopsService, type ActiveShop } from './shops.service';

export type ShopWebhookRequest = FastifyRequest & { rawBody?: Buffer; shop?: ActiveShop; shopWebhookId?: string };

function header(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(' ') : value;
}

@Injectable()
export class ShopSignatureGuard implements CanActivate {
  constructor(private readonly shops: ShopsService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<ShopWebhookRequest>();
    const shopId = (req.params as { shopId?: string }).shopId ?? '';
    const kind = (req.routeOptions.url ?? req.url).startsWith('/webhooks/shopify/') ? 'shopify' : 'standard';
    const shop = await this.shops.active(shopId);
    if (!shop) throw new DomainError(DomainErrorCode.NotFound, `shop ${shopId} does not exist`);
    if (shop.kind !== kind) {
      const path = shop.kind === 'shopify' ? `/webhooks/shopify/${shopId}` : `/webhooks/shops/${shopId}`;
      throw new DomainError(DomainErrorCode.NotFound, `shop ${shopId} is a ${shop.kind} shop; it delivers to ${path}`);
    }
    const raw = req.rawBody ?? Buffer.alloc(0);
    let webhookId: string | undefined;
    if (shop.verifier) {
      const headers = { 'webhook-id': header(req, 'webhook-id'), 'webhook-timestamp': header(req, 'webhook-timestamp'), 'webhook-signature': header(req, 'webhook-signature') };
      try {
        shop.verifier.verify(raw, headers);
      } catch (err) {
        if (err instanceof SignatureError) throw new DomainError(DomainErrorCode.Unauthenticated, err.message);
        throw err;
      }
      webhookId = headers['webhook-id'];
    } else {
      if (!verifyShopifyHmac(raw, shop.shopifySecret ?? '', header(req, 'x-shopify-hmac-sha256'))) {
        throw new DomainError(DomainErrorCode.Unauthenticated, 'X-Shopify-Hmac-Sha256 is missing or is not the HMAC of the body with this shop\'s app secret');
      }
      webhookId = header(req, 'x-shopify-webhook-id');
      if (!webhookId) throw new RequestValidationError([{ field: 'X-Shopify-Webhook-Id', messages: ['X-Shopify-Webhook-Id is required: it makes a redelivery count once'] }]);
    }
    if (shop.disabled) throw new DomainError(DomainErrorCode.Forbidden, `shop ${shopId} is disabled`);
    if (!webhookId || webhookId.length > 128) {
      throw new RequestValidationError([{ field: 'webhook-id', messages: ['the webhook id must be 1 to 128 characters'] }]);
    }
    req.shop = shop;
    req.shopWebhookId = webhookId;
    return true;
  }
}
