// Uploads of a product's images (sniffed, limited, stripped and resized by libs/images, stored in PostgreSQL)
// and the public serving of their sizes with their ETags.
import { Injectable, UnprocessableEntityException, UnsupportedMediaTypeException } from '@nestjs/common';
import { ImageRepository, type ImageEntity, type ImagePurpose } from '@app/database';
import { DomainError, DomainErrorCode } from '@app/domain';
import { IMAGE_SIZES, ImageRefusal, imagePath, isImageId, isImageSize, MAX_IMAGES_PER_PRODUCT, processUpload, type ImageSize } from '@app/images';
import { randomUUID } from 'node:crypto';
import { actorOf, type Principal } from '../auth/principal';
import type { ProductRef } from '../products/product-access.guard';
import type { ImageDto, ImageListDto } from './dto/image.dto';

/** One size as the route sends it: its bytes, or none when the caller's copy is current (304). */
export interface ServedImage {
  contentType: string;
  etag: string;
  data: Buffer | null;
}

@Injectable()
export class ImagesService {
  constructor(private readonly images: ImageRepository) {}

  async upload(product: ProductRef, body: unknown, contentType: string | undefined, purpose: ImagePurpose | undefined, principal: Principal): Promise<ImageDto> {
    // A JSON or form body was parsed into an object: not image bytes.
    const bytes = Buffer.isBuffer(body) ? body : null;
    const processed = await processUpload(bytes ?? Buffer.alloc(0), bytes ? contentType : undefined).catch((err: unknown) => {
      if (!(err instanceof ImageRefusal)) throw err;
      throw err.kind === 'unsupported' ? new UnsupportedMediaTypeException(err.message) : new UnprocessableEntityException(err.message);
    });
    const stored = await this.images.insertWithRenditions(
      {
        id: randomUUID(),
        productId: product.id,
        purpose: purpose ?? null,
        contentType: processed.contentType,
        width: processed.width,
        height: processed.height,
        bytes: processed.bytes,
        createdBy: actorOf(principal),
      },
      processed.renditions.map((r) => ({ size: r.size, contentType: r.contentType, width: r.width, height: r.height, etag: r.etag, data: r.data })),
      MAX_IMAGES_PER_PRODUCT,
    );
    if (!stored) {
      throw new DomainError(DomainErrorCode.ActionLimitReached, `product ${product.id} has ${MAX_IMAGES_PER_PRODUCT} images, the most one product keeps`);
    }
    return toDto(stored);
  }

  async list(product: ProductRef, purpose?: ImagePurpose): Promise<ImageListDto> {
    return { images: (await this.images.listForProduct(product.id, purpose)).map(toDto) };
  }

  /** One size of an image; `ifNoneMatch` is the request's If-None-Match header (a match leaves the bytes out). */
  async serve(id: string, size: string, ifNoneMatch: string | undefined): Promise<ServedImage> {
    if (!isImageId(id)) throw new DomainError(DomainErrorCode.InvalidValue, `image id ${JSON.stringify(id.slice(0, 64))} is not an image id (a UUID in lower case)`);
    if (!isImageSize(size)) throw new DomainError(DomainErrorCode.NotFound, `images have no size ${JSON.stringify(size.slice(0, 64))}; the sizes are ${IMAGE_SIZES.join(', ')}`);
    const tags = entityTags(ifNoneMatch);
    const found = await this.images.findRendition(id, size, tags);
    if (!found) throw new DomainError(DomainErrorCode.NotFound, `there is no image ${id}`);
    return tags.includes('*') ? { ...found, data: null } : found;
  }
}

/** The entity tags of an If-None-Match header, compared weakly as RFC 9110 says (W/ dropped); '*' kept. */
export function entityTags(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .filter((tag) => tag === '*' || /^"[^"]*"$/.test(tag))
    .slice(0, 20);
}

function urls(id: string): Record<ImageSize, string> {
  return { thumb: imagePath(id, 'thumb'), display: imagePath(id, 'display'), full: imagePath(id, 'full') };
}

function toDto(image: ImageEntity): ImageDto {
  return {
    id: image.id,
    productId: image.productId,
    purpose: image.purpose,
    width: image.width,
    height: image.height,
    contentType: image.contentType,
    bytes: image.bytes,
    urls: urls(image.id),
    createdAt: image.createdAt.toISOString(),
  };
}
