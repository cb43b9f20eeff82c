// Which picture a share card shows: from the design approval on, the approved design's first uploaded image
// (an https URL is never fetched: the card is drawn from the engine's own data alone).
import type { DesignProposal } from '@app/domain';
import { parseImagePath } from '@app/images';

/** The image id of the card of the update at `updateSeq`; null before the design approval or without an uploaded image. */
export function cardPictureImageId(updateSeq: number, approval: { seq: number; round: number } | null, designs: readonly Pick<DesignProposal, 'round' | 'imageUrls'>[]): string | null {
  if (!approval || updateSeq < approval.seq) return null;
  const design = designs.find((d) => d.round === approval.round);
  for (const url of design?.imageUrls ?? []) {
    const image = parseImagePath(url);
    if (image) return image.id;
  }
  return null;
}
