// Rate limits answer the same way everywhere: 429 with the code RATE_LIMITED and Retry-After.
import { DomainError, DomainErrorCode } from '@app/domain';
import { RateLimiterRes, type RateLimiterMemory } from 'rate-limiter-flexible';

/** Takes one request from `key`'s budget; throws RATE_LIMITED, with the seconds until it may retry, when it is spent. */
export async function consumeOrRefuse(limiter: RateLimiterMemory, key: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res;
    throw new DomainError(DomainErrorCode.RateLimited, message, { retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) });
  }
}
