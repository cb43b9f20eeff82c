// What the public share pages show: a published update with its product's stage timeline (and, while the
// product takes reservations, live progress toward its goal), and its image card, rendered once (off the
// event loop) and then read back from PostgreSQL. Each page view is counted (ShareViews).

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import {
  DemandWindowRepository,
  FunnelRepository,
  ImageRepository,
  ProductRepository,
  SocialUpdateRepository,
  TimelineEventRepository,
  TrackedLinkRepository,
  type SocialUpdateEntity,
  type StageChange,
} from '@app/database';
import { DomainError, DomainErrorCode, type ProductView, type Stage } from '@app/domain';
import { cardImageDataUri } from '@app/images';
import { PICTURE_BOX, renderCardPngAsync, renderSharePage, stageLabel, type DemandProgress, type Language, type ShareCardInput, type TimelineStep } from '@app/social';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { CONFIG } from '../common/tokens';
import { VisitorService } from '../links/visitor.service';
import { cardPictureImageId } from './card-picture';

const SLUG = /^[0-9a-z]{1,32}$/;
const CODE = /^[0-9a-z]{4,16}$/;

@Injectable()
export class ShareService {
  /** First renders in flight, so a burst of unfurls of a new link renders the card once. */
  private readonly rendering = new Map<string, Promise<Buffer>>();

  private readonly updates: SocialUpdateRepository;
  private readonly products: ProductRepository;
  private readonly timelines: TimelineEventRepository;
  private readonly demandWindows: DemandWindowRepository;
  private readonly funnel: FunnelRepository;
  private readonly images: ImageRepository;
  private readonly logger = new Logger('SharePages');

  constructor(
    db: DataSource,
    private readonly links: TrackedLinkRepository,
    private readonly visitors: VisitorService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {
    this.updates = new SocialUpdateRepository(db);
    this.products = new ProductRepository(db);
    this.timelines = new TimelineEventRepository(db);
    this.demandWindows = new DemandWindowRepository(db);
    this.funnel = new FunnelRepository(db);
    this.images = new ImageRepository(db);
  }

  /** The published update (internal ones and a withheld announcement are not public), with its stored card if asked. */
  private async published(slug: string, withCard = false): Promise<SocialUpdateEntity> {
    const row = SLUG.test(slug) ? await this.updates.findPublishedBySlug(slug, withCard) : null;
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `there is no shared update ${slug}`);
    return row;
  }

  /** The page; the view counts for the link `code` came from when it is one of this update's, else as direct. */
  async page(slug: string, req: FastifyRequest, code?: string): Promise<string> {
    const update = await this.published(slug);
    const counting = this.countView(update, req, code);
    const product = await this.products.findSnapshot(update.productId);
    const stageTimes = await this.timelines.stageChanges(update.productId);
    const demand = product?.stage === 'DEMAND' ? await this.demand(product) : undefined;
    const language = update.language as Language;
    await counting;
    return renderSharePage({
      ...this.cardInput(update),
      body: update.body,
      hashtags: update.hashtags,
      shareUrl: update.shareUrl,
      imageUrl: update.imageUrl,
      publishedAt: update.occurredAt.toISOString(),
      siteName: language === 'zh-CN' ? '粉丝共创新品' : 'Made with fans',
      timeline: timeline(product, stageTimes, language),
      ...(demand ? { demand } : {}),
    });
  }

  private async countView(update: SocialUpdateEntity, req: FastifyRequest, code: string | undefined): Promise<void> {
    const visitor = this.visitors.identify(req);
    if (!visitor) return;
    const view = { productId: update.productId, updateId: update.id, code: code && CODE.test(code) ? code : null, visitor };
    // A view that cannot be counted still gets its page.
    await this.links.recordView(view, this.config.attribution.repeatWindowMs).catch((err: Error) => {
      this.logger.warn({ updateId: update.id, err: err.message }, 'share-page view not counted');
    });
  }

  /** Live progress toward the demand goal: the window's goal and deadline, units still held per variant. */
  private async demand(product: ProductView): Promise<DemandProgress | undefined> {
    const [window, held] = await Promise.all([this.demandWindows.find(product.productId), this.funnel.heldByVariant(product.productId)]);
    if (!window) return undefined;
    const variants = product.variants ?? [];
    const ids = [...variants.map((v) => v.id), ...held.map((h) => h.variantId).filter((id) => !variants.some((v) => v.id === id))];
    return {
      goal: window.minimumUnits,
      reservedUnits: held.reduce((sum, h) => sum + h.units, 0),
      reservations: held.reduce((sum, h) => sum + h.reservations, 0),
      closesAt: window.closesAt.toISOString(),
      now: new Date().toISOString(),
      variants: ids.map((id) => ({ label: variants.find((v) => v.id === id)?.label ?? id, units: held.find((h) => h.variantId === id)?.units ?? 0 })),
    };
  }

  async card(slug: string): Promise<Buffer> {
    const update = await this.published(slug, true);
    if (update.cardPng) return update.cardPng;
    let pending = this.rendering.get(update.id);
    if (!pending) {
      pending = (async () => {
        const picture = update.card.poll ? undefined : await this.picture(update);
        const png = await renderCardPngAsync({ ...this.cardInput(update), ...(picture ? { picture } : {}) });
        await this.updates.storeCardPng(update.id, png);
        return png;
      })().finally(() => this.rendering.delete(update.id));
      this.rendering.set(update.id, pending);
    }
    return pending;
  }

  /** The approved design's first uploaded image, cropped for the card, from PostgreSQL (nothing is fetched). */
  private async picture(update: SocialUpdateEntity): Promise<string | undefined> {
    const approval = await this.timelines.designApproval(update.productId);
    if (!approval || update.seq < approval.seq) return undefined;
    const product = await this.products.findSnapshot(update.productId);
    const imageId = cardPictureImageId(update.seq, approval, product?.designs ?? []);
    const display = imageId ? await this.images.renditionOfProduct(update.productId, imageId, 'display') : null;
    return display ? cardImageDataUri(display, PICTURE_BOX) : undefined;
  }

  private cardInput(update: SocialUpdateEntity): ShareCardInput {
    return { ...update.card, title: update.title };
  }
}

/**
 * The stages this product passes, in order: DEMAND only with a demand gate; ON_SALE and ENDED for products
 * that sell after launch, LAUNCHED (final) for those started before (CANCELLED ends the walk early).
 */
function pathOf(product: ProductView | null): Stage[] {
  const gated = !!product && (product.demand !== undefined || product.rules.demandGoal !== undefined || product.stage === 'DEMAND');
  const sells = !!product && (product.sellsAfterLaunch === true || product.stage === 'ON_SALE' || product.stage === 'ENDED');
  return ['POLL', ...(gated ? (['DEMAND'] as const) : []), 'DESIGN', 'SAMPLING', 'PRODUCTION', 'LAUNCH', ...(sells ? (['ON_SALE', 'ENDED'] as const) : (['LAUNCHED'] as const))];
}

/** The product's stages with what is done, where it is now and what is ahead (or cut off by a cancellation). */
function timeline(product: ProductView | null, changes: StageChange[], language: Language): TimelineStep[] {
  const PATH = pathOf(product);
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
