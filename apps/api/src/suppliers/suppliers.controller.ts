// /suppliers: staff register the suppliers orders are placed with (the outbound secret is shown once),
// look them up, disable them and read what each was sent.
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { CreateSupplierDto, IssuedSupplierDto, SupplierDto, SupplierEventDto, SupplierEventsQueryDto } from './dto/supplier.dto';
import { SuppliersService } from './suppliers.service';

@ApiTags('suppliers')
@ApiBearerAuth()
@Roles('staff')
@Controller('suppliers')
export class SuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @Post()
  @ApiOperation({ summary: 'Register a supplier with its outbound endpoint; the answer carries the signing secret, shown only this once.' })
  @ApiCreatedResponse({ type: IssuedSupplierDto })
  @ApiErrors(401, 403, 409, 422)
  create(@Body() dto: CreateSupplierDto): Promise<IssuedSupplierDto> {
    return this.suppliers.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List the registered suppliers (never their secrets).' })
  @ApiOkResponse({ type: [SupplierDto] })
  @ApiErrors(401, 403)
  list(): Promise<SupplierDto[]> {
    return this.suppliers.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One supplier (never its secret).' })
  @ApiOkResponse({ type: SupplierDto })
  @ApiErrors(401, 403, 404)
  get(@Param('id') id: string): Promise<SupplierDto> {
    return this.suppliers.get(id);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOperation({ summary: 'Disable a supplier: it takes no new orders, and its events still pending fail at their next attempt instead of being sent.' })
  @ApiOkResponse({ type: SupplierDto })
  @ApiErrors(401, 403, 404)
  disable(@Param('id') id: string): Promise<SupplierDto> {
    return this.suppliers.disable(id);
  }

  @Get(':id/events')
  @ApiOperation({ summary: 'The order events sent to a supplier, newest first: each pending, delivered, failed or cancelled, with its attempts and last error.' })
  @ApiOkResponse({ type: [SupplierEventDto] })
  @ApiErrors(401, 403, 404, 422)
  events(@Param('id') id: string, @Query() query: SupplierEventsQueryDto): Promise<SupplierEventDto[]> {
    return this.suppliers.eventsOf(id, query);
  }
}
