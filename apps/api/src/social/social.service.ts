// Social updates as staff and influencers see them: influencers' social settings and channels (webhook
// secrets shown once, stored sealed), a product's updates and deliveries, re-sending a failed delivery, and
// the launch announcement the influencer approves.

import { Inject, Injectable, Logger } from '@nestjs/common';
import { deliveryRetry, type AppConfig } from '@app/config';
import { ChannelEntity, DeliveryEntity, InfluencerEntity, isEntityId, newId, ProductEntity, SocialUpdateEntity } from '@app/database';
import {
  approveLaunchAnnouncement,
  DomainError,
  DomainErrorCode,
  resendWorkflowId,
  SOCIAL_DELIVERY_WORKFLOW_TYPE,
  type DeliveryWorkflowInput,
  type ProductView,
} from '@app/domain';
import { draftLaunchAnnouncement, isTimeZone, socialSettings, templateProblems, type PlatformLimits, type SocialSettings } from '@app/social';
import { channelSecretContext, generateWebhookSecret, rotateSealedSecret, SecretBox } from '@app/webhooks';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { actorOf, type Principal } from '../auth/principal';
import { CONFIG, SECRET_BOX, TEMPORAL_CLIENT } from '../common/tokens';
import { RequestValidationError } from '../common/validation';
import type { ProductRef } from '../products/product-access.guard';
import { ProductsService } from '../products/products.service';
import type {
  ApproveAnnouncementDto,
  ChannelDto,
  CreateChannelDto,
  DeliveriesDto,
  DeliveryDto,
  IssuedChannelDto,
  LaunchAnnouncementDto,
  SocialSettingsDto,
  SocialUpdateDto,
  SocialUpdatesDto,
} from './dto/social.dto';

@Injectable()
export class SocialService {
  private readonly logger = new Logger('Social');

  constructor(
    private readonly db: DataSource,
    private readonly products: ProductsService,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(SECRET_BOX) private readonly box: SecretBox,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  private async influencer(id: string): Promise<InfluencerEntity> {
    const row = isEntityId(id) ? await this.db.getRepository(InfluencerEntity).findOneBy({ id }) : null;
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `influencer ${id} does not exist`);
    return row;
  }

  async settings(influencerId: string): Promise<SocialSettings> {
    return socialSettings((await this.influencer(influencerId)).socialSettings as Partial<SocialSettings>);
  }

  /** Replaces the settings; fields left out take their defaults. */
  async putSettings(influencerId: string, dto: SocialSettingsDto): Promise<SocialSettings> {
    await this.influencer(influencerId);
    const problems = templateProblems(dto.templates ?? {});
    if (dto.timeZone !== undefined && !isTimeZone(dto.timeZone)) problems.push({ field: 'timeZone', message: `timeZone "${dto.timeZone}" is not an IANA time zone such as Asia/Shanghai` });
    if (problems.length > 0) {
      throw new RequestValidationError(problems.map((p) => ({ field: p.field, messages: [p.message] })));
    }
    const settings = socialSettings({
      ...(dto.language !== undefined ? { language: dto.language } : {}),
      ...(dto.tone !== undefined ? { tone: dto.tone } : {}),
      ...(dto.platform !== undefined ? { platform: dto.platform } : {}),
      ...(dto.signatureHashtags !== undefined ? { signatureHashtags: dto.signatureHashtags } : {}),
      ...(dto.sponsored !== undefined ? { sponsored: dto.sponsored } : {}),
      ...(dto.timeZone !== undefined ? { timeZone: dto.timeZone } : {}),
      ...(dto.templates !== undefined ? { templates: dto.templates } : {}),
    });
    await this.db.getRepository(InfluencerEntity).update({ id: influencerId }, { socialSettings: settings });
    return settings;
  }

