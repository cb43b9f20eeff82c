// /shops: staff register the shops that sell products (their secrets are shown once) and look them up.
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { CreateShopDto, IssuedShopDto, ShopDto } from './dto/shop.dto';
import { ShopsService } from './shops.service';

@ApiTags('shops')
@ApiBearerAuth()
@Roles('staff')
@Controller('shops')
export class ShopsController {
  constructor(private readonly shops: ShopsService) {}

  @Post()
  @ApiOperation({ summary: 'Register a shop; the answer carries its generated secrets, shown only this once.' })
  @ApiCreatedResponse({ type: IssuedShopDto })
  @ApiErrors(401, 403, 422)
  create(@Body() dto: CreateShopDto): Promise<IssuedShopDto> {
    return this.shops.create(dto);
  }

  @Get()
  @ApiOperation({ summary: 'List the registered shops (never their secrets).' })
  @ApiOkResponse({ type: [ShopDto] })
  @ApiErrors(401, 403)
  list(): Promise<ShopDto[]> {
    return this.shops.list();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One shop (never its secrets).' })
  @ApiOkResponse({ type: ShopDto })
  @ApiErrors(401, 403, 404)
  get(@Param('id') id: string): Promise<ShopDto> {
    return this.shops.get(id);
  }
}
