// Social endpoints: staff manage an influencer's social settings and channels and watch and re-send a
// product's deliveries; staff and the owning influencer read its updates; the influencer approves the
// launch announcement.

import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/api-errors';
import { CurrentProduct } from '../products/current-product.decorator';
import { ProductAccessGuard, type ProductRef } from '../products/product-access.guard';
import {
  ApproveAnnouncementDto,
  ChannelDto,
  CreateChannelDto,
  DeliveriesDto,
  DeliveriesQueryDto,
  DeliveryDto,
  IssuedChannelDto,
  LaunchAnnouncementDto,
  SocialSettingsDto,
  SocialUpdatesDto,
} from './dto/social.dto';
import { SocialService } from './social.service';

@ApiTags('social')
@ApiBearerAuth()
@Controller()
export class SocialController {
  constructor(private readonly social: SocialService) {}

  @Get('influencers/:id/social-settings')
  @Roles('staff')
  @ApiOperation({ summary: "How the influencer's updates read: language, tone, platform, hashtags, disclosure, time zone, templates." })
  @ApiOkResponse({ type: SocialSettingsDto })
  @ApiErrors(401, 403, 404)
  settings(@Param('id') id: string): Promise<SocialSettingsDto> {
    return this.social.settings(id);
  }

  @Put('influencers/:id/social-settings')
  @Roles('staff')
  @ApiOperation({ summary: 'Replace the social settings (fields left out take their defaults); applies to updates made from now on.' })
  @ApiOkResponse({ type: SocialSettingsDto })
  @ApiErrors(401, 403, 404, 422)
  putSettings(@Param('id') id: string, @Body() dto: SocialSettingsDto): Promise<SocialSettingsDto> {
    return this.social.putSettings(id, dto);
  }

  @Post('influencers/:id/channels')
  @Roles('staff')
  @ApiOperation({ summary: "Add a channel; a webhook channel's signing secret is in the response, shown only this once." })
  @ApiCreatedResponse({ type: IssuedChannelDto })
  @ApiErrors(401, 403, 404, 422)
  createChannel(@Param('id') id: string, @Body() dto: CreateChannelDto): Promise<IssuedChannelDto> {
    return this.social.createChannel(id, dto);
  }

  @Get('influencers/:id/channels')
  @Roles('staff')
  @ApiOkResponse({ type: [ChannelDto] })
  @ApiErrors(401, 403, 404)
  channels(@Param('id') id: string): Promise<ChannelDto[]> {
    return this.social.channels(id);
  }

  @Post('influencers/:id/channels/:channelId/rotate-secret')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({
    summary: "New signing secret for a webhook channel (shown once); for WEBHOOK_SECRET_GRACE (24 h) deliveries carry signatures with the new and the previous secret.",
  })
  @ApiOkResponse({ type: IssuedChannelDto })
  @ApiErrors(401, 403, 404, 409)
  rotateChannelSecret(@Param('id') id: string, @Param('channelId') channelId: string): Promise<IssuedChannelDto> {
    return this.social.rotateChannelSecret(id, channelId);
  }

  @Post('influencers/:id/channels/:channelId/disable')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ summary: 'Stop delivering to the channel; deliveries still retrying to it end as failed.' })
  @ApiOkResponse({ type: ChannelDto })
  @ApiErrors(401, 403, 404)
  disableChannel(@Param('id') id: string, @Param('channelId') channelId: string): Promise<ChannelDto> {
    return this.social.disableChannel(id, channelId);
  }

  @Get('products/:id/social-updates')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: "The product's social updates in timeline order, with share URL, image URL and optimisation score (internal ones for staff only)." })
  @ApiOkResponse({ type: SocialUpdatesDto })
  @ApiErrors(401, 403, 404)
  updates(@CurrentProduct() product: ProductRef, @CurrentPrincipal() principal: Principal): Promise<SocialUpdatesDto> {
    return this.social.updates(product, principal);
  }

  @Get('products/:id/deliveries')
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: "Every delivery of the product's updates: pending, delivered (with the receiver's answer) or failed (attempts, last error)." })
  @ApiOkResponse({ type: DeliveriesDto })
  @ApiErrors(401, 403, 404, 422)
  deliveries(@CurrentProduct() product: ProductRef, @Query() query: DeliveriesQueryDto): Promise<DeliveriesDto> {
    return this.social.deliveries(product, query.status);
  }

  @Post('products/:id/deliveries/:deliveryId/resend')
  @HttpCode(200)
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: 'Send a failed delivery again: the same webhook-id and body, a fresh round of attempts.' })
  @ApiOkResponse({ type: DeliveryDto })
  @ApiErrors(401, 403, 404, 409)
  resend(@CurrentProduct() product: ProductRef, @Param('deliveryId') deliveryId: string): Promise<DeliveryDto> {
    return this.social.resend(product, deliveryId);
  }

  @Get('products/:id/launch-announcement')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: 'The launch announcement: the approved text, or the draft waiting for approval, and the time to approve it by.' })
  @ApiOkResponse({ type: LaunchAnnouncementDto })
  @ApiErrors(401, 403, 404)
  announcement(@CurrentProduct() product: ProductRef): Promise<LaunchAnnouncementDto> {
    return this.social.announcement(product);
  }

  @Post('products/:id/launch-announcement/approve')
  @HttpCode(200)
  @Roles('influencer')
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: "The product's influencer approves the announcement as drafted, or with their own title/body (LAUNCH stage); exactly this goes out at launch." })
  @ApiOkResponse({ type: LaunchAnnouncementDto })
  @ApiErrors(401, 403, 404, 409, 422)
  approve(@CurrentProduct() product: ProductRef, @Body() dto: ApproveAnnouncementDto, @CurrentPrincipal() principal: Principal): Promise<LaunchAnnouncementDto> {
    return this.social.approveAnnouncement(product, dto, principal);
  }
}
