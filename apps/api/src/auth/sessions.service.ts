// Signing in and browser sessions: a staff member asks for a one-time sign-in link by email (mailed through
// SMTP; the copy kept in the notifications outbox leaves the link out), an influencer opens a magic link; either
// token is exchanged for a session whose cookie the auth guard accepts on every route, like an API key. A
// session ends when it expires, on sign-out, when its magic link is revoked, and (staff) while she is disabled.
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from '@app/config';
import { MagicLinkRepository, newId, NotificationRepository, SessionRepository, SignInTokenRepository, StaffMemberRepository, type SessionEntity } from '@app/database';
import { DomainError, DomainErrorCode, type ContactLanguage } from '@app/domain';
import { Mailer, renderSignInMail, signInLinkUrl } from '@app/notify';
import { ACCESS_TOKEN_PATTERN, generateAccessToken, hashAccessToken } from '@app/webhooks';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { consumeOrRefuse } from '../common/rate-limit';
import { CONFIG } from '../common/tokens';
import type { Principal } from './principal';
import { csrfTokenFor } from './session-cookie';
import { issueSignInToken } from './sign-in-tokens';
import type { SessionDto } from './dto/session.dto';

/** A session just opened: its cookie's token (set once, never stored) and what the page is told. */
export interface OpenedSession {
  token: string;
  maxAgeSeconds: number;
  dto: SessionDto;
}

/** A cookie's session, as the guard and GET /auth/session see it. */
export interface ActiveSession {
  principal: Principal;
  dto: SessionDto;
  id: string;
}

const SIGN_IN_ACCEPTED = 'If that address belongs to an active staff member, a sign-in link is on its way to it.';

@Injectable()
export class SessionsService implements OnApplicationShutdown {
  private readonly logger = new Logger('Sessions');
  private readonly mailer: Mailer;
  private readonly signInLinksPerIp: RateLimiterMemory;
  private readonly sessionsPerIp: RateLimiterMemory;
  private readonly signInLinksPerEmail: RateLimiterMemory;
  /** Sign-in mails being written or sent after their request was answered. */
  private readonly mailing = new Set<Promise<void>>();

