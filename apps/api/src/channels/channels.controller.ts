// Staff manage an influencer's channels: add (a webhook's secret shown once), list, rotate a secret, disable.

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { ChannelsService } from './channels.service';
import { ChannelDto, CreateChannelDto, IssuedChannelDto } from './dto/channel.dto';

@ApiTags('social')
@ApiBearerAuth()
// operationIds as before the social controller was split, so clients generated from the OpenAPI document keep their names.
@Controller()
export class ChannelsController {
  constructor(private readonly service: ChannelsService) {}

  @Post('influencers/:id/channels')
  @Roles('staff')
  @ApiOperation({ operationId: 'SocialController_createChannel', summary: "Add a channel; a webhook channel's signing secret is in the response, shown only this once." })
  @ApiCreatedResponse({ type: IssuedChannelDto })
  @ApiErrors(401, 403, 404, 422)
  createChannel(@Param('id') id: string, @Body() dto: CreateChannelDto): Promise<IssuedChannelDto> {
    return this.service.create(id, dto);
  }

  @Get('influencers/:id/channels')
  @ApiOperation({ operationId: 'SocialController_channels', summary: "List the influencer's delivery channels (never their secrets)." })
  @Roles('staff')
  @ApiOkResponse({ type: [ChannelDto] })
  @ApiErrors(401, 403, 404)
  channels(@Param('id') id: string): Promise<ChannelDto[]> {
    return this.service.list(id);
  }

  @Post('influencers/:id/channels/:channelId/rotate-secret')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({
    operationId: 'SocialController_rotateChannelSecret',
    summary: "New signing secret for a webhook channel (shown once); for WEBHOOK_SECRET_GRACE (24 h) deliveries carry signatures with the new and the previous secret.",
  })
  @ApiOkResponse({ type: IssuedChannelDto })
  @ApiErrors(401, 403, 404, 409)
  rotateChannelSecret(@Param('id') id: string, @Param('channelId') channelId: string): Promise<IssuedChannelDto> {
    return this.service.rotateSecret(id, channelId);
  }

  @Post('influencers/:id/channels/:channelId/disable')
  @HttpCode(200)
  @Roles('staff')
  @ApiOperation({ operationId: 'SocialController_disableChannel', summary: 'Stop delivering to the channel; deliveries still retrying to it end as failed.' })
  @ApiOkResponse({ type: ChannelDto })
  @ApiErrors(401, 403, 404)
  disableChannel(@Param('id') id: string, @Param('channelId') channelId: string): Promise<ChannelDto> {
    return this.service.disable(id, channelId);
  }
}
