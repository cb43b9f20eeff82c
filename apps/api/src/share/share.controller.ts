// Public share pages: `/s/:slug` is the update as an HTML page with Open Graph and Twitter card tags (so
// links unfurl), the product's stage timeline and, for poll updates, the results; `/s/:slug/card.png` is
// its 1200×630 image card, rendered on the first request and kept in PostgreSQL after that.

import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { ShareService } from './share.service';

@ApiTags('share')
@Public()
@Controller('s')
export class ShareController {
  constructor(private readonly share: ShareService) {}

  @Get(':slug')
  @ApiOperation({ summary: 'The public share page of a published update (no key needed): Open Graph/Twitter tags, timeline, poll results.' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'An HTML page', schema: { type: 'string' } })
  @ApiErrors(404)
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'public, max-age=60')
  page(@Param('slug') slug: string): Promise<string> {
    return this.share.page(slug);
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
