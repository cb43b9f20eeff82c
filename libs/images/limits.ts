// How much an upload may be: bytes read (the route's body limit) and pixels decoded (checked from the
// header before decoding, so a small file declaring a huge canvas, a decompression bomb, is refused unread).

/** 10 MiB: a phone's full-resolution JPEG is 3–8 MB. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** 40 megapixels (e.g. 7744 × 5164): more than a phone camera, far less than a bomb. */
export const MAX_IMAGE_PIXELS = 40_000_000;

/** The most images one product keeps (design rounds and samples together). */
export const MAX_IMAGES_PER_PRODUCT = 200;

export function megapixels(pixels: number): string {
  return `${Math.round(pixels / 100_000) / 10} megapixels`;
}
