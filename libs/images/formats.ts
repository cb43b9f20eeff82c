// The image formats staff may upload (JPEG, PNG, WebP): the Content-Type a request declares and the format
// its first bytes really are, both decided here before any decoder sees the body, so libvips never tries
// another loader (SVG, TIFF, PDF, HEIF) on uploaded bytes.

export const IMAGE_FORMATS = ['jpeg', 'png', 'webp'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export const IMAGE_CONTENT_TYPES: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

export const ACCEPTED_CONTENT_TYPES = IMAGE_FORMATS.map((f) => IMAGE_CONTENT_TYPES[f]);

const FORMAT_NAMES: Record<ImageFormat, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP' };

export function formatName(format: ImageFormat): string {
  return FORMAT_NAMES[format];
}

/** The format a Content-Type header names (parameters and case ignored); null for anything else. */
export function declaredFormat(contentType: string | undefined): ImageFormat | null {
  const essence = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return IMAGE_FORMATS.find((f) => IMAGE_CONTENT_TYPES[f] === essence) ?? null;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  return bytes.length >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0));
}

/** What the bytes are by their signature (JPEG SOI marker, PNG signature, RIFF…WEBP); null for anything else. */
export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  return null;
}
