// Uploaded images over HTTP on the real stack: JPEG, PNG and WebP in, WebP sizes out with their caching
// headers and ETags, metadata (EXIF GPS included) gone, every kind of bad upload refused with its reason, the
// influencer's reach, design and sample rounds naming the product's own images only, and the approved
// design's image on the share cards that follow.
import sharp from 'sharp';
import { PICTURE_BOX } from '../../libs/social';
import type { ImageListDto, ProductDto, SocialUpdatesDto } from '../support/api-types';
import { picture, uploadImage } from '../support/images';
import { advanceTo, castInfluencer, createProduct, type Cast } from '../support/product-flow';
import { eventually, startTestEngine, type TestEngine } from '../support/stack';
import { expectError, expectOk, recordAttacks } from './e2e-helpers';

jest.setTimeout(120_000);

const SIZES = ['thumb', 'display', 'full'] as const;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Whether EXIF data holds the GPS IFD pointer (tag 0x8825, in either byte order). */
function hasGpsTag(exif: Buffer | undefined): boolean {
  return !!exif && (exif.includes(Buffer.from([0x25, 0x88, 0x04, 0x00])) || exif.includes(Buffer.from([0x88, 0x25, 0x00, 0x04])));
}

/** The PNG with its IHDR width and height replaced (and the chunk's CRC recomputed): a header promising a huge canvas. */
function withPngSize(png: Buffer, width: number, height: number): Buffer {
  const out = Buffer.from(png);
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  let crc = 0xffffffff;
  for (const byte of out.subarray(12, 29)) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 29);
  return out;
}

