// A product's social updates as staff and its influencer read them (internal ones for staff only).

import { Injectable } from '@nestjs/common';
import { SocialUpdateRepository, type SocialUpdateEntity } from '@app/database';
import { DataSource } from 'typeorm';
import type { Principal } from '../auth/principal';
import type { ProductRef } from '../products/product-access.guard';
import type { SocialUpdateDto, SocialUpdatesDto } from './dto/social-update.dto';

@Injectable()
export class SocialUpdatesService {
  private readonly updates: SocialUpdateRepository;

  constructor(db: DataSource) {
    this.updates = new SocialUpdateRepository(db);
  }

  async list(ref: ProductRef, principal: Principal): Promise<SocialUpdatesDto> {
    const rows = await this.updates.listForProduct(ref.id);
    // Internal updates (cancellation, approval alerts) are for staff.
    const visible = principal.role === 'staff' ? rows : rows.filter((r) => r.status !== 'internal');
    return { productId: ref.id, updates: visible.map(updateDto) };
  }
}

function updateDto(u: SocialUpdateEntity): SocialUpdateDto {
  return {
    id: u.id,
    productId: u.productId,
    seq: u.seq,
    event: u.event,
    status: u.status,
    title: u.title,
    body: u.body,
    hashtags: u.hashtags,
    keyword: u.keyword,
    platform: u.platform,
    language: u.language,
    sponsored: u.sponsored,
    shareUrl: u.shareUrl,
    imageUrl: u.imageUrl,
    optimisation: u.optimisation,
    occurredAt: u.occurredAt.toISOString(),
  };
}
