// Structured logging for the API through one pino instance: Nest's own log calls, and one line per
// finished request written by a Fastify onResponse hook (no per-request middleware or async context,
// which cost a viral poll's vote webhook a sixth of its throughput). Request lines carry id, method, URL,
// client address (X-Forwarded-For counts only through TRUST_PROXY's proxies), status and time, and for a
// product's routes its workflow id; never headers or bodies, so keys, session cookies, sign-in tokens (the body of
// POST /auth/sessions), signatures and secrets stay out of the logs.

import { productWorkflowId } from '@app/domain';
import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import pino, { type Level, type Logger } from 'pino';

export type LogLevelName = Level | 'silent';

export function createApiLogger(level: LogLevelName): Logger {
  return pino({
    name: 'api',
    level,
    // Belt and braces: nothing here logs headers, but an `err` from a client library might carry them.
    redact: {
      paths: ['*.headers.authorization', '*.headers["x-api-key"]', '*.headers["webhook-signature"]', '*.headers.cookie', '*.headers["set-cookie"]', '*.headers["x-csrf-token"]', '*.secret', '*.key', '*.token'],
      censor: '[redacted]',
    },
  });
}

/** Nest's LoggerService on pino; `logger.warn({ err }, 'message')` keeps the object as structured fields. */
export class PinoLoggerService implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const rest = [...params];
    // Nest appends the logger's context as the last argument.
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      const text = typeof rest[0] === 'string' ? (rest.shift() as string) : undefined;
      this.logger[level]({ ...fields, ...(message as Record<string, unknown>) }, text);
    } else {
      // Nest's own error(message, stack, context).
      if (typeof rest[0] === 'string' && rest[0].includes('\n')) fields.stack = rest.shift();
      this.logger[level](fields, String(message));
    }
  }
}

const PRODUCT_ROUTE = '/products/:id';

// At viral scale one line per vote is noise: vote deliveries get a request line only at debug.
const VOTE_DELIVERY = /^\/webhooks\/votes\//;

/** One line per finished request; a 503 is an expected answer while a dependency is down (warn). */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  const quietVotes = !logger.isLevelEnabled('debug');
  fastify.addHook('onResponse', (req, reply, done) => {
    const url = req.url;
    if (url === '/health' || (quietVotes && VOTE_DELIVERY.test(url))) return done();
    const status = reply.statusCode;
    const level: Level = status === 503 ? 'warn' : status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if (logger.isLevelEnabled(level)) {
      // A product's routes name its workflow: from a log line to its history in the Temporal UI.
      const productId = req.routeOptions.url?.startsWith(PRODUCT_ROUTE) ? (req.params as { id?: string }).id : undefined;
      logger[level](
        {
          req: { id: req.id, method: req.method, url, ip: req.ip },
          res: { statusCode: status },
          responseTime: Math.round(reply.elapsedTime * 10) / 10,
          ...(productId ? { workflowId: productWorkflowId(productId) } : {}),
        },
        'request completed',
      );
    }
    done();
  });
}
