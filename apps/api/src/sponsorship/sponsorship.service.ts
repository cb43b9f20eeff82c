// Sponsored-post compliance for staff: declaring a product's brand partner, listing its sponsored posts with
// their order references and fees, and recording the platform's answer for a post. A recorded order releases
// the post's held deliveries and starts their delivery workflow (`deliveries-<update id>`, as the product's
// workflow would have); a refusal blocks them with the reason. Nothing is dropped: a post without an
// accepted order stays held or blocked, visible here and in the deliveries list.

import { Inject, Injectable } from '@nestjs/common';
import { deliveryRetry, type AppConfig } from '@app/config';
import { isEntityId, ProductRepository, SocialUpdateRepository, SponsorshipRepository, type PostDecision, type ProductSponsorshipEntity, type SponsoredPostListing } from '@app/database';
import { DomainError, DomainErrorCode, SOCIAL_DELIVERY_WORKFLOW_TYPE, sponsoredPostWorkflowId, type DeliveryWorkflowInput, type SocialDeliveryWorkflow } from '@app/domain';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { CONFIG, TEMPORAL_CLIENT } from '../common/tokens';
import { RequestValidationError } from '../common/validation';
import type { ProductRef } from '../products/product-access.guard';
import type { DeclareSponsorshipDto, FeeTotalDto, RecordSponsoredOrderDto, SponsoredPostDto, SponsorshipDto, SponsorshipTermsDto } from './dto/sponsorship.dto';

@Injectable()
export class SponsorshipService {
  private readonly sponsorships: SponsorshipRepository;
  private readonly products: ProductRepository;
  private readonly updates: SocialUpdateRepository;

