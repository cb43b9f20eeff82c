// /influencers: staff manage the influencers the incubator works with and their contact details; an
// influencer reads and changes her own contact details through her own key (/influencers/me/contact).
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/api-errors';
import { ContactChangeDto, ContactDto, IssuedContactDto } from '../contacts/dto/contact.dto';
import { CreateInfluencerDto, InfluencerDto, IssuedInfluencerDto } from './dto/influencer.dto';
import { InfluencersService } from './influencers.service';

@ApiTags('influencers')
@ApiBearerAuth()
@Roles('staff')
@Controller('influencers')
export class InfluencersController {
  constructor(private readonly influencers: InfluencersService) {}

  @Post()
  @ApiOperation({ summary: 'Register an influencer (a unique handle, a display name, optional contact details); a webhook\'s signing secret is in the answer, shown only this once.' })
  @ApiCreatedResponse({ type: IssuedInfluencerDto })
  @ApiErrors(401, 403, 409, 422)
  create(@Body() dto: CreateInfluencerDto): Promise<IssuedInfluencerDto> {
    return this.influencers.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List the influencers with their contact details.' })
  @ApiOkResponse({ type: [InfluencerDto] })
  @ApiErrors(401, 403)
  list(): Promise<InfluencerDto[]> {
    return this.influencers.list();
  }

  // The influencer's own routes: a static segment, so `me` is never taken for an influencer id.
  @Get('me/contact')
  @Roles('influencer')
  @ApiOperation({ summary: 'The calling influencer\'s own contact details (influencer keys only; never the webhook secret).' })
  @ApiOkResponse({ type: ContactDto })
  @ApiErrors(401, 403)
  myContact(@CurrentPrincipal() caller: Principal): Promise<ContactDto> {
    return this.influencers.contact(caller.influencerId!);
  }

  @Patch('me/contact')
  @Roles('influencer')
  @ApiOperation({ summary: 'Change the calling influencer\'s own contact details (influencer keys only; fields left out are kept); a new webhookUrl comes with a new secret, shown only in this answer.' })
  @ApiOkResponse({ type: IssuedContactDto })
  @ApiErrors(401, 403, 422)
  changeMyContact(@CurrentPrincipal() caller: Principal, @Body() dto: ContactChangeDto): Promise<IssuedContactDto> {
    return this.influencers.changeContact(caller.influencerId!, dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One influencer with her contact details.' })
  @ApiOkResponse({ type: InfluencerDto })
  @ApiErrors(401, 403, 404)
  get(@Param('id') id: string): Promise<InfluencerDto> {
    return this.influencers.get(id);
  }

  @Patch(':id/contact')
  @ApiOperation({ summary: 'Change an influencer\'s contact details (fields left out are kept); a new webhookUrl comes with a new secret, shown only in this answer.' })
  @ApiOkResponse({ type: IssuedContactDto })
  @ApiErrors(401, 403, 404, 422)
  changeContact(@Param('id') id: string, @Body() dto: ContactChangeDto): Promise<IssuedContactDto> {
    return this.influencers.changeContact(id, dto);
  }
}
