// /webhook-sources: staff register vote connectors (the signing secret is shown once), rotate secrets,
// and disable or re-enable a source.
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { WebhookSourceEntity } from '@app/database';
import { Roles } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { CreateWebhookSourceDto, IssuedWebhookSourceDto, WebhookSourceDto } from './dto/webhook-source.dto';
import { WebhookSourcesService } from './webhook-sources.service';

@ApiTags('webhook-sources')
@ApiBearerAuth()
@Roles('staff')
@Controller('webhook-sources')
export class WebhookSourcesController {
  constructor(private readonly sources: WebhookSourcesService) {}

  @Post()
  @ApiOperation({ summary: 'Register a vote connector; the response carries its signing secret, shown only this once.' })
  @ApiCreatedResponse({ type: IssuedWebhookSourceDto })
  @ApiErrors(401, 403, 422)
  async create(@Body() dto: CreateWebhookSourceDto): Promise<IssuedWebhookSourceDto> {
    const { entity, secret } = await this.sources.create(dto);
    return { ...this.toDto(entity), secret };
  }

  @Get()
  @ApiOperation({ summary: 'List the vote and reservation connectors (never their secrets).' })
  @ApiOkResponse({ type: [WebhookSourceDto] })
  @ApiErrors(401, 403)
  async list(): Promise<WebhookSourceDto[]> {
    return (await this.sources.list()).map((e) => this.toDto(e));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One connector (never its secret).' })
  @ApiOkResponse({ type: WebhookSourceDto })
  @ApiErrors(401, 403, 404)
  async get(@Param('id') id: string): Promise<WebhookSourceDto> {
    return this.toDto(await this.sources.get(id));
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue a new signing secret (shown once). The previous secret is still accepted for WEBHOOK_SECRET_GRACE (default 24 h).',
  })
  @ApiOkResponse({ type: IssuedWebhookSourceDto })
  @ApiErrors(401, 403, 404, 409)
  async rotate(@Param('id') id: string): Promise<IssuedWebhookSourceDto> {
    const { entity, secret } = await this.sources.rotate(id);
    return { ...this.toDto(entity), secret };
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse this source\'s deliveries with 403 (on every API instance within WEBHOOK_SOURCE_CACHE_TTL).' })
  @ApiOkResponse({ type: WebhookSourceDto })
  @ApiErrors(401, 403, 404)
  async disable(@Param('id') id: string): Promise<WebhookSourceDto> {
    return this.toDto(await this.sources.setDisabled(id, true));
  }

  @Post(':id/enable')
  @ApiOperation({ summary: 'Accept this source\'s deliveries again after a disable.' })
  @HttpCode(200)
  @ApiOkResponse({ type: WebhookSourceDto })
  @ApiErrors(401, 403, 404)
  async enable(@Param('id') id: string): Promise<WebhookSourceDto> {
    return this.toDto(await this.sources.setDisabled(id, false));
  }

  private toDto(e: WebhookSourceEntity): WebhookSourceDto {
    const graceActive = e.previousSecretExpiresAt && e.previousSecretExpiresAt.getTime() > Date.now();
    return {
      id: e.id,
      name: e.name,
      platform: e.platform,
      rateLimitPerSecond: e.rateLimitPerSecond,
      deliveryPath: `/webhooks/votes/${e.id}`,
      status: e.disabledAt ? 'disabled' : 'active',
      createdAt: e.createdAt.toISOString(),
      rotatedAt: e.rotatedAt ? e.rotatedAt.toISOString() : null,
      previousSecretValidUntil: graceActive ? e.previousSecretExpiresAt!.toISOString() : null,
      disabledAt: e.disabledAt ? e.disabledAt.toISOString() : null,
    };
  }
}
