// The check that the uploaded images a design or sample round names are its own product's, made in the API
// before the workflow update (an update validator is synchronous and does not read the database).
import { Injectable } from '@nestjs/common';
import { ImageRepository } from '@app/database';
import { parseImagePath } from '@app/images';
import { RequestValidationError } from '../common/validation';

@Injectable()
export class ImageReferences {
  constructor(private readonly images: ImageRepository) {}

  /** 422 naming each entry of `field` that names an image which is not one of the product's (or no image at all). */
  async assertOfProduct(productId: string, field: string, values: readonly string[]): Promise<void> {
    const named = values.flatMap((value, index) => {
      const ref = parseImagePath(value);
      return ref ? [{ index, id: ref.id }] : [];
    });
    if (named.length === 0) return;
    const own = await this.images.idsOfProduct(productId, [...new Set(named.map((n) => n.id))]);
    const foreign = named.filter((n) => !own.has(n.id));
    if (foreign.length === 0) return;
    throw new RequestValidationError(
      foreign.map(({ index, id }) => ({
        field: `${field}[${index}]`,
        messages: [`${field}[${index}] names image ${id}, which is not an image of product ${productId}; upload it to this product (POST /products/${productId}/images)`],
      })),
    );
  }
}
