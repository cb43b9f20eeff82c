// /moderation/terms: staff manage the incubator's own refused terms, screened beside the shipped en and
// zh-CN word lists in every poll question and option before anyone sees it.
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/api-errors';
import { CreateModerationTermDto, ModerationListsDto, ModerationTermDto } from './dto/moderation-term.dto';
import { ModerationService } from './moderation.service';

@ApiTags('moderation')
@ApiBearerAuth()
@Roles('staff')
@Controller('moderation/terms')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  @Post()
  @ApiOperation({ summary: 'Refuse a term in poll questions and options from now on (new products and edits of draft polls); 409 when it is refused already.' })
  @ApiCreatedResponse({ type: ModerationTermDto })
  @ApiErrors(401, 403, 409, 422)
  add(@Body() dto: CreateModerationTermDto, @CurrentPrincipal() principal: Principal): Promise<ModerationTermDto> {
    return this.moderation.addTerm(dto, principal);
  }

  @Get()
  @ApiOperation({ summary: "The incubator's own refused terms, and the version of the zh-CN list the screen uses." })
  @ApiOkResponse({ type: ModerationListsDto })
  @ApiErrors(401, 403)
  list(): Promise<ModerationListsDto> {
    return this.moderation.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Stop refusing a term (polls already screened are not screened again).' })
  @ApiNoContentResponse()
  @ApiErrors(401, 403, 404)
  async remove(@Param('id') id: string): Promise<void> {
    await this.moderation.removeTerm(id);
  }
}
