// Suppliers: registration by staff (the outbound secret shown once and stored sealed, the URL checked by the
// outbound guard before it is stored), disabling, their events, and the supplier an order names (a
// registered, active one, or a name alone for which nothing is sent).

import { checkDeliverable } from '../common/deliverable-url';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { isEntityId, isUniqueViolation, newId, SupplierEventRepository, SupplierRepository, type SupplierEntity, type SupplierEventListing } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import { OutboundGuard, redactUrl } from '@app/outbound';
import { generateWebhookSecret, SecretBox, supplierSecretContext } from '@app/webhooks';
import { CONFIG, SECRET_BOX } from '../common/tokens';
import { RequestValidationError } from '../common/validation';
import type { CreateSupplierDto, IssuedSupplierDto, SupplierDto, SupplierEventDto } from './dto/supplier.dto';

/** Who an order is placed with, as a command carries it. */
export interface OrderSupplier {
  supplier?: string;
  supplierId?: string;
}

@Injectable()
export class SuppliersService {
  private readonly logger = new Logger('Suppliers');
  private readonly outbound: OutboundGuard;

  constructor(
    private readonly suppliers: SupplierRepository,
    private readonly events: SupplierEventRepository,
    @Inject(CONFIG) config: AppConfig,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
  ) {
    this.outbound = new OutboundGuard({ allowedNetworks: config.outbound.allowedNetworks });
  }

  async create(dto: CreateSupplierDto): Promise<IssuedSupplierDto> {
    await checkDeliverable(this.outbound, dto.outboundUrl, 'outboundUrl');
    const id = newId('sup');
    const outboundSecret = generateWebhookSecret();
    const name = dto.name.trim();
    let entity: SupplierEntity;
    try {
      entity = await this.suppliers.insert({
        id,
        name,
        contactEmail: dto.contactEmail?.trim().toLowerCase() ?? null,
        outboundUrl: dto.outboundUrl,
        outboundSecretSealed: this.box.seal(outboundSecret, supplierSecretContext(id)),
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainError(DomainErrorCode.AlreadyExists, `a supplier named "${name}" is already registered`);
      throw err;
    }
    this.logger.log({ supplierId: id }, 'supplier registered');
    return { ...supplierDto(entity), outboundSecret };
  }

  async list(): Promise<SupplierDto[]> {
    return (await this.suppliers.list()).map(supplierDto);
  }

  async get(id: string): Promise<SupplierDto> {
    return supplierDto(await this.find(id));
  }

  /** No new order names it, and its pending events fail at their next attempt; orders already placed keep naming it. */
  async disable(id: string): Promise<SupplierDto> {
    const entity = isEntityId(id) ? await this.suppliers.disable(id) : null;
    if (!entity) throw new DomainError(DomainErrorCode.NotFound, `supplier ${id} does not exist`);
    this.logger.log({ supplierId: id }, 'supplier disabled');
    return supplierDto(entity);
  }

  async eventsOf(id: string, page: { limit?: number; offset?: number }): Promise<SupplierEventDto[]> {
    await this.find(id);
    return (await this.events.listForSupplier(id, { limit: page.limit ?? 100, offset: page.offset ?? 0 })).map(supplierEventDto);
  }

  async eventsOfProduct(productId: string): Promise<SupplierEventDto[]> {
    return (await this.events.listForProduct(productId)).map(supplierEventDto);
  }

  /**
   * The supplier an order is placed with: a registered, active supplier by id (its name filled in), or a name
   * alone (nothing is sent to it). `required`: one of the two must be given.
   */
  async orderedFrom(given: OrderSupplier, required: boolean): Promise<OrderSupplier> {
    if (given.supplierId !== undefined && given.supplier !== undefined) {
      throw invalid('supplierId', 'give supplierId (a registered supplier, sent the order) or supplier (a name only: nothing is sent), not both');
    }
    if (given.supplierId === undefined) {
      if (required && given.supplier === undefined) throw invalid('supplierId', 'supplierId (a registered supplier) or supplier (a name) is required');
      return given.supplier === undefined ? {} : { supplier: given.supplier };
    }
    const entity = isEntityId(given.supplierId) ? await this.suppliers.findById(given.supplierId) : null;
    if (!entity) throw invalid('supplierId', `supplier ${given.supplierId} is not registered`);
    if (entity.disabledAt) throw invalid('supplierId', `supplier ${entity.id} (${entity.name}) is disabled and takes no new orders`);
    return { supplierId: entity.id, supplier: entity.name };
  }

  private async find(id: string): Promise<SupplierEntity> {
    const entity = isEntityId(id) ? await this.suppliers.findById(id) : null;
    if (!entity) throw new DomainError(DomainErrorCode.NotFound, `supplier ${id} does not exist`);
    return entity;
  }

}

function invalid(field: string, message: string): RequestValidationError {
  return new RequestValidationError([{ field, messages: [message] }]);
}

function supplierDto(s: SupplierEntity): SupplierDto {
  return {
    id: s.id,
    name: s.name,
    contactEmail: s.contactEmail,
    outboundUrl: redactUrl(s.outboundUrl),
    status: s.disabledAt ? 'disabled' : 'active',
    createdAt: (s.createdAt ?? new Date()).toISOString(),
  };
}

function supplierEventDto(e: SupplierEventListing): SupplierEventDto {
  const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
  return { ...e, createdAt: new Date(e.createdAt).toISOString(), deliveredAt: iso(e.deliveredAt), failedAt: iso(e.failedAt), cancelledAt: iso(e.cancelledAt) };
}