describe('images', () => {
  let t: TestEngine;
  let mia: Cast;
  let leo: Cast;
  let productId: string;
  let otherProductId: string;
  const attacks = recordAttacks('hostile image uploads (spoofed type, not an image, too large, decompression bomb, wrong key)');

  beforeAll(async () => {
    t = await startTestEngine();
    mia = await castInfluencer(t, 'mia');
    leo = await castInfluencer(t, 'leo');
    productId = await createProduct(t, mia.influencerId);
    otherProductId = await createProduct(t, leo.influencerId);
  });
  afterAll(() => t?.stop());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${t.engine.apiUrl}${path}`, { headers });
  const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

  it('takes a JPEG, a PNG and a WebP, sniffed from their bytes, and answers each with its sizes', async () => {
    const uploads = [
      { type: 'image/jpeg', bytes: await picture(1600, 1200).jpeg().toBuffer(), purpose: 'design' as const },
      { type: 'image/png', bytes: await picture(800, 600).png().toBuffer(), purpose: 'sample' as const },
      { type: 'image/webp', bytes: await picture(2400, 3000).webp().toBuffer(), purpose: undefined },
    ];
    for (const upload of uploads) {
      const image = expectOk(await uploadImage(t, productId, upload.bytes, upload.type, { purpose: upload.purpose }), 201);
      const [width, height] = [(await sharp(upload.bytes).metadata()).width, (await sharp(upload.bytes).metadata()).height];
      expect(image).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/) as string,
        productId,
        purpose: upload.purpose ?? null,
        width,
        height,
        contentType: upload.type,
        bytes: upload.bytes.length,
        urls: { thumb: `/images/${image.id}/thumb`, display: `/images/${image.id}/display`, full: `/images/${image.id}/full` },
        createdAt: expect.any(String) as string,
      });
    }
    const listed = expectOk(await t.http<ImageListDto>('GET', `/products/${productId}/images`)).images;
    expect(listed.map((i) => i.contentType)).toEqual(['image/webp', 'image/png', 'image/jpeg']);
    expect(expectOk(await t.http<ImageListDto>('GET', `/products/${productId}/images?purpose=sample`)).images.map((i) => i.contentType)).toEqual(['image/png']);
    expectError(await t.http('GET', `/products/${productId}/images?purpose=poster`), 422, { fields: ['purpose'] });
  });

  it('serves each size as WebP at its width, cached for a year, with a strong ETag, and 304 while the ETag holds', async () => {
    const image = expectOk(await uploadImage(t, productId, await picture(3000, 2000).jpeg().toBuffer(), 'image/jpeg'), 201);
    const widths: Record<string, number[]> = {};
    for (const size of SIZES) {
      const res = await get(image.urls[size]);
      expect(res.status).toBe(200);
      const headers = Object.fromEntries(['content-type', 'cache-control', 'x-content-type-options', 'cross-origin-resource-policy'].map((h) => [h, res.headers.get(h)]));
      expect(headers).toEqual({ 'content-type': 'image/webp', 'cache-control': IMMUTABLE, 'x-content-type-options': 'nosniff', 'cross-origin-resource-policy': 'same-origin' });
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      const meta = await sharp(await bytesOf(res)).metadata();
      expect(meta.format).toBe('webp');
      widths[size] = [meta.width, meta.height];

      const again = await get(image.urls[size], { 'if-none-match': etag });
      expect([again.status, (await bytesOf(again)).length, again.headers.get('etag'), again.headers.get('cache-control')]).toEqual([304, 0, etag, IMMUTABLE]);
      // Compared weakly, as If-None-Match is; another tag gets the bytes.
      expect((await get(image.urls[size], { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
      expect((await get(image.urls[size], { 'if-none-match': '"other"' })).status).toBe(200);
    }
    expect(widths).toEqual({ thumb: [320, 213], display: [1080, 720], full: [2048, 1365] });
    // A page of the API's own origin may show them: its CSP allows images from 'self'.
    const csp = (await get('/health')).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/img-src 'self'/);
  });

  it('answers 404 for an unknown image or size and 422 for a malformed id, anyone asking', async () => {
    const image = expectOk(await uploadImage(t, productId, await picture(100, 100).png().toBuffer(), 'image/png'), 201);
    expectError(await t.http('GET', '/images/3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10/display', { key: null }), 404, { message: 'there is no image 3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10' });
    expectError(await t.http('GET', `/images/${image.id}/original`, { key: null }), 404, { message: 'the sizes are thumb, display, full' });
    expectError(await t.http('GET', '/images/not-a-uuid/display', { key: null }), 422, { message: 'is not an image id' });
    expectError(await t.http('GET', `/images/${image.id.toUpperCase()}/display`, { key: null }), 422);
  });

  it('turns a photo upright by its EXIF orientation and keeps none of its metadata: no GPS position in any size', async () => {
    // Stored sideways (orientation 6) with the phone's make and a GPS position in Shanghai.
    const photo = await picture(1200, 600)
      .withExif({ IFD0: { Make: 'PhoneCo', Model: 'P1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const sent = await sharp(photo).metadata();
    expect({ gps: hasGpsTag(sent.exif), orientation: sent.orientation }).toEqual({ gps: true, orientation: 6 });
    const image = expectOk(await uploadImage(t, productId, photo, 'image/jpeg'), 201);
    expect([image.width, image.height]).toEqual([600, 1200]);
    for (const size of SIZES) {
      const served = await bytesOf(await get(image.urls[size]));
      const meta = await sharp(served).metadata();
      expect({ size, exif: meta.exif, xmp: meta.xmp, icc: meta.icc, orientation: meta.orientation, portrait: meta.height > meta.width }).toEqual({
        size,
        exif: undefined,
        xmp: undefined,
        icc: undefined,
        orientation: undefined,
        portrait: true,
      });
      expect(served.includes('PhoneCo')).toBe(false);
    }
  });

  it('refuses bytes that are not what Content-Type says, or not an image at all, with 415 naming what is wrong', async () => {
    const png = await picture(50, 50).png().toBuffer();
    attacks.refused(await uploadImage(t, productId, png, 'image/jpeg'), [415], { message: 'declared image/jpeg but its bytes are a PNG image' });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    attacks.refused(await uploadImage(t, productId, svg, 'image/png'), [415], { message: 'declared image/png but its bytes are not a JPEG, PNG or WebP image' });
    attacks.refused(await uploadImage(t, productId, Buffer.from('just some text, not a picture'), 'image/webp'), [415], { message: 'not a JPEG, PNG or WebP image' });
    attacks.refused(await uploadImage(t, productId, await picture(50, 50).gif().toBuffer(), 'image/gif'), [415]);
    attacks.refused(await uploadImage(t, productId, Buffer.from(JSON.stringify({ image: 'x' })), 'application/json'), [415], { message: 'must be an image sent with Content-Type image/jpeg, image/png, image/webp' });
    attacks.refused(await t.http('POST', `/products/${productId}/images`), [415], { message: '(got none)' });
    // A PNG cut short after its header: recognised, but cannot be decoded.
    attacks.refused(await uploadImage(t, productId, png.subarray(0, 60), 'image/png'), [422], { message: /^the PNG image cannot be (read|decoded)/ });
    // Image bodies are taken by the upload route alone.
    attacks.refused(await t.http('POST', `/products/${productId}/designs`, { rawBody: png, headers: { 'content-type': 'image/png' } }), [415], { message: 'this route does not take image/png bodies' });
    expect(expectOk(await t.http<ImageListDto>('GET', `/products/${otherProductId}/images`)).images).toEqual([]);
  });

  it('refuses a body over 10 MiB with 413 while reading it, and a decompression bomb with 422 before decoding it', async () => {
    const tooLarge = Buffer.concat([await picture(100, 100).jpeg().toBuffer(), Buffer.alloc(10 * 1024 * 1024)]);
    attacks.refused(await uploadImage(t, productId, tooLarge, 'image/jpeg'), [413], { message: 'at most 10 MiB' });
    // 8000 × 6000 pixels of one colour: a real PNG of a few hundred KB that would decode to 144 MB.
    const big = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: '#ffffff' } }).png().toBuffer();
    expect(big.length).toBeLessThan(1024 * 1024);
    attacks.refused(await uploadImage(t, productId, big, 'image/png'), [422], { message: 'the image is 8000×6000 pixels (48 megapixels); at most 40 megapixels are accepted' });
    // A header promising 2.5 gigapixels over a few bytes: refused from the header, quickly.
    const started = performance.now();
    const bomb = withPngSize(await picture(10, 10).png().toBuffer(), 50_000, 50_000);
    attacks.refused(await uploadImage(t, productId, bomb, 'image/png'), [422], { message: 'the image is 50000×50000 pixels (2500 megapixels)' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("lets the product's influencer list its images but not upload; another influencer neither", async () => {
    const png = await picture(60, 60).png().toBuffer();
    attacks.refused(await uploadImage(t, productId, png, 'image/png', { key: mia.influencerKey }), [403]);
    attacks.refused(await uploadImage(t, productId, png, 'image/png', { key: null }), [401]);
    attacks.refused(await uploadImage(t, productId, png, 'image/png', { key: leo.influencerKey }), [403]);
    const staffList = expectOk(await t.http<ImageListDto>('GET', `/products/${productId}/images`)).images;
    expect(staffList.length).toBeGreaterThan(0);
    expect(expectOk(await t.http<ImageListDto>('GET', `/products/${productId}/images`, { key: mia.influencerKey })).images).toEqual(staffList);
    attacks.refused(await t.http('GET', `/products/${productId}/images`, { key: leo.influencerKey }), [403]);
  });

  it("takes the product's own images in design and sample rounds, refuses another product's, and puts the approved design's image on the cards after it", async () => {
    const cast = mia;
    const product = await createProduct(t, cast.influencerId);
    await advanceTo(t, cast, product, 'DESIGN');
    const green = expectOk(await uploadImage(t, product, await picture(1200, 900, '#00c853').jpeg().toBuffer(), 'image/jpeg', { purpose: 'design' }), 201);
    const foreign = expectOk(await uploadImage(t, otherProductId, await picture(200, 200).png().toBuffer(), 'image/png'), 201);

    const design = (imageUrls: string[]) => t.http<ProductDto>('POST', `/products/${product}/designs`, { body: { title: 'Midi v1', description: 'A-line', imageUrls } });
    attacks.refused(await design(['https://cdn.example.com/front.png', foreign.urls.display]), [422], {
      fields: ['imageUrls[1]'],
      message: `imageUrls[1] names image ${foreign.id}, which is not an image of product ${product}`,
    });
    expectError(await design(['/images/3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10/display']), 422, { fields: ['imageUrls[0]'] });
    expectError(await design(['/images/../../etc/passwd', 'ftp://example.com/a.png']), 422, { fields: ['imageUrls'], message: 'each image URL must be an http(s) URL or the path of an uploaded image' });
    const submitted = expectOk(await design([green.urls.display, 'https://cdn.example.com/back.png']));
    expect(submitted.designs[0].imageUrls).toEqual([green.urls.display, 'https://cdn.example.com/back.png']);
    expectOk(await t.http('POST', `/products/${product}/designs/1/review`, { body: { decision: 'APPROVE' }, key: cast.influencerKey }));

    // SAMPLING: photos follow the same rule.
    const sample = (photoUrls: string[]) => t.http<ProductDto>('POST', `/products/${product}/samples`, { body: { supplier: 'Mill', notes: 'first fit', photoUrls } });
    attacks.refused(await sample([foreign.urls.display]), [422], { fields: ['photoUrls[0]'] });
    const photo = expectOk(await uploadImage(t, product, await picture(640, 480, '#2962ff').png().toBuffer(), 'image/png', { purpose: 'sample' }), 201);
    expect(expectOk(await sample([photo.urls.display])).samples[0].photoUrls).toEqual([photo.urls.display]);

    // The cards: the design approval's shows the green picture where the plain card has its dark background.
    const updates = await eventually('the design approval update', async () => {
      const list = expectOk(await t.http<SocialUpdatesDto>('GET', `/products/${product}/social-updates`)).updates;
      return list.some((u) => u.event === 'DESIGN_APPROVED') ? list : undefined;
    });
    const cardOf = async (event: string) => {
      const update = updates.find((u) => u.event === event)!;
      const slug = /\/s\/([^/?#]+)$/.exec(update.shareUrl)![1];
      const res = await get(`/s/${slug}/card.png`);
      expect(res.status).toBe(200);
      const png = await bytesOf(res);
      const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const at = ((PICTURE_BOX.y + PICTURE_BOX.height / 2) * info.width + PICTURE_BOX.x + PICTURE_BOX.width / 2) * info.channels;
      return { png, centre: Array.from(data.subarray(at, at + 3)) };
    };
    const approved = await cardOf('DESIGN_APPROVED');
    const opened = await cardOf('POLL_OPENED');
    expect(approved.png.equals(opened.png)).toBe(false);
    const [r, g, b] = approved.centre;
    expect({ r: r < 60, g: g > 150, b: b < 130 }).toEqual({ r: true, g: true, b: true });
    expect(opened.centre[1]).toBeLessThan(100);
  });

  it('stores every size in PostgreSQL, byte for byte what is served', async () => {
    const image = expectOk(await uploadImage(t, productId, await picture(300, 300).webp().toBuffer(), 'image/webp'), 201);
    const before = await bytesOf(await get(image.urls.display));
    const [{ count }] = await t.db.dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM image_renditions WHERE image_id = $1', [image.id]);
    expect(count).toBe(3);
    const stored = await t.db.dataSource.query<{ data: Buffer }[]>("SELECT data FROM image_renditions WHERE image_id = $1 AND size = 'display'", [image.id]);
    expect(stored[0].data.equals(before)).toBe(true);
  });
});
