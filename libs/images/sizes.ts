// The sizes an uploaded image is served in, and the site-relative paths that name them
// (`/images/<uuid>/<size>`), which design and sample rounds may carry beside https URLs.

export const IMAGE_SIZES = ['thumb', 'display', 'full'] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];

/**
 * The box each size fits inside, never enlarged and never larger than `full`: thumb and display are
 * 320 and 1080 px wide for any ordinary picture (up to four times as tall as wide), full is at most 2048 px
 * on its longer side. Every box stays under WebP's 16383 px limit.
 */
export const SIZE_BOXES: Record<ImageSize, { width: number; height: number }> = {
  thumb: { width: 320, height: 1280 },
  display: { width: 1080, height: 4320 },
  full: { width: 2048, height: 2048 },
};

export function isImageSize(value: string): value is ImageSize {
  return (IMAGE_SIZES as readonly string[]).includes(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Whether `value` is a UUID as the engine writes image ids (lower case, RFC 9562 variant). */
export function isImageId(value: string): boolean {
  return UUID.test(value);
}

export function imagePath(id: string, size: ImageSize): string {
  return `/images/${id}/${size}`;
}

const PATH = /^\/images\/([^/]+)\/([^/]+)$/;

/** The image a site-relative path names (`/images/<uuid>/<size>`); null for anything else (https URLs included). */
export function parseImagePath(value: string): { id: string; size: ImageSize } | null {
  const match = PATH.exec(value);
  if (!match || !isImageId(match[1]) || !isImageSize(match[2])) return null;
  return { id: match[1], size: match[2] };
}

/** Whether `value` is the site-relative path of one of the engine's images. */
export function isImagePath(value: string): boolean {
  return parseImagePath(value) !== null;
}
