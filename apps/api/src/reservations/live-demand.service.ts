// Live demand for fans: units per variant, share of the goal and time left, from the window, its live
// totals and the reservations, read at most once per LIVE_RESULTS_TTL per product and API instance.

import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { DemandWindowRepository, ReservationRepository } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import { PromiseCache } from '../common/promise-cache';
import { CONFIG } from '../common/tokens';
import type { LiveDemandDto } from './dto/reservation.dto';
import { VariantCatalog } from './variant-catalog.service';

const MAX_CACHED = 10_000;

@Injectable()
export class LiveDemandService {
  private readonly cache: PromiseCache<string, LiveDemandDto>;

  constructor(
    private readonly windows: DemandWindowRepository,
    private readonly reservations: ReservationRepository,
    private readonly catalog: VariantCatalog,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.cache = new PromiseCache({ maxEntries: MAX_CACHED, ttlMs: () => config.votes.liveResultsTtlMs, pendingMs: config.votes.liveResultsTtlMs });
  }

  get(productId: string): Promise<LiveDemandDto> {
    return this.cache.get(productId, () => this.load(productId));
  }

  private async load(productId: string): Promise<LiveDemandDto> {
    const now = Date.now();
    const product = await this.catalog.get(productId);
    if (!product) throw new DomainError(DomainErrorCode.NotFound, `product ${productId} does not exist`);
    const window = await this.windows.findLive(productId);
    if (!window) throw new DomainError(DomainErrorCode.NotFound, `product ${productId} has no demand gate: it takes no reservations (no demand goal, or its poll has not closed yet)`);
    const units = await this.reservations.unitsPerVariant(productId);
    const closesAt = window.closesAt.getTime();
    return {
      productId,
      status: window.status,
      minimumUnits: window.minimumUnits,
      reservedUnits: window.reservedUnits,
      reservations: window.reservations,
      shareOfGoal: window.minimumUnits > 0 ? Math.round((window.reservedUnits / window.minimumUnits) * 1000) / 1000 : 1,
      closesAt: window.closesAt.toISOString(),
      timeLeftMs: window.status === 'OPEN' ? Math.max(0, closesAt - now) : 0,
      variants: product.variants.map((v) => ({ variantId: v.id, label: v.label, units: units.get(v.id) ?? 0 })),
      asOf: new Date(now).toISOString(),
    };
  }
}