  async createChannel(influencerId: string, dto: CreateChannelDto): Promise<IssuedChannelDto> {
    const influencer = await this.influencer(influencerId);
    if (dto.kind === 'webhook' && !dto.url) throw new RequestValidationError([{ field: 'url', messages: ['a webhook channel needs the url it posts to'] }]);
    if (dto.kind === 'log' && dto.url) throw new RequestValidationError([{ field: 'url', messages: ['a log channel has no url'] }]);
    const id = newId('ch');
    const secret = dto.kind === 'webhook' ? generateWebhookSecret() : undefined;
    const entity = this.db.getRepository(ChannelEntity).create({
      id,
      influencerId,
      kind: dto.kind,
      name: dto.name,
      platform: dto.platform ?? socialSettings(influencer.socialSettings as Partial<SocialSettings>).platform,
      url: dto.url ?? null,
      secretSealed: secret ? this.box.seal(secret, channelSecretContext(id)) : null,
      previousSecretSealed: null,
      previousSecretExpiresAt: null,
      rotatedAt: null,
      disabledAt: null,
    });
    await this.db.getRepository(ChannelEntity).insert(entity);
    this.logger.log({ channelId: id, influencerId, kind: dto.kind }, 'channel added');
    return { ...channelDto(entity), ...(secret ? { secret } : {}) };
  }

