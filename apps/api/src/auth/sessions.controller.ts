// /auth: a staff member asks for a one-time sign-in link by email; a sign-in link's or a magic link's token is
// exchanged for a browser session (the ie_session cookie); the page reads its session and signs out.
import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AppConfig } from '@app/config';
import { DomainError, DomainErrorCode } from '@app/domain';
import { Inject } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '../common/api-errors';
import { CONFIG } from '../common/tokens';
import { CurrentSession, Public, SessionOnly, type AuthenticatedSession } from './decorators';
import { AcceptedDto, CreateSessionDto, SessionDto, SignInLinkRequestDto } from './dto/session.dto';
import { originAllowed, SESSION_COOKIE, sessionCookieOptions } from './session-cookie';
import { SessionsService } from './sessions.service';

const RATE_LIMITED = { status: 429, description: 'Too many requests from this address; retry after Retry-After seconds.' };

@ApiTags('auth')
@Controller('auth')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('sign-in-links')
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Ask for a one-time sign-in link (staff): when the email is an active staff member\'s, a link `<base>/app/sign-in#token=…` valid SIGN_IN_LINK_TTL is mailed to it. Always 202, whoever the address belongs to.',
  })
  @ApiAcceptedResponse({ type: AcceptedDto })
  @ApiResponse(RATE_LIMITED)
  @ApiErrors(400, 403, 422)
  signInLink(@Body() dto: SignInLinkRequestDto, @Req() req: FastifyRequest): Promise<AcceptedDto> {
    this.sameOrigin(req);
    return this.sessions.requestSignInLink(dto.email, req.ip);
  }

  @Post('sessions')
  @Public()
  @ApiOperation({
    summary:
      'Exchange the token of a sign-in link (used up) or of an influencer\'s magic link for a browser session: sets the ie_session cookie (HttpOnly, Secure, SameSite=Strict) and answers the session with its CSRF token.',
  })
  @ApiCreatedResponse({ type: SessionDto, headers: { 'Set-Cookie': { description: 'ie_session=<token>; Max-Age=…; Path=/; HttpOnly; Secure; SameSite=Strict', schema: { type: 'string' } } } })
  @ApiResponse(RATE_LIMITED)
  @ApiErrors(400, 401, 403, 422)
  async open(@Body() dto: CreateSessionDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionDto> {
    this.sameOrigin(req);
    const opened = await this.sessions.open(dto.token, req.ip);
    void reply.setCookie(SESSION_COOKIE, opened.token, sessionCookieOptions(opened.maxAgeSeconds));
    return opened.dto;
  }

  @Get('session')
  @SessionOnly()
  @ApiOperation({ summary: 'The caller\'s browser session (from its cookie) with its CSRF token; 401 without one.' })
  @ApiOkResponse({ type: SessionDto })
  @ApiErrors(401)
  current(@CurrentSession() session: AuthenticatedSession): SessionDto {
    return session.dto;
  }

  @Delete('session')
  @SessionOnly()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: the session ends on the server and its cookie is cleared (needs X-CSRF-Token).' })
  @ApiNoContentResponse({ description: 'Signed out.' })
  @ApiErrors(401, 403)
  async end(@CurrentSession() session: AuthenticatedSession, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.end(session.id);
    void reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(0));
  }

  /** A browser on another site may not sign someone in (login CSRF) nor spend her sign-in mails. */
  private sameOrigin(req: FastifyRequest): void {
    if (!originAllowed(req, this.config)) throw new DomainError(DomainErrorCode.Forbidden, `requests from origin ${String(req.headers.origin).slice(0, 200)} may not sign in here`);
  }
}
