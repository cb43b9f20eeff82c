// The webhooks shops deliver to: the standard connector's signed envelopes (orders, cancellations, refunds,
// reservations) and Shopify's own order webhooks, both onto the same order intake.
import { BadRequestException, Body, Controller, HttpException, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { isShopifyTopic, mapShopifyCancellation, mapShopifyOrder, mapShopifyRefund, ShopPayloadError, SHOPIFY_TOPICS } from '@app/shop';
import { DomainError } from '@app/domain';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { BodyLimit } from '../common/http-server';
import { RequestValidationError } from '../common/validation';
import { ReservationsService } from '../reservations/reservations.service';
import {
  OrderCancelledDataDto,
  OrderCreatedDataDto,
  RefundCreatedDataDto,
  ReservationCreatedDataDto,
  ShopWebhookDto,
  ShopWebhookReceiptDto,
} from './dto/shop-webhook.dto';
import { OrderIntakeService, type Delivery, type IntakeAnswer } from './order-intake.service';
import { ShopEnvelopePipe, type ShopEnvelope } from './shop-envelope.pipe';
import { ShopSignatureGuard, type ShopWebhookRequest } from './shop-signature.guard';

/** Shopify orders with many lines and attributes stay well under this. Refused (413) before the body is parsed. */
const MAX_SHOP_WEBHOOK_BYTES = 512 * 1024;

@ApiTags('shops')
@Public()
@Controller('webhooks')
@UseGuards(ShopSignatureGuard)
@ApiExtraModels(OrderCreatedDataDto, OrderCancelledDataDto, RefundCreatedDataDto, ReservationCreatedDataDto)
export class ShopWebhooksController {
  constructor(
    private readonly intake: OrderIntakeService,
    private readonly reservations: ReservationsService,
  ) {}

  @Post('shops/:shopId')
  @BodyLimit(MAX_SHOP_WEBHOOK_BYTES)
  @HttpCode(202)
  @ApiOperation({
    summary: 'A standard shop connector delivers an order, cancellation, refund or reservation (Standard Webhooks, signed with the shop\'s inbound secret).',
    description:
      'Answered after the effect is committed with the delivery\'s receipt: 202 recorded (or reserved); 200 duplicate (the same webhook-id again, or ' +
      'the same order / cancellation / refund under another webhook-id). Orders only for products ON_SALE (409 otherwise); unknown product, variant ' +
      'or SKU 422; quantity below 1 400; a refund of more than the line ordered minus earlier refunds 422. A cancellation or refund that arrives before ' +
      'its order is stored and applied when the order arrives (the order then counts as cancelled; an early refund is capped at the line\'s quantity).',
  })
  @ApiParam({ name: 'shopId' })
  @ApiHeader({ name: 'webhook-id', required: true })
  @ApiHeader({ name: 'webhook-timestamp', required: true })
  @ApiHeader({ name: 'webhook-signature', required: true })
  @ApiBody({ type: ShopWebhookDto })
  @ApiResponse({ status: 202, type: ShopWebhookReceiptDto })
  @ApiResponse({ status: 200, type: ShopWebhookReceiptDto, description: 'Already had it.' })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  async standard(@Body(ShopEnvelopePipe) envelope: ShopEnvelope, @Req() req: ShopWebhookRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<ShopWebhookReceiptDto> {
    const d: Delivery = { shopId: req.shop!.id, webhookId: req.shopWebhookId!, topic: envelope.type };
    return answer(reply, await this.orPrior(d, envelope.type, () => this.handleStandard(d, envelope)));
  }

  /**
   * A redelivery is answered from its receipt even when the delivery would be refused now (the product has
   * left ON_SALE since, say): the receipt is looked up only then, so accepted deliveries pay nothing for it.
   */
  private async orPrior(d: Delivery, type: string, handle: () => Promise<IntakeAnswer>): Promise<IntakeAnswer> {
    try {
      return await handle();
    } catch (err) {
      if (!(err instanceof HttpException || err instanceof DomainError)) throw err;
      const prior = await this.intake.priorAnswer(d, type);
      if (prior) return prior;
      throw err;
    }
  }

  private async handleStandard(d: Delivery, envelope: ShopEnvelope): Promise<IntakeAnswer> {
    switch (envelope.type) {
      case 'reservation.created':
        return this.reserve(d, envelope.data);
      case 'order.created': {
        const o = envelope.data;
        return this.intake.order(d, envelope.type, { ...o, orderedAt: o.createdAt, lines: o.lines.map((l, i) => ({ ...l, field: `data.lines[${i}]` })) }, 'refuse');
      }
      case 'order.cancelled': {
        const c = envelope.data;
        return this.intake.cancellation(d, envelope.type, c.orderId, c.cancelledAt);
      }
      case 'refund.created': {
        const r = envelope.data;
        return this.intake.refund(d, envelope.type, { refundId: r.refundId, orderId: r.orderId, refundedAt: r.createdAt, lines: r.lines.map((l, i) => ({ ...l, field: `data.lines[${i}]` })) });
      }
    }
  }

  private async reserve(d: Delivery, r: ReservationCreatedDataDto): Promise<IntakeAnswer> {
    const customer = r.customerId.trim();
    if (!customer) throw new RequestValidationError([{ field: 'data.customerId', messages: ['data.customerId must not be blank'] }]);
    const { status, receipt } = await this.reservations.reserve(
      {
        productId: r.productId,
        variantId: r.variantId,
        quantity: r.quantity,
        platform: 'shop',
        platformUserId: customer,
        platformUserIdRaw: r.customerId,
        via: 'shop',
        sourceId: d.shopId,
        webhookId: d.webhookId,
        attributionCode: r.attributionCode ?? null,
      },
      { productId: 'data.productId', variantId: 'data.variantId', quantity: 'data.quantity' },
    );
    const reason = receipt.reason === 'already-reserved' ? 'already-reserved' : receipt.reason;
    return { status, receipt: { result: receipt.result, ...(reason ? { reason } : {}), type: d.topic, webhookId: d.webhookId, code: receipt.code } };
  }

  @Post('shopify/:shopId')
  @BodyLimit(MAX_SHOP_WEBHOOK_BYTES)
  @HttpCode(202)
  @ApiOperation({
    summary: `Shopify's own webhooks (${SHOPIFY_TOPICS.join(', ')}), verified with X-Shopify-Hmac-Sha256 and the app secret; idempotent per X-Shopify-Webhook-Id.`,
    description:
      'Line items are matched to variants by SKU; items with other SKUs are ignored (an order with none of ours: 200 ignored). The reservation code ' +
      'is read from the note attribute "reservation_code", else from a discount code shaped like a reservation code; the attribution code from the ' +
      'note attribute "attribution_code". A body that is not Shopify\'s shape: 400.',
  })
  @ApiParam({ name: 'shopId' })
  @ApiHeader({ name: 'X-Shopify-Topic', required: true, description: SHOPIFY_TOPICS.join(', ') })
  @ApiHeader({ name: 'X-Shopify-Hmac-Sha256', required: true })
  @ApiHeader({ name: 'X-Shopify-Webhook-Id', required: true })
  @ApiHeader({ name: 'X-Shopify-Shop-Domain', required: false, description: 'Logged only; the shop is the one in the path.' })
  @ApiBody({ schema: { type: 'object', additionalProperties: true, description: 'Shopify\'s order or refund payload, as Shopify sends it.' } })
  @ApiResponse({ status: 202, type: ShopWebhookReceiptDto })
  @ApiResponse({ status: 200, type: ShopWebhookReceiptDto, description: 'Already had it, or ignored.' })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  async shopify(@Body() body: unknown, @Req() req: ShopWebhookRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<ShopWebhookReceiptDto> {
    const topic = String(req.headers['x-shopify-topic'] ?? '');
    if (!isShopifyTopic(topic)) {
      throw new RequestValidationError([{ field: 'X-Shopify-Topic', messages: [`X-Shopify-Topic "${topic}" is not handled; subscribe this endpoint to ${SHOPIFY_TOPICS.join(', ')}`] }]);
    }
    const d: Delivery = { shopId: req.shop!.id, webhookId: req.shopWebhookId!, topic };
    return answer(
      reply,
      await this.orPrior(d, topic, async () => {
        try {
          return await this.handleShopify(d, topic, body);
        } catch (err) {
          // A body that is not Shopify's shape is a bad request, naming the field.
          if (err instanceof ShopPayloadError) throw new BadRequestException(`not a Shopify ${topic} payload: ${err.message}`);
          throw err;
        }
      }),
    );
  }

  private async handleShopify(d: Delivery, topic: (typeof SHOPIFY_TOPICS)[number], body: unknown): Promise<IntakeAnswer> {
    switch (topic) {
      case 'orders/create': {
        const o = mapShopifyOrder(body);
        const lines = o.lines.map((l, i) => ({
          field: `line_items[${i}]`,
          lineId: l.lineId,
          sku: l.sku,
          quantity: l.quantity,
          unitPriceMinor: l.unitPriceMinor,
          reservationCode: o.reservationCode,
          attributionCode: o.attributionCode,
        }));
        // Items without a SKU are never ours.
        return this.intake.order(d, topic, { ...o, lines: lines.filter((l) => l.sku) }, 'ignore');
      }
      case 'orders/cancelled': {
        const c = mapShopifyCancellation(body);
        return this.intake.cancellation(d, topic, c.orderId, c.cancelledAt);
      }
      case 'refunds/create': {
        const orderId = typeof body === 'object' && body !== null && 'order_id' in body ? String(body.order_id) : '';
        const currency = (await this.intake.orderCurrency(d.shopId, orderId)) ?? undefined;
        const r = mapShopifyRefund(body, currency);
        return this.intake.refund(d, topic, { ...r, lines: r.lines.map((l, i) => ({ ...l, field: `refund_line_items[${i}]` })) });
      }
    }
  }
}

function answer(reply: FastifyReply, a: IntakeAnswer): ShopWebhookReceiptDto {
  if (a.status === 200) void reply.status(200);
  return a.receipt;
}
