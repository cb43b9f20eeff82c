// Who is clicking, without knowing who: a visitor is HMAC-SHA256(key, address, user agent, UTC day),
// truncated to 128 bits, under a key derived from the engine's secrets key for this one purpose. No address
// is stored, and a visitor cannot be followed across days. Bots (by user agent, the isbot library) and
// requests without a user agent are not visitors at all: their clicks and views are not counted.
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { loadSecretsKey } from '@app/webhooks';
import { createHmac, hkdfSync } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { isbot } from 'isbot';
import { CONFIG } from '../common/tokens';

/** A counted request's visitor, or null for a bot. */
export type Visitor = string | null;

@Injectable()
export class VisitorService {
  private readonly key: Buffer;

  constructor(@Inject(CONFIG) config: AppConfig) {
    const secrets = loadSecretsKey({ keyBase64: config.secretsKey, dataDir: config.dataDir });
    // A key of its own: the visitor hashes reveal nothing about the key that seals webhook secrets.
    this.key = Buffer.from(hkdfSync('sha256', secrets, Buffer.alloc(0), 'incubator-engine/visitor-id/v1', 32));
  }

  identify(req: FastifyRequest, now = new Date()): Visitor {
    const agent = String(req.headers['user-agent'] ?? '').slice(0, 512);
    if (!agent.trim() || isbot(agent)) return null;
    return visitorId(this.key, req.ip, agent, now);
  }
}

/** 32 hex characters; the same for one address and user agent on one UTC day. */
export function visitorId(key: Buffer, ip: string, userAgent: string, now: Date): string {
  return createHmac('sha256', key).update(`${ip}\n${userAgent}\n${now.toISOString().slice(0, 10)}`).digest('hex').slice(0, 32);
}
