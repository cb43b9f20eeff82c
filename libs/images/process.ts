// An upload made safe to serve: its declared type and real format agree, its header is read for the size
// before anything is decoded, then it is decoded once (turned upright by its EXIF orientation, in sRGB) and
// encoded as WebP in each size from pixels alone, so no EXIF, GPS, XMP, ICC or comment survives.
import { createHash } from 'node:crypto';
import sharp, { type SharpOptions } from 'sharp';
import { ACCEPTED_CONTENT_TYPES, declaredFormat, formatName, IMAGE_CONTENT_TYPES, sniffFormat, type ImageFormat } from './formats';
import { MAX_IMAGE_PIXELS, megapixels } from './limits';
import { IMAGE_SIZES, SIZE_BOXES, type ImageSize } from './sizes';

/** Why an upload is refused: `unsupported` (415, not an accepted type or not what it says) or `invalid` (422). */
export class ImageRefusal extends Error {
  constructor(
    readonly kind: 'unsupported' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'ImageRefusal';
  }
}

export const RENDITION_CONTENT_TYPE = 'image/webp';

export interface Rendition {
  size: ImageSize;
  contentType: string;
  width: number;
  height: number;
  data: Buffer;
  /** A strong ETag: the quoted SHA-256 of the bytes (base64url). */
  etag: string;
}

export interface ProcessedImage {
  /** What the upload really was (sniffed from its bytes). */
  format: ImageFormat;
  contentType: string;
  /** The upright picture's size in pixels (after its EXIF orientation). */
  width: number;
  height: number;
  /** The upload's size in bytes. */
  bytes: number;
  renditions: Rendition[];
}

export interface ProcessOptions {
  maxPixels?: number;
  /** WebP quality of the renditions (1–100). */
  quality?: number;
}

function etagOf(data: Buffer): string {
  return `"${createHash('sha256').update(data).digest('base64url')}"`;
}

/** Refuses what is not an accepted type, not what it declares, unreadable or too large in pixels; then the renditions. */
export async function processUpload(body: Buffer, contentType: string | undefined, options: ProcessOptions = {}): Promise<ProcessedImage> {
  const maxPixels = options.maxPixels ?? MAX_IMAGE_PIXELS;
  const declared = declaredFormat(contentType);
  if (!declared) {
    throw new ImageRefusal('unsupported', `the body must be an image sent with Content-Type ${ACCEPTED_CONTENT_TYPES.join(', ')} (got ${contentType ? contentType.split(';')[0].trim() : 'none'})`);
  }
  if (body.length === 0) throw new ImageRefusal('invalid', 'the body is empty; send the image bytes');
  const sniffed = sniffFormat(body);
  if (!sniffed) throw new ImageRefusal('unsupported', `the body is declared ${IMAGE_CONTENT_TYPES[declared]} but its bytes are not a JPEG, PNG or WebP image`);
  if (sniffed !== declared) {
    throw new ImageRefusal('unsupported', `the body is declared ${IMAGE_CONTENT_TYPES[declared]} but its bytes are a ${formatName(sniffed)} image; send it as ${IMAGE_CONTENT_TYPES[sniffed]}`);
  }
  const input: SharpOptions = { limitInputPixels: maxPixels, failOn: 'error' };
  // The header only: dimensions without decoding a pixel.
  const meta = await sharp(body, { ...input, limitInputPixels: false })
    .metadata()
    .catch((err: Error) => {
      throw new ImageRefusal('invalid', `the ${formatName(sniffed)} image cannot be read: ${err.message}`);
    });
  if (meta.format !== sniffed) throw new ImageRefusal('unsupported', `the body's bytes are not a ${formatName(sniffed)} image sharp can read`);
  const width = meta.width;
  const frameHeight = meta.pageHeight ?? meta.height;
  if (!width || !frameHeight) throw new ImageRefusal('invalid', `the ${formatName(sniffed)} image has no dimensions`);
  if (width * frameHeight > maxPixels) {
    throw new ImageRefusal('invalid', `the image is ${width}×${frameHeight} pixels (${megapixels(width * frameHeight)}); at most ${megapixels(maxPixels)} are accepted`);
  }
  // Decoded once (the first frame of an animation), upright, in sRGB, 8 bits, at most the full size.
  const full = SIZE_BOXES.full;
  const decoded = await sharp(body, { ...input, autoOrient: true })
    .resize({ width: full.width, height: full.height, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
    .catch((err: Error) => {
      throw new ImageRefusal('invalid', `the ${formatName(sniffed)} image cannot be decoded: ${err.message}`);
    });
  const pixels = { raw: { width: decoded.info.width, height: decoded.info.height, channels: decoded.info.channels } };
  const renditions: Rendition[] = [];
  for (const size of IMAGE_SIZES) {
    const box = SIZE_BOXES[size];
    const { data, info } = await sharp(decoded.data, pixels)
      .resize({ width: box.width, height: box.height, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: options.quality ?? 82 })
      .toBuffer({ resolveWithObject: true });
    renditions.push({ size, contentType: RENDITION_CONTENT_TYPE, width: info.width, height: info.height, data, etag: etagOf(data) });
  }
  const upright = meta.autoOrient ?? { width, height: frameHeight };
  return { format: sniffed, contentType: IMAGE_CONTENT_TYPES[sniffed], width: upright.width, height: upright.height, bytes: body.length, renditions };
}

/** A picture for the share card: `rendition` cropped to fill the box, as a JPEG data URI (resvg embeds it; nothing is fetched). */
export async function cardImageDataUri(rendition: Buffer, box: { width: number; height: number }): Promise<string> {
  const jpeg = await sharp(rendition, { limitInputPixels: MAX_IMAGE_PIXELS })
    .resize({ width: box.width, height: box.height, fit: 'cover', position: 'attention' })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 85 })
    .toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
}
