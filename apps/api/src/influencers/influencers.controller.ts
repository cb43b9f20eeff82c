// /influencers: staff manage the influencers the incubator works with.
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { CreateInfluencerDto, InfluencerDto } from './dto/influencer.dto';
import { InfluencersService } from './influencers.service';

@ApiTags('influencers')
@ApiBearerAuth()
@Roles('staff')
@Controller('influencers')
export class InfluencersController {
  constructor(private readonly influencers: InfluencersService) {}

  @Post()
  @ApiOperation({ summary: 'Register an influencer (a unique handle and a display name).' })
  @ApiCreatedResponse({ type: InfluencerDto })
  @ApiErrors(401, 403, 409, 422)
  create(@Body() dto: CreateInfluencerDto): Promise<InfluencerDto> {
    return this.influencers.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List the influencers.' })
  @ApiOkResponse({ type: [InfluencerDto] })
  @ApiErrors(401, 403)
  list(): Promise<InfluencerDto[]> {
    return this.influencers.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One influencer.' })
  @ApiOkResponse({ type: InfluencerDto })
  @ApiErrors(401, 403, 404)
  get(@Param('id') id: string): Promise<InfluencerDto> {
    return this.influencers.get(id);
  }
}
