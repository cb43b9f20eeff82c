// /api-keys: staff issue (shown once), list and revoke keys.
import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ApiKeyEntity } from '@app/database';
import { ApiKeyService } from './api-key.service';
import { Roles } from './decorators';
import { RequestValidationError } from '../common/validation';
import { ApiErrors } from '../common/api-errors';
import { ApiKeyDto, CreateApiKeyDto, IssuedApiKeyDto } from './dto/api-key.dto';

function toDto(e: ApiKeyEntity): ApiKeyDto {
  return {
    id: e.id,
    role: e.role,
    influencerId: e.influencerId,
    staffMemberId: e.staffMemberId,
    label: e.label,
    prefix: `ibk_${e.prefix}`,
    createdAt: e.createdAt.toISOString(),
    revokedAt: e.revokedAt ? e.revokedAt.toISOString() : null,
  };
}

@ApiTags('api-keys')
@ApiBearerAuth()
@Roles('staff')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeyService) {}

  @Post()
  @ApiOperation({ summary: 'Issue an API key for staff (optionally a staff member\'s own) or for one influencer; the key is in the answer, shown only this once (stored hashed).' })
  @ApiCreatedResponse({ type: IssuedApiKeyDto })
  @ApiErrors(401, 403, 422)
  async create(@Body() dto: CreateApiKeyDto): Promise<IssuedApiKeyDto> {
    const { entity, key } = await this.keys.issue(dto.role, dto.influencerId ?? null, dto.label, dto.staffMemberId ?? null);
    return { ...toDto(entity), key };
  }

  @Get()
  @ApiOperation({ summary: 'List the API keys issued (role, influencer or staff member, label, prefix; never the key).' })
  @ApiOkResponse({ type: [ApiKeyDto] })
  @ApiErrors(401, 403)
  async list(): Promise<ApiKeyDto[]> {
    return (await this.keys.list()).map(toDto);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke an API key.' })
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Revoked (within API_KEY_CACHE_TTL on every API instance).' })
  @ApiErrors(401, 403, 404, 422)
  async revoke(@Param('id', new ParseUUIDPipe({ exceptionFactory: () => new RequestValidationError([{ field: 'id', messages: ['id must be an API key id (a UUID)'] }]) })) id: string): Promise<void> {
    await this.keys.revoke(id);
  }
}
