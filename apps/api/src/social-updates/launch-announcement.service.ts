// The launch announcement: the draft (or approved text) with the time to approve it by, and the
// influencer's approval, which fixes exactly the text that goes out at launch.

import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { ProductRepository } from '@app/database';
import { approveLaunchAnnouncement, DomainError, DomainErrorCode, type ProductView } from '@app/domain';
import { draftLaunchAnnouncement, type PlatformLimits, type SocialSettings } from '@app/social';
import { DataSource } from 'typeorm';
import { actorOf, type Principal } from '../auth/principal';
import { CONFIG } from '../common/tokens';
import { RequestValidationError } from '../common/validation';
import type { ProductRef } from '../products/product-access.guard';
import { ProductsService } from '../products/products.service';
import { SocialSettingsService } from '../social-settings/social-settings.service';
import type { ApproveAnnouncementDto, LaunchAnnouncementDto } from './dto/launch-announcement.dto';

/** The product as the read model has it, and how its influencer's posts read. */
interface AnnouncementContext {
  product: ProductView;
  handle: string;
  settings: SocialSettings;
  limits: PlatformLimits;
}

@Injectable()
export class LaunchAnnouncementService {
  private readonly productRows: ProductRepository;

  constructor(
    db: DataSource,
    private readonly products: ProductsService,
    private readonly social: SocialSettingsService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {
    this.productRows = new ProductRepository(db);
  }

  async get(ref: ProductRef): Promise<LaunchAnnouncementDto> {
    const context = await this.context(ref);
    return announcementDto(context, context.product);
  }

  /** The influencer approves the draft (or their edit of it); exactly this text goes out at launch. */
  async approve(ref: ProductRef, dto: ApproveAnnouncementDto, principal: Principal): Promise<LaunchAnnouncementDto> {
    const context = await this.context(ref);
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
    return announcementDto(context, { ...product, launch: view.launch });
  }

  private async context(ref: ProductRef): Promise<AnnouncementContext> {
    const product = await this.productRows.findSnapshot(ref.id);
    if (!product) throw new DomainError(DomainErrorCode.NotFound, `product ${ref.id} does not exist`);
    const { handle, settings } = await this.social.profile(product.influencerId);
    return { product, handle, settings, limits: this.config.social.platformLimits[settings.platform] };
  }
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
