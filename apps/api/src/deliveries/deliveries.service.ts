// A product's deliveries as staff watch them, and re-sending a failed one: the same webhook-id and body,
// a fresh round of attempts in a delivery workflow of its own.

import { Inject, Injectable } from '@nestjs/common';
import { deliveryRetry, type AppConfig } from '@app/config';
import { DeliveryRepository, isEntityId, type DeliveryListing } from '@app/database';
import { DomainError, DomainErrorCode, resendWorkflowId, SOCIAL_DELIVERY_WORKFLOW_TYPE, type DeliveryWorkflowInput, type SocialDeliveryWorkflow } from '@app/domain';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { CONFIG, TEMPORAL_CLIENT } from '../common/tokens';
import type { ProductRef } from '../products/product-access.guard';
import type { DeliveriesDto, DeliveryDto } from './dto/delivery.dto';

@Injectable()
export class DeliveriesService {
  private readonly deliveries: DeliveryRepository;

  constructor(
    db: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {
    this.deliveries = new DeliveryRepository(db);
  }

  async list(ref: ProductRef, status?: string): Promise<DeliveriesDto> {
    return { productId: ref.id, deliveries: (await this.deliveries.listForProduct(ref.id, { status })).map(deliveryDto) };
  }

  /** Sends a failed delivery again: same webhook-id, same body, a fresh round of attempts. */
  async resend(ref: ProductRef, deliveryId: string): Promise<DeliveryDto> {
    const existing = isEntityId(deliveryId) ? await this.deliveries.findOfProduct(deliveryId, ref.id) : null;
    if (!existing) throw new DomainError(DomainErrorCode.NotFound, `product ${ref.id} has no delivery ${deliveryId}`);
    // Only a failed delivery, and only once at a time.
    const resends = await this.deliveries.claimResend(deliveryId);
    if (resends === null) {
      throw new DomainError(DomainErrorCode.InvalidState, `delivery ${deliveryId} is ${existing.status}; only a failed delivery can be re-sent`);
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
  };
}