  constructor(
    db: DataSource,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {
    this.sponsorships = new SponsorshipRepository(db);
    this.products = new ProductRepository(db);
    this.updates = new SocialUpdateRepository(db);
  }

  async get(ref: ProductRef): Promise<SponsorshipDto> {
    const [terms, posts] = await Promise.all([this.sponsorships.find(ref.id), this.sponsorships.listPosts(ref.id)]);
    return sponsorshipDto(ref.id, terms, posts);
  }

  /** Declares (or replaces) the product's sponsorship: updates planned from now on are sponsored posts. */
  async declare(ref: ProductRef, dto: DeclareSponsorshipDto): Promise<SponsorshipDto> {
    const stage = await this.products.stageOf(ref.id);
    if (stage === 'CANCELLED' || stage === 'ENDED') {
      throw new DomainError(DomainErrorCode.InvalidState, `product ${ref.id} is ${stage}; it makes no more posts to sponsor`);
    }
    await this.sponsorships.declare(ref.id, { partner: dto.partner.trim(), defaultFeeMinor: dto.defaultFeeMinor ?? null, currency: dto.currency ?? null, events: dto.events ?? null });
    return this.get(ref);
  }

  /** Ends the product's sponsorship for later updates; posts already made stay sponsored (and held until recorded). */
  async remove(ref: ProductRef): Promise<SponsorshipDto> {
    if (!(await this.sponsorships.remove(ref.id))) throw new DomainError(DomainErrorCode.NotFound, `product ${ref.id} has no sponsorship`);
    return this.get(ref);
  }

  /**
   * Records a platform's answer for one sponsored post (the update's post on `dto.platform`, or its only one):
   * its order (releases it) or its refusal (blocks it).
   */
  async record(ref: ProductRef, updateId: string, dto: RecordSponsoredOrderDto): Promise<SponsoredPostDto> {
    if (!isEntityId(updateId) || !(await this.updates.existsOfProduct(updateId, ref.id))) {
      throw new DomainError(DomainErrorCode.NotFound, `product ${ref.id} has no social update ${updateId}`);
    }
    const post = { updateId, platform: dto.platform ?? null };
    let decision: PostDecision;
    if (dto.status === 'refused') {
      decision = await this.sponsorships.block(ref.id, post, { orderReference: dto.orderReference ?? null, reason: dto.reason! });
    } else {
      decision = await this.sponsorships.release(ref.id, post, { orderReference: dto.orderReference!, ...(await this.feeOf(ref, dto)) });
    }
    switch (decision.outcome) {
      case 'released':
        if (decision.deliveryIds.length > 0) await this.startDeliveries(sponsoredPostWorkflowId(updateId, decision.platform), decision.deliveryIds);
        break;
      case 'blocked':
        break;
      case 'not-sponsored':
        throw new DomainError(DomainErrorCode.InvalidState, `update ${updateId} of product ${ref.id} is not a sponsored post; it needs no paid-post order`);
      case 'withdrawn':
        throw new DomainError(DomainErrorCode.InvalidState, `product ${ref.id} was cancelled; its sponsored post ${updateId} was withdrawn and is not sent`);
      case 'already-released':
        throw new DomainError(
          DomainErrorCode.AlreadyExists,
          `the paid-post order ${decision.orderReference} is already recorded for update ${updateId}${dto.platform ? ` on ${dto.platform}` : ''}; its post was released`,
        );
      case 'reference-taken':
        throw new DomainError(
          DomainErrorCode.AlreadyExists,
          `order reference ${dto.orderReference} is already recorded for ${decision.updateId === null ? 'another post' : `update ${decision.updateId}`}; one paid order is one post`,
        );
      case 'platform-unknown':
        throw new RequestValidationError([
          {
            field: 'platform',
            messages: [
              dto.platform === undefined
                ? `update ${updateId} is a paid post on each of ${decision.platforms.join(', ')}, each with its own order: name the platform this order is for`
                : `update ${updateId} is not posted on ${dto.platform}; its paid posts are on ${decision.platforms.join(', ')}`,
            ],
          },
        ]);
      default: {
        const unknown: never = decision;
        throw new Error(`unhandled decision ${JSON.stringify(unknown)}`);
      }
    }
    const listed = (await this.sponsorships.listPosts(ref.id)).find((p) => p.updateId === updateId && p.platform === decision.platform);
    if (!listed) throw new DomainError(DomainErrorCode.NotFound, `product ${ref.id} has no sponsored post ${updateId}`);
    return postDto(listed);
  }

  /** The post's fee: the one given, else the sponsorship's default (in its currency). */
  private async feeOf(ref: ProductRef, dto: RecordSponsoredOrderDto): Promise<{ feeMinor: number; currency: string }> {
    const terms = await this.sponsorships.termsOf(ref.id);
    const sameCurrency = dto.currency === undefined || dto.currency === terms?.currency;
    const feeMinor = dto.feeMinor ?? (sameCurrency ? terms?.defaultFeeMinor : null) ?? null;
    const currency = dto.currency ?? terms?.currency ?? null;
    if (feeMinor === null) {
      throw new RequestValidationError([{ field: 'feeMinor', messages: [`feeMinor is required: product ${ref.id} has no default fee per post${dto.currency ? ` in ${dto.currency}` : ''}`] }]);
    }
    if (currency === null) {
      throw new RequestValidationError([{ field: 'currency', messages: [`currency is required: product ${ref.id}'s sponsorship names no default currency`] }]);
    }
    return { feeMinor, currency };
  }

  /**
   * Starts the post's delivery workflow for its released deliveries. Once only per post (a duplicate id is
   * refused even after the first run ended), so a repeated request, after a 503 here, starts what the first
   * could not and never a second round.
   */
  private async startDeliveries(workflowId: string, deliveryIds: string[]): Promise<void> {
    const input: DeliveryWorkflowInput = { deliveryIds, retry: deliveryRetry(this.config) };
    try {
      await this.temporal.workflow.start<SocialDeliveryWorkflow>(SOCIAL_DELIVERY_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }
}

function termsDto(t: ProductSponsorshipEntity): SponsorshipTermsDto {
  return { partner: t.partner, defaultFeeMinor: t.defaultFeeMinor, currency: t.currency, events: t.events, declaredAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() };
}

function postDto(p: SponsoredPostListing): SponsoredPostDto {
  return {
    updateId: p.updateId,
    seq: p.seq,
    event: p.event,
    platform: p.platform,
    partner: p.partner,
    source: p.source,
    disclosure: p.disclosure,
    status: p.status,
    orderReference: p.orderReference,
    feeMinor: p.feeMinor,
    currency: p.currency,
    refusalReason: p.refusalReason,
    createdAt: p.createdAt.toISOString(),
    decidedAt: p.decidedAt ? p.decidedAt.toISOString() : null,
    withdrawnAt: p.withdrawnAt ? p.withdrawnAt.toISOString() : null,
    deliveries: p.deliveries,
  };
}

function sponsorshipDto(productId: string, terms: ProductSponsorshipEntity | null, posts: SponsoredPostListing[]): SponsorshipDto {
  const totals = new Map<string, FeeTotalDto>();
  for (const p of posts) {
    if (p.status !== 'released' || p.feeMinor === null || p.currency === null) continue;
    const total = totals.get(p.currency) ?? { currency: p.currency, feeMinor: 0, posts: 0 };
    total.feeMinor += p.feeMinor;
    total.posts += 1;
    totals.set(p.currency, total);
  }
  return {
    productId,
    sponsorship: terms ? termsDto(terms) : null,
    posts: posts.map(postDto),
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    held: posts.filter((p) => p.status === 'held').length,
    blocked: posts.filter((p) => p.status === 'blocked').length,
  };
}