  async channels(influencerId: string): Promise<ChannelDto[]> {
    await this.influencer(influencerId);
    const rows = await this.db.getRepository(ChannelEntity).find({ where: { influencerId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(channelDto);
  }

  /**
   * A new signing secret for a webhook channel (shown once). Deliveries carry signatures with both the new
   * and the previous secret for WEBHOOK_SECRET_GRACE, so the receiver can switch without refusing any.
   */
  async rotateChannelSecret(influencerId: string, channelId: string): Promise<IssuedChannelDto> {
    let secret = '';
    const entity = await this.db.transaction(async (tx) => {
      const repo = tx.getRepository(ChannelEntity);
      const current = isEntityId(channelId) ? await repo.findOne({ where: { id: channelId, influencerId }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!current) throw new DomainError(DomainErrorCode.NotFound, `influencer ${influencerId} has no channel ${channelId}`);
      if (current.kind !== 'webhook') throw new DomainError(DomainErrorCode.InvalidState, `channel ${channelId} is a log channel; it has no secret`);
      if (current.disabledAt) throw new DomainError(DomainErrorCode.InvalidState, `channel ${channelId} is disabled`);
      secret = rotateSealedSecret(current, this.box, channelSecretContext(channelId), this.config.votes.secretGraceMs);
      return repo.save(current);
    });
    this.logger.log({ channelId, influencerId }, 'channel secret rotated');
    return { ...channelDto(entity), secret };
  }

  /** Stops new deliveries to the channel; ones already retrying stop at their next attempt. */
  async disableChannel(influencerId: string, channelId: string): Promise<ChannelDto> {
    const row = isEntityId(channelId) ? await this.db.getRepository(ChannelEntity).findOneBy({ id: channelId, influencerId }) : null;
    if (!row) throw new DomainError(DomainErrorCode.NotFound, `influencer ${influencerId} has no channel ${channelId}`);
    if (!row.disabledAt) {
      row.disabledAt = new Date();
      await this.db.getRepository(ChannelEntity).update({ id: channelId }, { disabledAt: row.disabledAt });
    }
    return channelDto(row);
  }

  async updates(ref: ProductRef, principal: Principal): Promise<SocialUpdatesDto> {
    const rows = await this.db.getRepository(SocialUpdateEntity).find({ where: { productId: ref.id }, order: { seq: 'ASC' } });
    // Internal updates (cancellation, approval alerts) are for staff.
    const visible = principal.role === 'staff' ? rows : rows.filter((r) => r.status !== 'internal');
    return { productId: ref.id, updates: visible.map(updateDto) };
  }

  async deliveries(ref: ProductRef, status?: string): Promise<DeliveriesDto> {
    return { productId: ref.id, deliveries: await this.deliveryRows(ref.id, { status }) };
  }

  private async deliveryRows(productId: string, only: { status?: string; deliveryId?: string }): Promise<DeliveryDto[]> {
    const rows: (DeliveryRow & { event: string; channel_kind: string })[] = await this.db.query(
      `SELECT d.*, u.event, c.kind AS channel_kind FROM deliveries d
       JOIN social_updates u ON u.id = d.update_id JOIN channels c ON c.id = d.channel_id
       WHERE d.product_id = $1 AND ($2::text IS NULL OR d.status = $2) AND ($3::text IS NULL OR d.id = $3)
       ORDER BY u.seq, c.created_at, d.id`,
      [productId, only.status ?? null, only.deliveryId ?? null],
    );
    return rows.map(deliveryDto);
  }

  /** Sends a failed delivery again: same webhook-id, same body, a fresh round of attempts. */
  async resend(ref: ProductRef, deliveryId: string): Promise<DeliveryDto> {
    const repo = this.db.getRepository(DeliveryEntity);
    const existing = isEntityId(deliveryId) ? await repo.findOneBy({ id: deliveryId, productId: ref.id }) : null;
    if (!existing) throw new DomainError(DomainErrorCode.NotFound, `product ${ref.id} has no delivery ${deliveryId}`);
    // Only a failed delivery, and only once at a time: the conditional update is the lock.
    const [claimed] = (await this.db.query(
      `UPDATE deliveries SET status = 'pending', resends = resends + 1, failed_at = NULL WHERE id = $1 AND status = 'failed' RETURNING resends`,
      [deliveryId],
    )) as [{ resends: number }[], number];
    if (claimed.length === 0) {
      throw new DomainError(DomainErrorCode.InvalidState, `delivery ${deliveryId} is ${existing.status}; only a failed delivery can be re-sent`);
    }
    const input: DeliveryWorkflowInput = { deliveryIds: [deliveryId], retry: deliveryRetry(this.config) };
    try {
      // One workflow per re-send: the claim above numbers them, so a repeated request cannot start two.
      await this.temporal.workflow.start(SOCIAL_DELIVERY_WORKFLOW_TYPE, {
        workflowId: resendWorkflowId(deliveryId, claimed[0].resends),
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
      });
    } catch (err) {
      await this.db.query(`UPDATE deliveries SET status = 'failed', failed_at = now() WHERE id = $1 AND status = 'pending'`, [deliveryId]);
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        throw new DomainError(DomainErrorCode.InvalidState, `delivery ${deliveryId} is still being attempted`);
      }
      throw err;
    }
    const [resent] = await this.deliveryRows(ref.id, { deliveryId });
    return resent;
  }

  async announcement(ref: ProductRef): Promise<LaunchAnnouncementDto> {
    const context = await this.announcementContext(ref);
    return announcementDto(context, context.product);
  }

  /** The influencer approves the draft (or their edit of it); exactly this text goes out at launch. */
  async approveAnnouncement(ref: ProductRef, dto: ApproveAnnouncementDto, principal: Principal): Promise<LaunchAnnouncementDto> {
    const context = await this.announcementContext(ref);
    const { product, settings, limits } = context;
    const current = announcementDto(context, product);
    const text = { title: (dto.title ?? current.text.title).trim(), body: (dto.body ?? current.text.body).trim() };
    // Approved text goes out word for word, so it must fit the platform it is written for as it is.
    const withText = { ...product, launch: { ...product.launch, announcement: { ...text, approvedAt: '', approvedBy: actorOf(principal) } } };
    if (draftLaunchAnnouncement(withText, settings, context.handle, limits).truncated) {
      const title = limits.titleMax > 0 ? `a title of at most ${limits.titleMax} characters and ` : '';
      throw new RequestValidationError([
        {
          field: dto.title !== undefined ? 'title' : 'body',
          messages: [`the announcement does not fit ${settings.platform}'s limits: ${title}a post (with hashtags and any disclosure) of at most ${limits.bodyMax}`],
        },
      ]);
    }
    const view = await this.products.act(ref, approveLaunchAnnouncement, text, principal);
    return announcementDto(context, { ...product, launch: view.launch as ProductView['launch'] });
  }

  /** The product as the read model has it, and how its influencer's posts read. */
  private async announcementContext(ref: ProductRef): Promise<AnnouncementContext> {
    const product = await this.snapshot(ref);
    const influencer = await this.influencer(product.influencerId);
    const settings = socialSettings(influencer.socialSettings as Partial<SocialSettings>);
    return { product, handle: influencer.handle, settings, limits: this.config.social.platformLimits[settings.platform] };
  }

  private async snapshot(ref: ProductRef): Promise<ProductView> {
    const row = await this.db.getRepository(ProductEntity).findOne({ where: { id: ref.id }, select: { id: true, snapshot: true } });
    if (!row?.snapshot) throw new DomainError(DomainErrorCode.NotFound, `product ${ref.id} does not exist`);
    return row.snapshot as ProductView;
  }
}

interface AnnouncementContext {
  product: ProductView;
  handle: string;
  settings: SocialSettings;
  limits: PlatformLimits;
}

/** The launch announcement of `product`: the approved text, or the draft, and when to approve it by. */
function announcementDto({ handle, settings, limits }: AnnouncementContext, product: ProductView): LaunchAnnouncementDto {
  const draft = draftLaunchAnnouncement(product, settings, handle, limits);
  const lead = product.rules.launchApprovalLeadMs;
  const approved = product.launch.announcement;
  return {
    productId: product.productId,
    status: lead === undefined ? 'not_required' : approved ? 'approved' : 'awaiting_approval',
    launchAt: product.launch.launchAt ?? null,
    approveBy: lead !== undefined && product.launch.launchAt ? new Date(Date.parse(product.launch.launchAt) - lead).toISOString() : null,
    text: { title: draft.title, body: draft.body, hashtags: draft.hashtags, optimisation: draft.optimisation },
    approvedAt: approved?.approvedAt ?? null,
  };
}

interface DeliveryRow {
  id: string;
  update_id: string;
  channel_id: string;
  status: string;
  attempts: number;
  last_error: string | null;
  response_status: number | null;
  response_body: string | null;
  resends: number;
  created_at: Date;
  delivered_at: Date | null;
  failed_at: Date | null;
}

function channelDto(c: ChannelEntity): ChannelDto {
  return {
    id: c.id,
    influencerId: c.influencerId,
    kind: c.kind,
    name: c.name,
    platform: c.platform,
    url: c.url,
    status: c.disabledAt ? 'disabled' : 'active',
    createdAt: (c.createdAt ?? new Date()).toISOString(),
    rotatedAt: c.rotatedAt ? c.rotatedAt.toISOString() : null,
    previousSecretValidUntil: c.previousSecretExpiresAt && c.previousSecretExpiresAt > new Date() ? c.previousSecretExpiresAt.toISOString() : null,
    disabledAt: c.disabledAt ? c.disabledAt.toISOString() : null,
  };
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

function deliveryDto(d: DeliveryRow & { event: string; channel_kind: string }): DeliveryDto {
  return {
    id: d.id,
    updateId: d.update_id,
    event: d.event,
    channelId: d.channel_id,
    channelKind: d.channel_kind,
    status: d.status,
    attempts: d.attempts,
    lastError: d.last_error,
    responseStatus: d.response_status,
    responseBody: d.response_body,
    resends: d.resends,
    createdAt: d.created_at.toISOString(),
    deliveredAt: d.delivered_at ? d.delivered_at.toISOString() : null,
    failedAt: d.failed_at ? d.failed_at.toISOString() : null,
  };
}
