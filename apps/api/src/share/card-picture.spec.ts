// The share card's picture: the approved design's first uploaded image, on the updates from its approval on.
import { cardPictureImageId } from './card-picture';

const A = '3f0c1c9e-5b7a-4d2e-9b1f-2a6c8e4d7f10';
const B = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const designs = [
  { round: 1, imageUrls: [`/images/${B}/display`] },
  { round: 2, imageUrls: ['https://cdn.example.com/v2-front.png', `/images/${A}/display`, `/images/${B}/full`] },
];
const approval = { seq: 12, round: 2 };

describe('cardPictureImageId', () => {
  it("is the approved round's first uploaded image, skipping https URLs, from the approval's own update on", () => {
    expect(cardPictureImageId(12, approval, designs)).toBe(A);
    expect(cardPictureImageId(40, approval, designs)).toBe(A);
  });

  it('is none before the approval, without one, or when the approved round has no uploaded image', () => {
    expect(cardPictureImageId(11, approval, designs)).toBeNull();
    expect(cardPictureImageId(40, null, designs)).toBeNull();
    expect(cardPictureImageId(40, { seq: 12, round: 3 }, designs)).toBeNull();
    expect(cardPictureImageId(40, approval, [{ round: 2, imageUrls: ['https://cdn.example.com/v2.png'] }])).toBeNull();
  });
});
