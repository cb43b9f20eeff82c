// Tracked links: `/r/<code>` is the link every published social update posts on each channel. It
// redirects to the update's share page on this site (never anywhere a request names) and counts the click.
import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/decorators';
import { LinksService } from './links.service';

const NOT_FOUND_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Link not found</title><link rel="icon" href="data:,"></head>
<body><main><h1>Link not found</h1><p>This link does not lead anywhere (any more).</p></main></body>
</html>
`;

@ApiTags('share')
@Public()
@Controller('r')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  @Get(':code')
  @ApiOperation({
    summary: "Follow a social update's tracked link (no key needed): 302 to the update's share page with ?c=<code>; the click is counted.",
    description: 'A click is not counted for a bot user agent (or none), or when the same visitor clicked the same link within ATTRIBUTION_REPEAT_WINDOW.',
  })
  @ApiParam({ name: 'code', description: 'The code in the posted link.' })
  @ApiResponse({ status: 302, description: 'To `/s/<slug>?c=<code>` on this site.' })
  @ApiResponse({ status: 404, description: 'An HTML page: no published update has this link.' })
  async follow(@Param('code') code: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const location = await this.links.follow(code, req);
    // Every click must reach the engine to be counted.
    void reply.header('cache-control', 'no-store');
    if (!location) {
      await reply.status(404).header('content-type', 'text/html; charset=utf-8').send(NOT_FOUND_PAGE);
      return;
    }
    await reply.status(302).header('location', location).send();
  }
}
