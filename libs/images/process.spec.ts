// The processing of an upload on real images made here with sharp: refusals, orientation, sizes and the
// metadata that must not survive.
import sharp from 'sharp';
import { cardImageDataUri, ImageRefusal, processUpload } from './process';

const picture = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 90, b: 60 } } }).composite([
    // A dark block in the top-left corner, to see which way up the output is.
    { input: { create: { width: Math.round(width / 4), height: Math.round(height / 4), channels: 3, background: '#000000' } }, left: 0, top: 0 },
  ]);

async function refusal(promise: Promise<unknown>): Promise<ImageRefusal> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ImageRefusal)) throw new Error(`expected an ImageRefusal, got ${String(err)}`);
  return err;
}

describe('processUpload', () => {
  it('makes thumb, display and full WebP renditions of a JPEG, at their widths and never enlarged', async () => {
    const jpeg = await picture(3000, 2000).jpeg().toBuffer();
    const out = await processUpload(jpeg, 'image/jpeg');
    expect({ format: out.format, contentType: out.contentType, width: out.width, height: out.height, bytes: out.bytes }).toEqual({ format: 'jpeg', contentType: 'image/jpeg', width: 3000, height: 2000, bytes: jpeg.length });
    expect(out.renditions.map((r) => [r.size, r.contentType, r.width, r.height])).toEqual([
      ['thumb', 'image/webp', 320, 213],
      ['display', 'image/webp', 1080, 720],
      ['full', 'image/webp', 2048, 1365],
    ]);
    for (const r of out.renditions) {
      expect((await sharp(r.data).metadata()).format).toBe('webp');
      expect(r.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    }
    const small = await processUpload(await picture(500, 400).png().toBuffer(), 'image/png');
    expect(small.renditions.map((r) => [r.size, r.width, r.height])).toEqual([
      ['thumb', 320, 256],
      ['display', 500, 400],
      ['full', 500, 400],
    ]);
  });

  it('turns the picture upright by its EXIF orientation and strips EXIF (GPS included), XMP and ICC', async () => {
    // Stored sideways with orientation 6 (rotate 90° clockwise to view): 400 wide, 200 high as stored.
    const tagged = await picture(400, 200)
      .withExif({ IFD0: { Make: 'PhoneCo', Orientation: '6' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const before = await sharp(tagged).metadata();
    expect({ orientation: before.orientation, gps: hasGpsTag(before.exif), make: before.exif?.includes('PhoneCo') }).toEqual({ orientation: 6, gps: true, make: true });
    const out = await processUpload(tagged, 'image/jpeg');
    expect([out.width, out.height]).toEqual([200, 400]);
    for (const r of out.renditions) {
      const meta = await sharp(r.data).metadata();
      expect({ size: r.size, exif: meta.exif, xmp: meta.xmp, icc: meta.icc, orientation: meta.orientation, portrait: meta.height > meta.width }).toEqual({
        size: r.size,
        exif: undefined,
        xmp: undefined,
        icc: undefined,
        orientation: undefined,
        portrait: true,
      });
    }
    // Upright: the dark corner, top-left when stored, is now top-right.
    const { data, info } = await sharp(out.renditions[2].data).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels];
    expect(at(info.width - 5, 5)).toBeLessThan(40);
    expect(at(5, 5)).toBeGreaterThan(150);
  });

  it('refuses a type other than JPEG, PNG or WebP with 415 naming the accepted ones', async () => {
    const err = await refusal(processUpload(await picture(10, 10).gif().toBuffer(), 'image/gif'));
    expect([err.kind, err.message]).toEqual(['unsupported', 'the body must be an image sent with Content-Type image/jpeg, image/png, image/webp (got image/gif)']);
  });

  it('refuses bytes that are not what the Content-Type says, or no image at all (an SVG as PNG, a GIF as JPEG)', async () => {
    const png = await picture(10, 10).png().toBuffer();
    expect((await refusal(processUpload(png, 'image/jpeg'))).message).toBe('the body is declared image/jpeg but its bytes are a PNG image; send it as image/png');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect((await refusal(processUpload(svg, 'image/png'))).message).toBe('the body is declared image/png but its bytes are not a JPEG, PNG or WebP image');
    expect((await refusal(processUpload(await picture(10, 10).gif().toBuffer(), 'image/jpeg'))).kind).toBe('unsupported');
  });

  it('refuses a truncated or corrupt image with 422, never a crash', async () => {
    const png = await picture(200, 200).png().toBuffer();
    const err = await refusal(processUpload(png.subarray(0, 40), 'image/png'));
    expect(err.kind).toBe('invalid');
    expect(err.message).toMatch(/^the PNG image cannot be (read|decoded): /);
    expect((await refusal(processUpload(Buffer.alloc(0), 'image/png'))).message).toBe('the body is empty; send the image bytes');
  });

  it('refuses an image over the pixel limit from its header, before decoding it', async () => {
    const png = await picture(300, 200).png().toBuffer();
    const err = await refusal(processUpload(png, 'image/png', { maxPixels: 50_000 }));
    expect([err.kind, err.message]).toEqual(['invalid', 'the image is 300×200 pixels (0.1 megapixels); at most 0.1 megapixels are accepted']);
    // A header declaring 100000×100000 over a few bytes of data: refused at once, nothing decoded.
    const started = performance.now();
    const bomb = await refusal(processUpload(withPngSize(png, 100_000, 100_000), 'image/png'));
    expect(bomb.message).toBe('the image is 100000×100000 pixels (10000 megapixels); at most 40 megapixels are accepted');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('cardImageDataUri', () => {
  it('crops a rendition to the box as a JPEG data URI', async () => {
    const webp = await picture(1080, 720).webp().toBuffer();
    const uri = await cardImageDataUri(webp, { width: 360, height: 360 });
    expect(uri.startsWith('data:image/jpeg;base64,')).toBe(true);
    const meta = await sharp(Buffer.from(uri.slice('data:image/jpeg;base64,'.length), 'base64')).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 360, 360]);
  });
});

/** Whether EXIF data holds the GPS IFD pointer (tag 0x8825, in either byte order). */
export function hasGpsTag(exif: Buffer | undefined): boolean {
  return !!exif && (exif.includes(Buffer.from([0x25, 0x88, 0x04, 0x00])) || exif.includes(Buffer.from([0x88, 0x25, 0x00, 0x04])));
}

/** The PNG with its IHDR width and height replaced (and the chunk's CRC recomputed). */
export function withPngSize(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  out.writeUInt32BE(crc32(out.subarray(12, 29)), 29);
  return out;
}

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
