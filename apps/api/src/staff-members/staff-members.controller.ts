// /staff-members: staff register the incubator's staff as people (contact details; a webhook's secret shown
// once), change their details, and disable or enable them (a disabled member's API keys are refused).
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { CreateStaffMemberDto, IssuedStaffMemberDto, StaffMemberDto, UpdateStaffMemberDto } from './dto/staff-member.dto';
import { StaffMembersService } from './staff-members.service';

@ApiTags('staff-members')
@ApiBearerAuth()
@Roles('staff')
@Controller('staff-members')
export class StaffMembersController {
  constructor(private readonly members: StaffMembersService) {}

  @Post()
  @ApiOperation({ summary: 'Register a staff member (name, unique email, preferred channel, webhook, language, time zone); a webhook\'s signing secret is in the answer, shown only this once.' })
  @ApiCreatedResponse({ type: IssuedStaffMemberDto })
  @ApiErrors(401, 403, 409, 422)
  create(@Body() dto: CreateStaffMemberDto): Promise<IssuedStaffMemberDto> {
    return this.members.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List the staff members, disabled ones too (never a webhook secret).' })
  @ApiOkResponse({ type: [StaffMemberDto] })
  @ApiErrors(401, 403)
  list(): Promise<StaffMemberDto[]> {
    return this.members.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One staff member (never her webhook secret).' })
  @ApiOkResponse({ type: StaffMemberDto })
  @ApiErrors(401, 403, 404)
  get(@Param('id') id: string): Promise<StaffMemberDto> {
    return this.members.get(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a staff member\'s name or contact details (fields left out are kept); a new webhookUrl comes with a new secret, shown only in this answer.' })
  @ApiOkResponse({ type: IssuedStaffMemberDto })
  @ApiErrors(401, 403, 404, 409, 422)
  update(@Param('id') id: string, @Body() dto: UpdateStaffMemberDto): Promise<IssuedStaffMemberDto> {
    return this.members.update(id, dto);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a staff member: her API keys are refused from now on (not revoked); idempotent.' })
  @ApiOkResponse({ type: StaffMemberDto })
  @ApiErrors(401, 403, 404)
  disable(@Param('id') id: string): Promise<StaffMemberDto> {
    return this.members.disable(id);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enable a disabled staff member again: her keys that were not revoked work again; idempotent.' })
  @ApiOkResponse({ type: StaffMemberDto })
  @ApiErrors(401, 403, 404)
  enable(@Param('id') id: string): Promise<StaffMemberDto> {
    return this.members.enable(id);
  }
}
