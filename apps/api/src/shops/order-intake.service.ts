// Order intake from shops, whichever connector delivered it (standard envelope or Shopify's own webhooks):
// every check that needs no lock first (quantities, SKUs, products, variants, the product on sale, the
// shop that sells it) so bad input changes nothing, then the effect and the delivery's receipt committed
// together, with group commit like votes (deliveries arriving together are written together: new orders in
// one statement, the rest in one transaction, a refund in a savepoint of its own: OrderRepository.recordBatch),
// then the stock report to the workflow in the background.

import { BadRequestException, Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import {
  isDatabaseUnavailable,
  OrderRepository,
  ProductVariantRepository,
  type BatchOutcome,
  type NewOrder,
  type NewOrderLine,
  type ShopDelivery,
  type ShopEffect,
} from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import { CONFIG } from '../common/tokens';
import { RequestValidationError } from '../common/validation';
import { VariantCatalog } from '../reservations/variant-catalog.service';
import type { ShopWebhookReceiptDto } from './dto/shop-webhook.dto';
import { ApiMetrics } from '../metrics/api-metrics';
import { GroupCommitClosedError, GroupCommitter } from '../votes/group-commit';
import { SalesReporter } from './sales-reporter.service';

/** One line as a connector sent it: productId + variantId, or a SKU. `field` names it in refusals. */
export interface IncomingLine {
  field: string;
  lineId: string;
  productId?: string;
  variantId?: string;
  sku?: string | null;
  quantity: number;
  unitPriceMinor: number;
  reservationCode?: string | null;
  attributionCode?: string | null;
}

export interface IncomingOrder {
  orderId: string;
  orderedAt: string;
  currency: string;
  lines: IncomingLine[];
}

export interface Delivery {
  shopId: string;
  webhookId: string;
  /** order.created, orders/create, …: kept with the receipt. */
  topic: string;
}

export type IntakeAnswer = { status: 200 | 202; receipt: ShopWebhookReceiptDto };

type Written = BatchOutcome | { failed: unknown };

@Injectable()
export class OrderIntakeService implements OnApplicationShutdown {
  private readonly logger = new Logger('OrderIntake');
  private readonly committer: GroupCommitter<ShopDelivery, Written>;

  constructor(
    private readonly orders: OrderRepository,
    private readonly variants: ProductVariantRepository,
    private readonly catalog: VariantCatalog,
    private readonly reporter: SalesReporter,
    @Inject(CONFIG) config: AppConfig,
    metrics: ApiMetrics,
  ) {
    this.committer = metrics.intakeCommitter('shop_delivery', config, (items: ShopDelivery[]) => this.flush(items));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.committer.drain();
  }

  private async flush(items: ShopDelivery[]): Promise<Written[]> {
    try {
      return await this.orders.recordBatch(items);
    } catch (err) {
      if (isDatabaseUnavailable(err) || items.length === 1) throw err;
      // One delivery that fails unexpectedly must not fail its neighbours: write them one by one to find it.
      this.logger.warn({ err: (err as Error).message, batch: items.length }, 'order batch failed; writing its deliveries one by one');
      const out: Written[] = [];
      for (const item of items) {
        try {
          out.push(...(await this.orders.recordBatch([item])));
        } catch (single) {
          if (isDatabaseUnavailable(single)) throw single;
          out.push({ failed: single });
        }
      }
      return out;
    }
  }

  /** A redelivery is answered from its receipt before anything else is checked (the product may have moved on since). */
  async priorAnswer(d: Delivery, type: string): Promise<IntakeAnswer | null> {
    const prior = await this.orders.findReceipt(d.shopId, d.webhookId);
    return prior ? { status: 200, receipt: { result: 'duplicate', reason: 'redelivery', type, webhookId: d.webhookId, ...ids(prior) } } : null;
  }

  /**
   * `unknownSkus`: 'refuse' (the standard connector names only what it sells through us) or 'ignore' (a
   * Shopify shop sells other things too; an order with none of ours is answered `ignored`).
   */
  async order(d: Delivery, type: string, order: IncomingOrder, unknownSkus: 'refuse' | 'ignore'): Promise<IntakeAnswer> {
    for (const l of order.lines) if (l.quantity <= 0) throw new BadRequestException(`${l.field}.quantity must be at least 1, got ${l.quantity}`);
    const lines = await this.resolveLines(order.lines, unknownSkus);
    if (lines.length === 0) return { status: 200, receipt: { result: 'ignored', type, webhookId: d.webhookId, orderId: order.orderId, lines: 0 } };
    const newOrder = { orderId: order.orderId, orderedAt: order.orderedAt, currency: order.currency, lines };
    const record = (repo: OrderRepository) => repo.recordOrder(d.shopId, newOrder);
    // An order converting reservations is checked here and recorded on its own in its batch; a plain one is
    // checked and recorded with the batch's others in one statement (see apply for one that fails the check).
    if (lines.some((l) => l.reservationCode !== null)) {
      await this.checkOnSale(d.shopId, productIdsOf(newOrder));
      return this.apply(d, type, order.orderId, record);
    }
    return this.apply(d, type, order.orderId, record, false, newOrder);
  }

  cancellation(d: Delivery, type: string, orderId: string, cancelledAt: string): Promise<IntakeAnswer> {
    return this.apply(d, type, orderId, (repo) => repo.recordCancellation(d.shopId, orderId, cancelledAt));
  }

  async refund(
    d: Delivery,
    type: string,
    refund: { refundId: string; orderId: string; refundedAt: string; lines: { field: string; lineId: string; quantity: number; amountMinor: number }[] },
  ): Promise<IntakeAnswer> {
    for (const l of refund.lines) if (l.quantity <= 0) throw new BadRequestException(`${l.field}.quantity must be at least 1, got ${l.quantity}`);
    const seen = new Set<string>();
    for (const l of refund.lines) {
      if (seen.has(l.lineId)) throw new RequestValidationError([{ field: `${l.field}.lineId`, messages: [`line ${l.lineId} is refunded twice in one refund`] }]);
      seen.add(l.lineId);
    }
    return this.apply(
      d,
      type,
      refund.orderId,
      (repo) => repo.recordRefund(d.shopId, { ...refund, lines: refund.lines.map(({ lineId, quantity, amountMinor }) => ({ lineId, quantity, amountMinor })) }),
      true,
    );
  }

  /** The order's currency if it was received (Shopify refunds carry amounts in it). */
  orderCurrency(shopId: string, orderId: string): Promise<string | null> {
    return this.orders.orderCurrency(shopId, orderId);
  }

  private async apply(
    d: Delivery,
    type: string,
    orderId: string,
    effect: (repo: OrderRepository) => Promise<ShopEffect>,
    mayBeRefused = false,
    order?: NewOrder,
  ): Promise<IntakeAnswer> {
    const outcome = await this.committer.submit({ ...d, orderId, effect, mayBeRefused, order }).catch((err: unknown) => {
      if (err instanceof GroupCommitClosedError) throw new DomainError(DomainErrorCode.DependencyUnavailable, 'the API is shutting down and takes no more shop deliveries');
      throw err;
    });
    if ('failed' in outcome) throw outcome.failed;
    if ('refused' in outcome) throw new DomainError(DomainErrorCode.InvalidValue, outcome.refused.message);
    if ('notOnSale' in outcome) {
      // Only for an order given with its data (`order`): nothing stored; the check refuses it with the reason.
      await this.checkOnSale(d.shopId, productIdsOf(order!));
      // On sale after all (the check raced a stage change the other way, which the lifecycle never makes): record it as checked.
      return this.apply(d, type, orderId, effect, mayBeRefused);
    }
    const base = { type, webhookId: d.webhookId, ...ids(outcome.effect) };
    if (outcome.duplicate) return { status: 200, receipt: { result: 'duplicate', reason: 'redelivery', ...base } };
    const e = outcome.effect;
    this.reporter.check(e.productIds);
    switch (e.kind) {
      case 'already-recorded':
        return { status: 200, receipt: { result: 'duplicate', reason: 'already-recorded', ...base } };
      case 'order':
        return { status: 202, receipt: { result: 'recorded', ...base, lines: e.lines, reservationsConverted: e.reservationsConverted, cancelled: e.cancelled } };
      case 'cancellation':
      case 'refund':
        return { status: 202, receipt: { result: 'recorded', ...base, orderKnown: e.orderKnown } };
    }
  }

  /** Each line's product and variant, from its SKU or as given; unknown ones refused (422) or, for 'ignore', only unknown SKUs dropped. */
  private async resolveLines(lines: IncomingLine[], unknownSkus: 'refuse' | 'ignore'): Promise<NewOrderLine[]> {
    const skus = [...new Set(lines.map((l) => l.sku).filter((s): s is string => !!s))];
    const bySku = new Map((await this.variants.findBySkus(skus)).map((t) => [t.sku, t]));
    const out: NewOrderLine[] = [];
    for (const l of lines) {
      let productId = l.productId;
      let variantId = l.variantId;
      if (l.sku) {
        const target = bySku.get(l.sku);
        if (!target) {
          if (unknownSkus === 'ignore') continue;
          throw new RequestValidationError([{ field: `${l.field}.sku`, messages: [`SKU "${l.sku}" is not the SKU of any product's variant`] }]);
        }
        if ((productId && productId !== target.productId) || (variantId && variantId !== target.variantId)) {
          throw new RequestValidationError([{ field: `${l.field}.sku`, messages: [`SKU "${l.sku}" is variant ${target.variantId} of product ${target.productId}, not what the line names`] }]);
        }
        productId = target.productId;
        variantId = target.variantId;
      }
      if (!productId || !variantId) throw new RequestValidationError([{ field: l.field, messages: [`${l.field} needs productId and variantId, or sku`] }]);
      const product = await this.catalog.get(productId);
      if (!product) throw new RequestValidationError([{ field: `${l.field}.productId`, messages: [`product ${productId} does not exist`] }]);
      if (!product.byId.has(variantId)) {
        throw new RequestValidationError([
          { field: `${l.field}.variantId`, messages: [`variant "${variantId}" is not one of product ${productId}'s variants: ${product.variants.map((v) => v.id).join(', ')}`] },
        ]);
      }
      out.push({
        lineId: l.lineId,
        productId,
        variantId,
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
        reservationCode: l.reservationCode ? l.reservationCode.trim().toUpperCase() : null,
        attributionCode: l.attributionCode ?? null,
      });
    }
    const lineIds = new Set<string>();
    for (const l of out) {
      if (lineIds.has(l.lineId)) throw new RequestValidationError([{ field: 'lines', messages: [`line id ${l.lineId} appears twice in the order`] }]);
      lineIds.add(l.lineId);
    }
    return out;
  }

  /** Orders are taken only for products on sale, from the shop that sells them when the product names one. */
  private async checkOnSale(shopId: string, productIds: string[]): Promise<void> {
    const states = await this.orders.saleStates(productIds);
    for (const productId of productIds) {
      const sale = states.get(productId);
      if (!sale) throw new RequestValidationError([{ field: 'lines', messages: [`product ${productId} does not exist`] }]);
      if (sale.stage !== 'ON_SALE') throw new DomainError(DomainErrorCode.WrongStage, `product ${productId} is in ${sale.stage}; orders are taken only while it is ON_SALE`);
      if (sale.shopId && sale.shopId !== shopId) {
        throw new RequestValidationError([{ field: 'lines', messages: [`product ${productId} is sold by shop ${sale.shopId}, not by shop ${shopId}`] }]);
      }
    }
  }
}

function productIdsOf(order: NewOrder): string[] {
  return [...new Set(order.lines.map((l) => l.productId))];
}

function ids(e: ShopEffect): Pick<ShopWebhookReceiptDto, 'orderId' | 'refundId'> {
  switch (e.kind) {
    case 'order':
    case 'cancellation':
      return { orderId: e.orderId };
    case 'refund':
      return { orderId: e.orderId, refundId: e.refundId };
    case 'already-recorded':
      return e.what === 'refund' ? { refundId: e.id } : { orderId: e.id };
  }
}
