// The paths that name an engine image in design and sample rounds.
import { randomUUID } from 'node:crypto';
import { imagePath, isImageId, isImagePath, parseImagePath, SIZE_BOXES } from './sizes';

describe('image paths', () => {
  const id = randomUUID();

  it('round-trips /images/<uuid>/<size> for each size', () => {
    for (const size of ['thumb', 'display', 'full'] as const) expect(parseImagePath(imagePath(id, size))).toEqual({ id, size });
  });

  it('is not an absolute URL, another size, a malformed id or a longer path', () => {
    for (const value of [
      `https://cdn.example.com/images/${id}/display`,
      `/images/${id}/original`,
      `/images/${id}`,
      `/images/${id}/display/`,
      `/images/${id}/display?x=1`,
      `/images/${id.toUpperCase()}/display`,
      '/images/not-a-uuid/display',
      `//images/${id}/display`,
      `/images/../${id}/display`,
    ]) {
      expect({ value, path: isImagePath(value) }).toEqual({ value, path: false });
    }
  });

  it('takes UUIDs as the engine writes them', () => {
    expect(isImageId(id)).toBe(true);
    expect(isImageId('00000000-0000-0000-0000-000000000000')).toBe(false);
    expect(isImageId(`${id}0`)).toBe(false);
  });

  it('keeps every size box under WebP\'s 16383 px and no larger than full', () => {
    for (const box of Object.values(SIZE_BOXES)) expect(Math.max(box.width, box.height)).toBeLessThanOrEqual(16383);
    expect(SIZE_BOXES.thumb.width).toBe(320);
    expect(SIZE_BOXES.display.width).toBe(1080);
    expect(SIZE_BOXES.full).toEqual({ width: 2048, height: 2048 });
  });
});
