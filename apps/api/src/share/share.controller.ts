// Public share pages: `/s/:slug` is the update as an HTML page with Open Graph and Twitter card tags (so
// links unfurl), the product's stage timeline and, for poll updates, the results; `/s/:slug/card.png` is
// its 1200×630 image card, rendered on the first request and kept in PostgreSQL after that.

import { Controller, Get, Header, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { ShareService } from './share.service';

@ApiTags('share')
@Public()
@Controller('s')
export class ShareController {
  constructor(private readonly share: ShareService) {}

  @Get(':slug')
  @ApiOperation({
    summary: 'The public share page of a published update (no key needed): Open Graph/Twitter tags, timeline, poll results, live reservations.',
    description: 'Each view is counted (not for bots, nor the same visitor again within ATTRIBUTION_REPEAT_WINDOW), for the tracked link in `c` when it is this update\'s, else as direct.',
  })
  @ApiQuery({ name: 'c', required: false, description: 'The tracked link the visitor came through (set by /r/<code>).' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'An HTML page', schema: { type: 'string' } })
  @ApiErrors(404)
  @Header('content-type', 'text/html; charset=utf-8')
  // private: a shared cache answering in the engine's place would hide views from the count.
  @Header('cache-control', 'private, max-age=60')
  page(@Param('slug') slug: string, @Query('c') code: unknown, @Req() req: FastifyRequest): Promise<string> {
    return this.share.page(slug, req, typeof code === 'string' ? code : undefined);
  }

  @Get(':slug/card.png')
  @ApiOperation({ summary: "The update's 1200×630 PNG card (product, stage, influencer, poll bars); rendered once, then served from storage." })
  @ApiProduces('image/png')
  @ApiOkResponse({ description: 'A PNG image', schema: { type: 'string', format: 'binary' } })
  @ApiErrors(404)
  async card(@Param('slug') slug: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const png = await this.share.card(slug);
    // The card never changes once made; platforms and other sites' pages embed it.
    void reply
      .header('content-type', 'image/png')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('cross-origin-resource-policy', 'cross-origin');
    return png;
  }
}
