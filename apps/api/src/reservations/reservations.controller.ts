// Fan reservations ("I'd buy it"): the signed webhook a connector delivers each one to (the same source
// model and signature guard as votes), and the public live demand.
import { Body, Controller, Get, Header, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, DomainErrorCode, isPlatform, normaliseFanId, PLATFORMS } from '@app/domain';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators';
import { ApiErrors } from '../common/api-errors';
import { BodyLimit } from '../common/http-server';
import { RequestValidationError } from '../common/validation';
import { WebhookSignatureGuard, type WebhookRequest } from '../votes/webhook-signature.guard';
import { LiveDemandDto, ReservationDto, ReservationReceiptDto } from './dto/reservation.dto';
import { LiveDemandService } from './live-demand.service';
import { ReservationsService } from './reservations.service';

// A reservation stamped further ahead than this is refused (the clocks of platform and engine differ a little).
const FUTURE_SKEW_MS = 5 * 60_000;
const EARLIEST = Date.parse('2000-01-01T00:00:00Z');
/** A reservation is a few hundred bytes; anything near this is not one. Refused (413) before the body is parsed. */
const MAX_RESERVATION_BYTES = 16 * 1024;

@ApiTags('reservations')
@Public()
@Controller()
export class ReservationsController {
  constructor(
    private readonly reservations: ReservationsService,
    private readonly liveDemand: LiveDemandService,
  ) {}

  @Post('webhooks/reservations/:sourceId')
  @BodyLimit(MAX_RESERVATION_BYTES)
  @UseGuards(WebhookSignatureGuard)
  @HttpCode(202)
  @ApiOperation({
    summary: 'Deliver one fan reservation (Standard Webhooks, signed with the webhook source\'s secret, like votes).',
    description:
      'The answer comes after the reservation is committed: 202 reserved, with the code for the shop\'s checkout; 200 duplicate (the same ' +
      'webhook-id again, or a fan who already reserved this variant; not counted again, the stored code is returned); 409 when the product ' +
      'takes no reservations now (window not open or past its closing time); 404 unknown product; 422 unknown variant; 400 quantity below 1.',
  })
  @ApiParam({ name: 'sourceId', description: 'The webhook source id (the same sources deliver votes).' })
  @ApiHeader({ name: 'webhook-id', required: true, description: 'Unique per reservation; a redelivery repeats it.' })
  @ApiHeader({ name: 'webhook-timestamp', required: true, description: 'Unix seconds; at most five minutes off.' })
  @ApiHeader({ name: 'webhook-signature', required: true, description: '`v1,<base64 signature>`, several separated by spaces.' })
  @ApiResponse({ status: 202, type: ReservationReceiptDto, description: 'Committed and counted.' })
  @ApiResponse({ status: 200, type: ReservationReceiptDto, description: 'Already had it: committed before, not counted again.' })
  @ApiResponse({ status: 413, description: 'The body is over 16 KiB.' })
  @ApiResponse({ status: 429, description: 'The source is over its rate limit; retry after Retry-After seconds.' })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  async reserve(@Body() dto: ReservationDto, @Req() req: WebhookRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReservationReceiptDto> {
    const source = req.webhookSource!;
    if (!isPlatform(source.platform)) {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        `webhook source ${source.id} was registered for platform "${source.platform}", which is not one of ${PLATFORMS.join(', ')}; register a source for one of them`,
      );
    }
    if (dto.fan.platform !== source.platform) {
      throw new RequestValidationError([{ field: 'fan.platform', messages: [`fan.platform must be "${source.platform}", the platform this webhook source was registered for`] }]);
    }
    const occurredAt = Date.parse(dto.occurredAt);
    if (!(occurredAt >= EARLIEST && occurredAt <= Date.now() + FUTURE_SKEW_MS)) {
      throw new RequestValidationError([{ field: 'occurredAt', messages: ['occurredAt must be a time after 2000 and not in the future'] }]);
    }
    // One reservation per fan and variant: compared on the normalised id, the raw one kept for audit.
    const fan = normaliseFanId(dto.fan.platform, dto.fan.userId);
    if (!fan.ok) throw new RequestValidationError([{ field: 'fan.userId', messages: [`fan.userId ${fan.reason}`] }]);

    const { status, receipt } = await this.reservations.reserve(
      {
        productId: dto.productId,
        variantId: dto.variantId,
        quantity: dto.quantity,
        platform: dto.fan.platform,
        platformUserId: fan.userId,
        platformUserIdRaw: dto.fan.userId,
        via: 'fan',
        sourceId: source.id,
        webhookId: String(req.headers['webhook-id']),
        attributionCode: dto.attributionCode ?? null,
      },
      { productId: 'productId', variantId: 'variantId', quantity: 'quantity' },
    );
    if (status === 200) void reply.status(200);
    return receipt;
  }

  @Get('products/:id/demand')
  @Header('cache-control', 'public, max-age=1')
  // Fan sites may show the live demand from any origin.
  @Header('access-control-allow-origin', '*')
  @ApiOperation({ summary: 'Live demand for fans: units reserved per variant, share of the goal and time left, at most about a second old. No key needed.' })
  @ApiOkResponse({ type: LiveDemandDto })
  @ApiErrors(404)
  demand(@Param('id') productId: string): Promise<LiveDemandDto> {
    return this.liveDemand.get(productId);
  }
}
