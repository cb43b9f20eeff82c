// Fan votes: the signed webhook a connector delivers each vote to, and the public live results.
import { Body, Controller, Get, Header, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, DomainErrorCode, isPlatform, normaliseFanId, PLATFORMS } from '@app/domain';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { BodyLimit } from '../common/http-server';
import { RequestValidationError } from '../common/validation';
import { LiveResultsDto, VoteDto, VoteReceiptDto } from './dto/vote.dto';
import { LiveResultsService } from './live-results.service';
import { PollCatalog } from './poll-catalog.service';
import { VoteIntakeService } from './vote-intake.service';
import { WebhookSignatureGuard, type WebhookRequest } from './webhook-signature.guard';

// A vote stamped further ahead than this is refused (the clocks of platform and engine differ a little).
const FUTURE_SKEW_MS = 5 * 60_000;
const EARLIEST_VOTE = Date.parse('2000-01-01T00:00:00Z');
/** A vote is a few hundred bytes; anything near this is not a vote. Refused (413) before the body is parsed. */
const MAX_VOTE_BYTES = 16 * 1024;

@ApiTags('votes')
@Public()
@Controller()
export class VotesController {
  constructor(
    private readonly intake: VoteIntakeService,
    private readonly catalog: PollCatalog,
    private readonly liveResults: LiveResultsService,
  ) {}

  @Post('webhooks/votes/:sourceId')
  @BodyLimit(MAX_VOTE_BYTES)
  @UseGuards(WebhookSignatureGuard)
  @HttpCode(202)
  @ApiOperation({
    summary: 'Deliver one fan vote (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature).',
    description:
      'Sign `${webhook-id}.${webhook-timestamp}.${body}` with HMAC-SHA256 and the source\'s `whsec_` secret, as every Standard Webhooks ' +
      'library does. The answer comes after the vote is committed: 202 counted; 200 duplicate (the same webhook-id again, or a fan ' +
      'who already voted in this poll; not counted again); 409 when the poll is not open. Retry on 429 (after Retry-After) and 503.',
  })
  @ApiParam({ name: 'sourceId', description: 'The webhook source id (deliveryPath of the source).' })
  @ApiHeader({ name: 'webhook-id', required: true, description: 'Unique per vote; a redelivery repeats it.' })
  @ApiHeader({ name: 'webhook-timestamp', required: true, description: 'Unix seconds; at most five minutes off.' })
  @ApiHeader({ name: 'webhook-signature', required: true, description: '`v1,<base64 signature>`, several separated by spaces.' })
  @ApiResponse({ status: 202, type: VoteReceiptDto, description: 'Committed and counted.' })
  @ApiResponse({ status: 200, type: VoteReceiptDto, description: 'Already had it: committed before, not counted again.' })
  @ApiResponse({ status: 413, description: 'The body is over 16 KiB.' })
  @ApiResponse({ status: 429, description: 'The source is over its rate limit; retry after Retry-After seconds.' })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  async vote(@Body() dto: VoteDto, @Req() req: WebhookRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<VoteReceiptDto> {
    const source = req.webhookSource!;
    const webhookId = String(req.headers['webhook-id']);
    if (!isPlatform(source.platform)) {
      // Registered before platforms came from one list: its votes could never be counted consistently.
      throw new DomainError(
        DomainErrorCode.InvalidState,
        `webhook source ${source.id} was registered for platform "${source.platform}", which is not one of ${PLATFORMS.join(', ')}; register a source for one of them`,
      );
    }
    if (dto.voter.platform !== source.platform) {
      throw new RequestValidationError([
        { field: 'voter.platform', messages: [`voter.platform must be "${source.platform}", the platform this webhook source was registered for`] },
      ]);
    }
    const occurredAt = Date.parse(dto.occurredAt);
    if (!(occurredAt >= EARLIEST_VOTE && occurredAt <= Date.now() + FUTURE_SKEW_MS)) {
      throw new RequestValidationError([{ field: 'occurredAt', messages: ['occurredAt must be a time after 2000 and not in the future'] }]);
    }
    const poll = await this.catalog.get(dto.productId);
    if (!poll) throw new DomainError(DomainErrorCode.NotFound, `product ${dto.productId} does not exist`);
    if (!poll.optionIds.has(dto.optionId)) {
      throw new RequestValidationError([
        { field: 'optionId', messages: [`optionId "${dto.optionId}" is not an option of this poll; its options are ${[...poll.optionIds].join(', ')}`] },
      ]);
    }

    // One fan, one vote: the uniqueness check compares the normalised id; the raw one is kept for audit.
    const fan = normaliseFanId(dto.voter.platform, dto.voter.userId);
    if (!fan.ok) throw new RequestValidationError([{ field: 'voter.userId', messages: [`voter.userId ${fan.reason}`] }]);

    const outcome = await this.intake.record({
      productId: dto.productId,
      optionId: dto.optionId,
      platform: dto.voter.platform,
      platformUserId: fan.userId,
      platformUserIdRaw: dto.voter.userId,
      occurredAt: new Date(occurredAt).toISOString(),
      sourceId: source.id,
      webhookId,
      attributionCode: dto.attributionCode ?? null,
    });
    switch (outcome.kind) {
      case 'counted':
        return { result: 'counted', productId: dto.productId, webhookId };
      case 'duplicate':
        void reply.status(200);
        return { result: 'duplicate', ...(outcome.reason ? { reason: outcome.reason } : {}), productId: dto.productId, webhookId };
      case 'poll-not-open': {
        const status = outcome.status ?? 'unknown';
        if (status === 'DRAFT') throw new DomainError(DomainErrorCode.InvalidState, `the poll of product ${dto.productId} is not open yet: its options wait for the influencer's approval`);
        const detail = status === 'OPEN' ? `it closed at ${outcome.closesAt}` : `its status is ${status}`;
        throw new DomainError(DomainErrorCode.InvalidState, `the poll of product ${dto.productId} is not open for votes: ${detail}`);
      }
    }
  }

  @Get('products/:id/poll/results')
  @Header('cache-control', 'public, max-age=1')
  // Fan sites may show the live results from any origin.
  @Header('access-control-allow-origin', '*')
  @ApiOperation({ summary: "Live poll results for fans: votes per option and the total, at most about a second old. No key needed. 404 while the poll waits for the influencer's approval (DRAFT)." })
  @ApiOkResponse({ type: LiveResultsDto })
  @ApiErrors(404)
  results(@Param('id') productId: string): Promise<LiveResultsDto> {
    return this.liveResults.get(productId);
  }
}
