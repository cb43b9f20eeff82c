// Images of design and sample rounds: staff upload a product's (raw bytes, JPEG/PNG/WebP), staff and the
// product's influencer list them, and anyone fetches a size by its unguessable id (as pages and cards do).
import { Controller, Get, Headers, Param, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ACCEPTED_CONTENT_TYPES, IMAGE_SIZES, MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGES_PER_PRODUCT } from '@app/images';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Public, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiErrors } from '../common/api-errors';
import { formatBytes } from '../common/bytes';
import { ImageBody } from '../common/http-server';
import { CurrentProduct } from '../products/current-product.decorator';
import { ProductAccessGuard, type ProductRef } from '../products/product-access.guard';
import { ImageDto, ImageListDto, ImagePurposeQueryDto } from './dto/image.dto';
import { ImagesService } from './images.service';

/** A size never changes once written: a year, and no revalidation (the URL is new for a new picture). */
const IMMUTABLE = 'public, max-age=31536000, immutable';

@ApiTags('images')
@ApiBearerAuth()
@Controller('products/:id/images')
export class ProductImagesController {
  constructor(private readonly images: ImagesService) {}

  @Post()
  @Roles('staff')
  @UseGuards(ProductAccessGuard)
  @ImageBody(MAX_IMAGE_BYTES)
  @ApiOperation({
    summary: "Upload an image of the product's design or sample rounds: the body is the image's bytes (JPEG, PNG or WebP).",
    description:
      `The type is sniffed from the bytes and must be the one Content-Type declares (415 otherwise). At most ${formatBytes(MAX_IMAGE_BYTES)} ` +
      `(413) and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels (422, read from the header before decoding). The picture is turned upright by its ` +
      'EXIF orientation, every metadata (EXIF and its GPS position, XMP, ICC, comments) is dropped, and it is stored in three sizes as WebP: ' +
      `thumb (320 px wide), display (1080 px wide) and full (at most 2048 px), never enlarged. At most ${MAX_IMAGES_PER_PRODUCT} images per product (409). ` +
      'Name `urls.display` in a design round\'s imageUrls or a sample round\'s photoUrls.',
  })
  @ApiConsumes(...ACCEPTED_CONTENT_TYPES)
  @ApiBody({ description: 'The image file as it is (not multipart, not base64).', schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: ImageDto })
  @ApiResponse({ status: 413, description: `The body is over ${formatBytes(MAX_IMAGE_BYTES)}.` })
  @ApiResponse({ status: 415, description: 'Not JPEG, PNG or WebP, or the bytes are not the declared type.' })
  @ApiErrors(401, 403, 404, 409, 422)
  upload(@CurrentProduct() product: ProductRef, @Query() query: ImagePurposeQueryDto, @Req() req: FastifyRequest, @CurrentPrincipal() principal: Principal): Promise<ImageDto> {
    // The body is read from the request, not through @Body(): the global pipes would walk a Buffer byte by byte.
    return this.images.upload(product, req.body, req.headers['content-type'], query.purpose, principal);
  }

  @Get()
  @UseGuards(ProductAccessGuard)
  @ApiOperation({ summary: "The product's uploaded images, newest first (staff, and the product's influencer)." })
  @ApiOkResponse({ type: ImageListDto })
  @ApiErrors(401, 403, 404, 422)
  list(@CurrentProduct() product: ProductRef, @Query() query: ImagePurposeQueryDto): Promise<ImageListDto> {
    return this.images.list(product, query.purpose);
  }
}

@ApiTags('images')
@Public()
@Controller('images')
export class ImagesController {
  constructor(private readonly images: ImagesService) {}

  @Get(':id/:size')
  @ApiOperation({
    summary: 'One size of an uploaded image, WebP (public: the id is an unguessable UUID); cached for a year, 304 when If-None-Match holds its ETag.',
  })
  @ApiParam({ name: 'id', description: 'The image id (a UUID).', example: '3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10' })
  @ApiParam({ name: 'size', enum: IMAGE_SIZES, description: 'thumb (320 px wide), display (1080 px wide) or full (at most 2048 px).' })
  @ApiHeader({ name: 'if-none-match', required: false, description: 'ETags the caller holds; 304 when one is current.' })
  @ApiProduces('image/webp')
  @ApiOkResponse({ description: 'The image', schema: { type: 'string', format: 'binary' } })
  @ApiResponse({ status: 304, description: 'The ETag in If-None-Match is current: nothing to send.' })
  @ApiErrors(404, 422)
  async get(@Param('id') id: string, @Param('size') size: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    const image = await this.images.serve(id, size, ifNoneMatch);
    void reply.header('cache-control', IMMUTABLE).header('etag', image.etag).header('x-content-type-options', 'nosniff');
    if (!image.data) {
      await reply.status(304).send();
      return;
    }
    await reply.status(200).header('content-type', image.contentType).send(image.data);
  }
}