  constructor(
    private readonly signInTokens: SignInTokenRepository,
    private readonly magicLinks: MagicLinkRepository,
    private readonly sessions: SessionRepository,
    private readonly staffMembers: StaffMemberRepository,
    private readonly notifications: NotificationRepository,
    private readonly http: HttpAdapterHost,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {
    this.mailer = new Mailer({ url: config.notify.smtpUrl, from: config.notify.mailFrom });
    const perMinute = { points: config.auth.ratePerIpPerMinute, duration: 60 };
    this.signInLinksPerIp = new RateLimiterMemory(perMinute);
    this.sessionsPerIp = new RateLimiterMemory(perMinute);
    this.signInLinksPerEmail = new RateLimiterMemory({ points: config.auth.signInLinksPerEmailPerHour, duration: 3600 });
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.mailing]);
    this.mailer.close();
  }

  /** Where links point: PUBLIC_BASE_URL, or the address this API listens on (never the request's Host, which a caller chooses). */
  publicBaseUrl(): string {
    if (this.config.api.publicBaseUrl) return this.config.api.publicBaseUrl;
    const server = this.http.httpAdapter.getHttpServer() as Server;
    const address: AddressInfo | string | null = server.address();
    const port = typeof address === 'object' && address ? address.port : this.config.api.port;
    const host = this.config.api.host === '0.0.0.0' || this.config.api.host === '::' ? '127.0.0.1' : this.config.api.host;
    return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  /**
   * Answers at once, whoever the address belongs to (no account enumeration, by content or by time): the look-up
   * and the mail happen after the answer. Over SIGN_IN_EMAIL_LIMIT an hour for one address, nothing is sent.
   */
  async requestSignInLink(email: string, clientIp: string): Promise<{ message: string }> {
    await consumeOrRefuse(this.signInLinksPerIp, clientIp, `too many sign-in link requests from this address; limit ${this.config.auth.ratePerIpPerMinute} a minute`);
    const mailing = this.mailSignInLink(email).catch((err: Error) => this.logger.error({ error: err.message }, 'sign-in link not mailed'));
    this.mailing.add(mailing);
    void mailing.finally(() => this.mailing.delete(mailing));
    return { message: `${SIGN_IN_ACCEPTED} It is valid for ${Math.round(this.config.auth.signInLinkTtlMs / 60_000)} minutes.` };
  }

  private async mailSignInLink(email: string): Promise<void> {
    const member = await this.staffMembers.findByEmail(email);
    if (!member || member.disabledAt) return;
    try {
      await this.signInLinksPerEmail.consume(member.id);
    } catch {
      this.logger.warn({ staffMemberId: member.id }, 'sign-in link not sent: too many for this address this hour');
      return;
    }
    const { id: tokenId, token } = await issueSignInToken(this.signInTokens, member.id, this.config.auth.signInLinkTtlMs);
    const minutes = Math.round(this.config.auth.signInLinkTtlMs / 60_000);
    const mail = renderSignInMail(member.language, signInLinkUrl(this.publicBaseUrl(), token), minutes);
    // The copy staff can read (GET /notifications) has the words without the link.
    const kept = renderSignInMail(member.language, member.language === 'zh-CN' ? '（链接只在邮件中，不在此保存）' : '(the link is only in the mail sent, never kept here)', minutes);
    const notificationId = newId('ntf', 16);
    const configured = this.mailer.configured;
    await this.notifications.insert([
      {
        id: notificationId,
        recipientKind: 'staff',
        recipientId: member.id,
        productId: null,
        source: `sign-in:${tokenId}`,
        kind: 'auth.sign_in_link',
        channel: 'email',
        language: member.language,
        subject: kept.subject,
        body: kept.body,
        payload: '{}',
        status: configured ? 'pending' : 'outbox',
        lastError: configured ? null : 'no SMTP server is configured (SMTP_URL): the link was not sent; an operator prints one with npm run sign-in-link',
      },
    ]);
    if (!configured) return;
    try {
      await this.mailer.send({ to: member.email, subject: mail.subject, text: mail.body, id: notificationId, language: member.language }, 10_000);
      await this.notifications.markSent(notificationId);
    } catch (err) {
      await this.notifications.markFailed(notificationId, `the SMTP server did not take it: ${(err as Error).message}`);
    }
  }

  /** Exchanges a sign-in token (used up) or a magic link's token for a new session. */
  async open(token: string, clientIp: string): Promise<OpenedSession> {
    await consumeOrRefuse(this.sessionsPerIp, clientIp, `too many sign-in attempts from this address; limit ${this.config.auth.ratePerIpPerMinute} a minute`);
    if (!ACCESS_TOKEN_PATTERN.test(token)) throw notValid('the link is not valid (it was cut short or changed): open it again from the message');
    const tokenHash = hashAccessToken(token);
    const now = Date.now();
    const link = await this.magicLinks.findByTokenHash(tokenHash);
    if (link) {
      if (link.revokedAt) throw notValid('this link has been revoked: ask the incubator for a new one');
      if (link.expiresAt.getTime() <= now) throw notValid('this link has expired: ask the incubator for a new one');
      const expiresAt = new Date(Math.min(now + this.config.auth.influencerSessionTtlMs, link.expiresAt.getTime()));
      return this.start({ role: 'influencer', staffMemberId: null, influencerId: link.influencerId, magicLinkId: link.id, expiresAt });
    }
    const used = await this.signInTokens.use(tokenHash);
    switch (used.outcome) {
      case 'used':
        return this.start({ role: 'staff', staffMemberId: used.staffMemberId, influencerId: null, magicLinkId: null, expiresAt: new Date(now + this.config.auth.staffSessionTtlMs) });
      case 'expired':
        throw notValid('this sign-in link has expired: ask for a new one');
      case 'used-before':
        throw notValid('this sign-in link has been used already: ask for a new one');
      case 'not-valid':
        throw notValid('the link is not valid: ask for a new one');
      default: {
        const unknown: never = used;
        throw new Error(`unknown outcome ${JSON.stringify(unknown)}`);
      }
    }
  }

  private async start(fields: Pick<SessionEntity, 'role' | 'staffMemberId' | 'influencerId' | 'magicLinkId' | 'expiresAt'>): Promise<OpenedSession> {
    const token = generateAccessToken();
    const inserted = await this.sessions.insert({ id: newId('ses'), tokenHash: hashAccessToken(token), ...fields });
    const session = await this.sessions.findByTokenHash(inserted.tokenHash);
    const active = session && activeSession(session, token);
    if (!active) throw notValid('the link is not valid any more: ask for a new one');
    this.logger.log({ sessionId: active.id, role: fields.role, staffMemberId: fields.staffMemberId, influencerId: fields.influencerId }, 'session opened');
    return { token, maxAgeSeconds: Math.max(1, Math.floor((fields.expiresAt.getTime() - Date.now()) / 1000)), dto: active.dto };
  }

  /** The session a cookie's token opens now, or null (unknown, ended, expired, her link revoked, or she is disabled). */
  async verify(token: string): Promise<ActiveSession | null> {
    const session = await this.sessions.findByTokenHash(hashAccessToken(token));
    return session ? activeSession(session, token) : null;
  }

  async end(id: string): Promise<void> {
    await this.sessions.end(id);
    this.logger.log({ sessionId: id }, 'session ended');
  }
}

function notValid(message: string): DomainError {
  return new DomainError(DomainErrorCode.Unauthenticated, message);
}

/** A stored session as the caller it authenticates, when it still does. */
function activeSession(s: SessionEntity, token: string): ActiveSession | null {
  if (s.endedAt || s.expiresAt.getTime() <= Date.now()) return null;
  let name: string;
  let language: ContactLanguage;
  if (s.role === 'staff') {
    if (!s.staffMember || s.staffMember.disabledAt) return null;
    ({ name, language } = s.staffMember);
  } else {
    if (!s.influencer || !s.magicLink || s.magicLink.revokedAt || s.magicLink.expiresAt.getTime() <= Date.now()) return null;
    ({ displayName: name, language } = s.influencer);
  }
  const principal: Principal = { keyId: `session:${s.id}`, role: s.role, influencerId: s.influencerId, staffMemberId: s.staffMemberId, label: name };
  const dto: SessionDto = {
    role: s.role,
    staffMemberId: s.staffMemberId,
    influencerId: s.influencerId,
    name,
    language,
    csrfToken: csrfTokenFor(token),
    expiresAt: s.expiresAt.toISOString(),
  };
  return { principal, dto, id: s.id };
}
