// A product's deliveries as staff watch them, and re-sending a failed one: the same webhook-id and body,
// a fresh round of attempts in a delivery workflow of its own.

import { Inject, Injectable } from '@nestjs/common';
import { deliveryRetry, type AppConfig } from '@app/config';
import { DeliveryRepository, isEntityId, ProductRepository, type DeliveryEntity, type DeliveryListing } from '@app/database';
import { DomainError, DomainErrorCode, resendWorkflowId, SOCIAL_DELIVERY_WORKFLOW_TYPE, type DeliveryWorkflowInput, type SocialDeliveryWorkflow } from '@app/domain';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { CONFIG, TEMPORAL_CLIENT } from '../common/tokens';
import type { ProductRef } from '../products/product-access.guard';
import type { DeliveriesDto, DeliveryDto } from './dto/delivery.dto';

@Injectable()
export class DeliveriesService {
  private readonly deliveries: DeliveryRepository;
  private readonly products: ProductRepository;

  constructor(
    db: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {
    this.deliveries = new DeliveryRepository(db);
    this.products = new ProductRepository(db);
  }

  async list(ref: ProductRef, status?: string): Promise<DeliveriesDto> {
    return { productId: ref.id, deliveries: (await this.deliveries.listForProduct(ref.id, { status })).map(deliveryDto) };
  }

  /** Sends a failed delivery again: same webhook-id, same body, a fresh round of attempts. */
  async resend(ref: ProductRef, deliveryId: string): Promise<DeliveryDto> {
    const existing = isEntityId(deliveryId) ? await this.deliveries.findOfProduct(deliveryId, ref.id) : null;
    if (!existing) throw new DomainError(DomainErrorCode.NotFound, `product ${ref.id} has no delivery ${deliveryId}`);
    // Only a failed delivery, and only once at a time: a delivered one is never sent twice.
    const resends = await this.deliveries.claimResend(deliveryId);
    if (resends === null) {
      // Its status as it is now, not as it was read above: another request or an attempt may have changed it.
      const current = (await this.deliveries.findOfProduct(deliveryId, ref.id)) ?? existing;
      if (current.status === 'failed' && (await this.products.stageOf(ref.id)) === 'CANCELLED') {
        throw new DomainError(DomainErrorCode.InvalidState, `product ${ref.id} was cancelled; its deliveries are not sent again`);
      }
      throw new DomainError(DomainErrorCode.InvalidState, resendRefusal(current));
    }
    const input: DeliveryWorkflowInput = { deliveryIds: [deliveryId], retry: deliveryRetry(this.config) };
    try {
      // One workflow per re-send: the claim above numbers them, so a repeated request cannot start two.
      await this.temporal.workflow.start<SocialDeliveryWorkflow>(SOCIAL_DELIVERY_WORKFLOW_TYPE, {
        workflowId: resendWorkflowId(deliveryId, resends),
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
      });
    } catch (err) {
      await this.deliveries.releaseResend(deliveryId);
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        throw new DomainError(DomainErrorCode.InvalidState, `delivery ${deliveryId} is still being attempted`);
      }
      throw err;
    }
    const [resent] = await this.deliveries.listForProduct(ref.id, { deliveryId });
    return deliveryDto(resent);
  }
}

/** Why a delivery that is not (or no longer) failed cannot be re-sent. */
function resendRefusal(d: Pick<DeliveryEntity, 'id' | 'updateId' | 'status' | 'deliveredAt' | 'responseStatus'>): string {
  switch (d.status) {
    case 'delivered': {
      const answer = d.responseStatus === null ? '' : ` (the receiver answered ${d.responseStatus}${d.deliveredAt ? ` at ${d.deliveredAt.toISOString()}` : ''})`;
      return `delivery ${d.id} was already delivered${answer}; it is not sent twice, only a failed delivery can be re-sent`;
    }
    case 'pending':
      return `delivery ${d.id} is still being attempted; only a failed delivery can be re-sent`;
    case 'failed':
      return `delivery ${d.id} is being re-sent by another request; only a failed delivery can be re-sent, once at a time`;
    case 'cancelled':
      return `delivery ${d.id} was withdrawn when its product was cancelled; it is not sent`;
    case 'held':
      return `delivery ${d.id} is held: its sponsored post waits for the platform's paid-post order reference (POST /products/:id/social-updates/${d.updateId}/sponsorship releases it)`;
    case 'blocked':
      return `delivery ${d.id} is blocked: the platform refused its sponsored post's paid order; record a new order reference to release it`;
  }
}

function deliveryDto(d: DeliveryListing): DeliveryDto {
  return {
    id: d.id,
    updateId: d.updateId,
    event: d.event,
    channelId: d.channelId,
    channelKind: d.channelKind,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    responseStatus: d.responseStatus,
    responseBody: d.responseBody,
    resends: d.resends,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt ? d.deliveredAt.toISOString() : null,
    failedAt: d.failedAt ? d.failedAt.toISOString() : null,
    cancelledAt: d.cancelledAt ? d.cancelledAt.toISOString() : null,
    trackedLink: d.linkCode ? `/r/${d.linkCode}` : null,
  };
}
