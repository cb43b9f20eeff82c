// /influencers/:id/magic-links: staff issue an influencer a magic link to her page (shown once), list her
// links (never a token) and revoke one (ending the sessions opened with it).
import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-errors';
import { CurrentPrincipal, Roles } from './decorators';
import { IssuedMagicLinkDto, MagicLinkDto } from './dto/session.dto';
import { MagicLinksService } from './magic-links.service';
import type { Principal } from './principal';

@ApiTags('influencers')
@ApiBearerAuth()
@Roles('staff')
@Controller('influencers/:id/magic-links')
export class MagicLinksController {
  constructor(private readonly links: MagicLinksService) {}

  @Post()
  @ApiOperation({
    summary:
      'Issue the influencer a magic link to her page, `<base>/app/me#token=…`, valid MAGIC_LINK_TTL (7 days by default) and reusable until then or until revoked; the link is in the answer, shown only this once (stored hashed).',
  })
  @ApiCreatedResponse({ type: IssuedMagicLinkDto })
  @ApiErrors(401, 403, 404)
  issue(@Param('id') id: string, @CurrentPrincipal() caller: Principal): Promise<IssuedMagicLinkDto> {
    return this.links.issue(id, caller);
  }

  @Get()
  @ApiOperation({ summary: 'The influencer\'s magic links, newest first: status, who issued each, when it expires (never the link itself).' })
  @ApiOkResponse({ type: [MagicLinkDto] })
  @ApiErrors(401, 403, 404)
  list(@Param('id') id: string): Promise<MagicLinkDto[]> {
    return this.links.list(id);
  }

  @Post(':linkId/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke one of the influencer\'s magic links: it opens nothing more, and every session opened with it ends now; idempotent.' })
  @ApiOkResponse({ type: MagicLinkDto })
  @ApiErrors(401, 403, 404)
  revoke(@Param('id') id: string, @Param('linkId') linkId: string): Promise<MagicLinkDto> {
    return this.links.revoke(id, linkId);
  }
}
