// What the public share pages show: a published update with its product's stage timeline, and its image
// card, rendered once (off the event loop) and then read back from PostgreSQL.

import { Injectable } from '@nestjs/common';
import { ProductRepository, SocialUpdateRepository, TimelineEventRepository, type SocialUpdateEntity, type StageChange } from '@app/database';
import { DomainError, DomainErrorCode, STAGES, type ProductView, type Stage } from '@app/domain';
import { renderCardPngAsync, renderSharePage, stageLabel, type Language, type ShareCardInput, type TimelineStep } from '@app/social';
import { DataSource } from 'typeorm';

const SLUG = /^[0-9a-z]{1,32}$/;
/** The stages a product passes on its way to launch, in order (CANCELLED ends the walk early). */
const PATH: Stage[] = STAGES.filter((s) => s !== 'CANCELLED');

@Injectable()
export class ShareService {
  /** First renders in flight, so a burst of unfurls of a new link renders the card once. */
  private readonly rendering = new Map<string, Promise<Buffer>>();

  private readonly updates: SocialUpdateRepository;
  private readonly products: ProductRepository;
  private readonly timelines: TimelineEventRepository;

  constructor(db: DataSource) {
    this.updates = new SocialUpdateRepository(db);
    this.products = new ProductRepository(db);
    this.timelines = new TimelineEventRepository(db);
  }

  /** The published update (internal ones and a withheld announcement are not public), with its stored card if asked. */
  private async published(slug: string, withCard = false): Promise<SocialUpdateEntity> {
    const row = SLUG.test(slug) ? await this.updates.findPublishedBySlug(slug, withCard) : null;
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `there is no shared update ${slug}`);
    return row;
  }

  async page(slug: string): Promise<string> {
    const update = await this.published(slug);
    const product = await this.products.findSnapshot(update.productId);
    const stageTimes = await this.timelines.stageChanges(update.productId);
    const language = update.language as Language;
    return renderSharePage({
      ...this.cardInput(update),
      body: update.body,
      hashtags: update.hashtags,
      shareUrl: update.shareUrl,
      imageUrl: update.imageUrl,
      publishedAt: update.occurredAt.toISOString(),
      siteName: language === 'zh-CN' ? '粉丝共创新品' : 'Made with fans',
      timeline: timeline(product, stageTimes, language),
    });
  }

  async card(slug: string): Promise<Buffer> {
    const update = await this.published(slug, true);
    if (update.cardPng) return update.cardPng;
    let pending = this.rendering.get(update.id);
    if (!pending) {
      pending = (async () => {
        const png = await renderCardPngAsync(this.cardInput(update));
        await this.updates.storeCardPng(update.id, png);
        return png;
      })().finally(() => this.rendering.delete(update.id));
      this.rendering.set(update.id, pending);
    }
    return pending;
  }

  private cardInput(update: SocialUpdateEntity): ShareCardInput {
    return { ...update.card, title: update.title };
  }
}

/** The product's stages with what is done, where it is now and what is ahead (or cut off by a cancellation). */
function timeline(product: ProductView | null, changes: StageChange[], language: Language): TimelineStep[] {
  const stage = product?.stage ?? 'POLL';
  const reached = (s: Stage) => changes.find((c) => c.to === s)?.at.toISOString() ?? (s === 'POLL' ? product?.createdAt : undefined);
  if (stage === 'CANCELLED') {
    const from = product?.cancellation?.fromStage ?? 'POLL';
    const stop = PATH.indexOf(from);
    return [
      ...PATH.slice(0, stop + 1).map((s, i): TimelineStep => ({ label: stageLabel(s, language), state: i < stop ? 'done' : 'cancelled', at: reached(s) })),
      { label: stageLabel('CANCELLED', language), state: 'current', at: product?.cancellation?.at },
    ];
  }
  const now = PATH.indexOf(stage);
  return PATH.map((s, i): TimelineStep => ({
    label: stageLabel(s, language),
    state: i < now ? 'done' : i === now ? 'current' : 'upcoming',
    ...(reached(s) ? { at: reached(s) } : {}),
  }));
}
