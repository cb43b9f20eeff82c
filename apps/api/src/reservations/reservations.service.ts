// One reservation from either door (a fan connector's signed webhook, or a shop's reservation.created):
// the checks that do not need the database's lock (product, variant, quantity), then intake, then the
// answer. The window's being open is decided by the insert itself.

import { BadRequestException, Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '@app/domain';
import { RequestValidationError } from '../common/validation';
import type { ReservationReceiptDto } from './dto/reservation.dto';
import { ReservationIntakeService, type ReservationInput } from './reservation-intake.service';
import { VariantCatalog } from './variant-catalog.service';

/** Where each field came from in the request, so refusals name it the way the caller sent it. */
export interface ReservationFields {
  productId: string;
  variantId: string;
  quantity: string;
}

@Injectable()
export class ReservationsService {
  constructor(
    private readonly catalog: VariantCatalog,
    private readonly intake: ReservationIntakeService,
  ) {}

  async reserve(input: ReservationInput, fields: ReservationFields): Promise<{ status: 200 | 202; receipt: ReservationReceiptDto }> {
    if (input.quantity <= 0) throw new BadRequestException(`${fields.quantity} must be at least 1, got ${input.quantity}`);
    const product = await this.catalog.get(input.productId);
    if (!product) throw new DomainError(DomainErrorCode.NotFound, `product ${input.productId} does not exist`);
    if (!product.byId.has(input.variantId)) {
      throw new RequestValidationError([
        { field: fields.variantId, messages: [`variant "${input.variantId}" is not one of product ${input.productId}'s variants: ${product.variants.map((v) => v.id).join(', ')}`] },
      ]);
    }
    const outcome = await this.intake.record(input);
    const base = { productId: input.productId, variantId: input.variantId, webhookId: input.webhookId };
    switch (outcome.kind) {
      case 'reserved':
        return { status: 202, receipt: { result: 'reserved', code: outcome.code, ...base } };
      case 'duplicate':
        return { status: 200, receipt: { result: 'duplicate', reason: outcome.reason, code: outcome.code, ...base } };
      case 'window-not-open': {
        const detail =
          outcome.status === null
            ? 'it has no reservation window (no demand goal, or the poll has not picked the winner yet)'
            : outcome.status === 'OPEN'
              ? `reservations closed at ${outcome.closesAt}`
              : `its reservation window is ${outcome.status}`;
        throw new DomainError(DomainErrorCode.InvalidState, `product ${input.productId} does not take reservations now: ${detail}`);
      }
    }
  }
}
