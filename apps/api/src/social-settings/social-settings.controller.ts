// Staff read and replace an influencer's social settings.

import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { SocialSettingsDto } from './dto/social-settings.dto';
import { SocialSettingsService } from './social-settings.service';

@ApiTags('social')
@ApiBearerAuth()
// operationIds as before the social controller was split, so clients generated from the OpenAPI document keep their names.
@Controller()
export class SocialSettingsController {
  constructor(private readonly social: SocialSettingsService) {}

  @Get('influencers/:id/social-settings')
  @Roles('staff')
  @ApiOperation({ operationId: 'SocialController_settings', summary: "How the influencer's updates read: language, tone, platform, hashtags, disclosure, time zone, templates." })
  @ApiOkResponse({ type: SocialSettingsDto })
  @ApiErrors(401, 403, 404)
  settings(@Param('id') id: string): Promise<SocialSettingsDto> {
    return this.social.settings(id);
  }

  @Put('influencers/:id/social-settings')
  @Roles('staff')
  @ApiOperation({ operationId: 'SocialController_putSettings', summary: 'Replace the social settings (fields left out take their defaults); applies to updates made from now on.' })
  @ApiOkResponse({ type: SocialSettingsDto })
  @ApiErrors(401, 403, 404, 422)
  putSettings(@Param('id') id: string, @Body() dto: SocialSettingsDto): Promise<SocialSettingsDto> {
    return this.social.replace(id, dto);
  }
}
