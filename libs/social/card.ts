// The share card of a social update: a 1200×630 image (the Open Graph size) with the title, product,
// stage, handle and, for polls, the results as bars — drawn as SVG and rendered to PNG with resvg.
import { renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY, fonts } from './card-fonts';
import type { ShareCardInput } from './card-layout';
import { cardSvg } from './card-svg';

export { CARD_HEIGHT, CARD_WIDTH, isCardPicture, PICTURE_BOX, pollRows, wrapText, type PollRow, type ShareCardInput, type StoredShareCard } from './card-layout';
export { cardSvg } from './card-svg';

export function cardRenderOptions(): ResvgRenderOptions {
  return { fitTo: { mode: 'original' }, font: { fontFiles: fonts(), loadSystemFonts: false, defaultFontFamily: FONT_FAMILY } };
}

/** The PNG, rendered on libuv's thread pool (about 100 ms of work) so the event loop keeps serving meanwhile. */
export async function renderCardPngAsync(input: ShareCardInput): Promise<Buffer> {
  return (await renderAsync(cardSvg(input), cardRenderOptions())).asPng();
}
