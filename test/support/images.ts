// Uploads images to a product the way staff do (the image's bytes as the body) and makes the pictures the
// suites upload, with sharp. Plain Node (no jest globals).
import sharp from 'sharp';
import type { Api, ApiResponse } from './api-client';
import type { ImageDto } from './api-types';

export interface UploadOptions {
  /** Bearer key; the staff key when omitted. */
  key?: string | null;
  purpose?: 'design' | 'sample';
}

/** POST /products/:id/images with `bytes` as the body, declared as `contentType`. */
export function uploadImage<T = ImageDto>(api: Api, productId: string, bytes: Uint8Array, contentType: string, opts: UploadOptions = {}): Promise<ApiResponse<T>> {
  const query = opts.purpose ? `?purpose=${opts.purpose}` : '';
  return api.http<T>('POST', `/products/${productId}/images${query}`, { key: opts.key, rawBody: bytes, headers: { 'content-type': contentType } });
}

/** A flat picture of one colour with a dark block in its top-left corner (to see which way up it is). */
export function picture(width: number, height: number, colour = '#00c853'): sharp.Sharp {
  return sharp({ create: { width, height, channels: 3, background: colour } }).composite([
    { input: { create: { width: Math.max(1, Math.round(width / 4)), height: Math.max(1, Math.round(height / 4)), channels: 3, background: '#000000' } }, left: 0, top: 0 },
  ]);
}

/** A small PNG, for suites that need an image and nothing particular about it. */
export function smallPng(): Promise<Buffer> {
  return picture(64, 48).png().toBuffer();
}
