// A product's reservation events to its shop as staff watch them: each event's status, attempts and last
// error (stored with the endpoint's host only, never its path or query).
import { Injectable } from '@nestjs/common';
import { ShopEventRepository, type ShopEventListing } from '@app/database';
import type { ProductRef } from '../products/product-access.guard';
import { PAGE_DEFAULT } from '../common/page-query.dto';
import { type ShopEventDto, type ShopEventsDto, type ShopEventsQueryDto } from './dto/shop-event.dto';

@Injectable()
export class ShopEventsService {
  constructor(private readonly shopEvents: ShopEventRepository) {}

  async list(ref: ProductRef, query: ShopEventsQueryDto): Promise<ShopEventsDto> {
    const limit = query.limit ?? PAGE_DEFAULT;
    const offset = query.offset ?? 0;
    // One more than asked tells whether another page follows.
    const [rows, counts] = await Promise.all([
      this.shopEvents.listForProduct(ref.id, { status: query.status, kind: query.kind, limit: limit + 1, offset }),
      this.shopEvents.countsForProduct(ref.id, query.kind),
    ]);
    const events = rows.slice(0, limit).map(shopEventDto);
    return { productId: ref.id, counts, events, nextOffset: rows.length > limit ? offset + limit : null };
  }
}

function shopEventDto(e: ShopEventListing): ShopEventDto {
  return {
    id: e.id,
    batchId: e.batchId,
    kind: e.kind,
    shopId: e.shopId,
    reservationId: e.reservationId,
    reservationCode: e.reservationCode,
    variantId: e.variantId,
    status: e.status,
    attempts: e.attempts,
    lastError: e.lastError,
    responseStatus: e.responseStatus,
    createdAt: e.createdAt.toISOString(),
    deliveredAt: e.deliveredAt ? e.deliveredAt.toISOString() : null,
    failedAt: e.failedAt ? e.failedAt.toISOString() : null,
  };
}
