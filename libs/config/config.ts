// The engine's one typed configuration, read and validated from the environment once, with defaults that
// run everything on embedded components (embedded PostgreSQL, a local Temporal dev server). The zod schema
// is the only place a setting is spelled: its variable, its default, its checks, and where it lands.

import { msToNumber } from '@temporalio/common/lib/time';
import * as os from 'node:os';
import * as path from 'node:path';
import { z } from 'zod';
import type { DeliveryRetry, LifecycleRules } from '../domain';
import { DEFAULT_TASK_QUEUE } from '../domain';
import { platformLimits } from '../social/platforms';
import { parseNetwork } from '../outbound/networks';
import { parseTrustProxy } from './trust-proxy';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', ...(path.basename(path.resolve(__dirname, '..', '..')) === 'dist' ? ['..'] : []));

const duration = (name: string) =>
  z.string().transform((value, ctx) => {
    try {
      const ms = msToNumber(value as Parameters<typeof msToNumber>[0]);
      if (!Number.isFinite(ms) || ms < 0) throw new Error('negative');
      return ms;
    } catch {
      ctx.addIssue({ code: 'custom', message: `${name} must be a duration such as "500ms", "30s", "15m", "48h" or "2 days"` });
      return z.NEVER;
    }
  });

const port = z.coerce.number().int().min(0).max(65535);
/** `a, b,,c` → ['a', 'b', 'c']: the comma-separated lists several variables take. */
const commaList = (value: string): string[] => value.split(',').map((s) => s.trim()).filter(Boolean);
// An empty variable (DATABASE_URL= in an .env file) means "not set".
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(1).optional());

const variables = z.object({
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATA_DIR: z.string().default(path.join(PROJECT_ROOT, '.data')),

  DATABASE_URL: optionalString,
  EMBEDDED_PG_PORT: port.default(54329),
  // Extra server settings for the embedded PostgreSQL, `name=value` separated by commas (e.g. for profiling:
  // shared_preload_libraries=pg_stat_statements). A value cannot hold a comma.
  EMBEDDED_PG_SETTINGS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const settings = v.split(',').map((s) => s.trim()).filter(Boolean);
      for (const s of settings) {
        if (!/^[a-z][a-z0-9_.]*=[^=\s]+$/i.test(s)) ctx.addIssue({ code: 'custom', message: `"${s}" is not name=value (a PostgreSQL setting, e.g. work_mem=16MB)` });
      }
      return settings;
    }),

  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default(DEFAULT_TASK_QUEUE),
  TEMPORAL_CLI_PATH: optionalString,
  TEMPORAL_CLI_CACHE_DIR: z.string().default(path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'incubator-engine', 'bin')),
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),
  TEMPORAL_UI_URL: optionalString,

  API_HOST: z.string().default('127.0.0.1'),
  /** Prometheus metrics on a listener of their own (deployments); unset: at /metrics on the API's port, to loopback callers only. */
  METRICS_HOST: z.string().default('127.0.0.1'),
  METRICS_PORT: port.optional(),
  /** OpenTelemetry traces by OTLP/HTTP to this collector (e.g. http://otel-collector:4318); unset: no tracing. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalString,
  OTEL_SERVICE_NAME: z.string().min(1).default('incubator-engine'),
  API_PORT: port.default(3000),
  PUBLIC_BASE_URL: optionalString,
  /** The built pages the API serves at /app (`npm run build` writes them to dist/web). */
  WEB_DIR: z.string().default(path.join(PROJECT_ROOT, 'dist', 'web')),
  API_KEY_CACHE_TTL: duration('API_KEY_CACHE_TTL').default(10_000),
  /** How many API processes `npm start` runs on the port (one Node.js process serves HTTP on one core). */
  API_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
  /** Requests per second one API key may make to one API process before it gets 429. */
  API_KEY_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(100),
  /** Browser origins allowed to call the API (CORS); empty: none, `*`: any. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const origins = commaList(value);
      for (const origin of origins) {
        if (origin === '*') continue;
        try {
          const url = new URL(origin);
          if (url.origin !== origin) throw new Error('not an origin');
        } catch {
          ctx.addIssue({ code: 'custom', message: `CORS_ORIGINS must be a comma-separated list of origins such as https://board.example.com, got "${origin}"` });
          return z.NEVER;
        }
      }
      return origins;
    }),
  /** How long a staff member's browser session lasts after she signs in. */
  STAFF_SESSION_TTL: duration('STAFF_SESSION_TTL').default(12 * 3600_000),
  /** How long an influencer's browser session lasts (never past the magic link it was opened from). */
  INFLUENCER_SESSION_TTL: duration('INFLUENCER_SESSION_TTL').default(12 * 3600_000),
  /** How long a mailed (or printed) one-time sign-in link for staff is valid. */
  SIGN_IN_LINK_TTL: duration('SIGN_IN_LINK_TTL').default(15 * 60_000),
  /** How long an influencer's magic link is valid (staff issue them; notifications carry a fresh one). */
  MAGIC_LINK_TTL: duration('MAGIC_LINK_TTL').default(7 * 24 * 3600_000),
  /** Requests per client address per minute to each of POST /auth/sign-in-links and POST /auth/sessions (per API process). */
  AUTH_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(20),
  /** Sign-in links mailed to one address per hour; past it the request is still answered 202 and nothing is sent. */
  SIGN_IN_EMAIL_LIMIT: z.coerce.number().int().min(1).max(1_000).default(5),
  /** Proxies whose X-Forwarded-For the API believes (false, true, a hop count, or addresses/CIDRs); off by default. */
  TRUST_PROXY: z.string().default('false').transform((value, ctx) => {
    const parsed = parseTrustProxy(value);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    return parsed.ok ? parsed.value : z.NEVER;
  }),

  /** Base64, 32 bytes; unset → a key generated once and kept in the data folder. */
  SECRETS_KEY: optionalString,
  /** How long a rotated-out webhook secret is still accepted. */
  WEBHOOK_SECRET_GRACE: duration('WEBHOOK_SECRET_GRACE').default(24 * 3600_000),
  /** How long an API instance trusts its cached copy of a webhook source (disable/rotate take this long). */
  WEBHOOK_SOURCE_CACHE_TTL: duration('WEBHOOK_SOURCE_CACHE_TTL').default(10_000),
  /** Default deliveries per second per source, per API instance. */
  WEBHOOK_SOURCE_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(1000),
  VOTE_BATCH_MAX_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  VOTE_FLUSH_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  LIVE_RESULTS_TTL: duration('LIVE_RESULTS_TTL').default(1000),
  VOTE_MILESTONES: z
    .string()
    .default('100,1000,10000,100000,1000000')
    .transform((value, ctx) => {
      const out = commaList(value).map(Number);
      if (out.some((n) => !Number.isSafeInteger(n) || n <= 0 || n > 2_000_000_000)) {
        ctx.addIssue({ code: 'custom', message: `VOTE_MILESTONES must be a comma-separated list of positive whole numbers, got "${value}"` });
        return z.NEVER;
      }
      return [...new Set(out)].sort((a, b) => a - b);
    }),

  DESIGN_ROUND_LIMIT: z.coerce.number().int().min(1).max(20).default(3),
  SAMPLE_ROUND_LIMIT: z.coerce.number().int().min(1).max(20).default(3),
  /**
   * How often one product may repeat an action over its whole life (each grows its workflow's history; the
   * workflow continues as new when it grows long, so high caps are safe, only slower to abuse).
   */
  LAUNCH_RESCHEDULE_LIMIT: z.coerce.number().int().min(0).max(100_000).default(20),
  POLL_EXTENSION_LIMIT: z.coerce.number().int().min(0).max(100_000).default(10),
  ANNOUNCEMENT_REAPPROVAL_LIMIT: z.coerce.number().int().min(0).max(100_000).default(5),
  DEMAND_EXTENSION_LIMIT: z.coerce.number().int().min(0).max(100_000).default(10),
  /** Restocks the workflow may propose over a product's life. */
  RESTOCK_LIMIT: z.coerce.number().int().min(0).max(100_000).default(50),
  /** Edits of a draft poll's options and the influencer's requests for changes, together, per product. */
  POLL_REVISION_LIMIT: z.coerce.number().int().min(0).max(100_000).default(20),
  /** Events in one run of a product's workflow before it continues as new (Temporal fails a run at 51,200). */
  WORKFLOW_RUN_EVENT_LIMIT: z.coerce.number().int().min(100).max(40_000).default(10_000),
  /** A review waiting longer than this gets one reminder. */
  REVIEW_REMINDER_AFTER: duration('REVIEW_REMINDER_AFTER').default(48 * 3600_000),
  /** Reminders of one waiting review at most, one per REVIEW_REMINDER_AFTER it keeps waiting. */
  REVIEW_REMINDER_LIMIT: z.coerce.number().int().min(1).max(100).default(3),
  /** Countdown updates go out this long before launch. */
  LAUNCH_COUNTDOWNS: z
    .string()
    .default('24h,1h')
    .transform((value, ctx) => {
      const parts = commaList(value);
      const out: number[] = [];
      for (const part of parts) {
        const parsed = duration('LAUNCH_COUNTDOWNS').safeParse(part);
        if (!parsed.success || parsed.data <= 0) {
          ctx.addIssue({ code: 'custom', message: `LAUNCH_COUNTDOWNS must be a comma-separated list of positive durations, got "${part}"` });
          return z.NEVER;
        }
        out.push(parsed.data);
      }
      return out;
    }),
  /** The influencer must approve the launch announcement this long before launch, or staff are alerted. */
  LAUNCH_APPROVAL_LEAD: duration('LAUNCH_APPROVAL_LEAD').default(24 * 3600_000),
  /** Staff are warned this long before an open supplier order (sample request, production run, restock) is due. */
  ORDER_DUE_WARNING: duration('ORDER_DUE_WARNING').default(48 * 3600_000),

  /** Overrides of the platforms' default limits, as JSON: every platform's limits come out. */
  SOCIAL_PLATFORM_LIMITS: z
    .string()
    .default('{}')
    .transform((value, ctx) => {
      try {
        return platformLimits(JSON.parse(value) as Parameters<typeof platformLimits>[0]);
      } catch (err) {
        const why = err instanceof SyntaxError ? 'is not valid JSON' : (err as Error).message;
        ctx.addIssue({ code: 'custom', message: `SOCIAL_PLATFORM_LIMITS ${why} (expected e.g. {"x":{"bodyMax":280}})` });
        return z.NEVER;
      }
    }),
  /** Attempts per delivery (the first included) before it is recorded as failed. */
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  DELIVERY_RETRY_INITIAL: duration('DELIVERY_RETRY_INITIAL').default(5_000),
  DELIVERY_RETRY_MAX_INTERVAL: duration('DELIVERY_RETRY_MAX_INTERVAL').default(10 * 60_000),
  /** One attempt's limit, the receiver's answer included. */
  DELIVERY_TIMEOUT: duration('DELIVERY_TIMEOUT').default(10_000),
  /** Networks (CIDR list) channels may reach although not public, e.g. receivers on the operator's own network; empty: public addresses only. */
  OUTBOUND_ALLOWED_NETWORKS: z
    .string()
    .default('')
    .transform((value, ctx) => {
      try {
        return commaList(value).map(parseNetwork);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `OUTBOUND_ALLOWED_NETWORKS: ${(err as Error).message}` });
        return z.NEVER;
      }
    }),

  /** Defaults of a product's demand gate and sales rules (each product may set its own when it is created). */
  DEMAND_SAFETY_FACTOR: z.coerce.number().min(0).max(2).default(0.2),
  RESTOCK_THRESHOLD: z.coerce.number().min(0.05).max(1).default(0.7),
  RESTOCK_COVER_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  RESTOCK_MINIMUM_UNITS: z.coerce.number().int().min(1).max(100_000).default(20),
  RESERVATION_HOLD: duration('RESERVATION_HOLD').default(48 * 3600_000),

  /**
   * The SMTP server notifications are mailed through: smtp://user:pass@host:587 (STARTTLS when offered) or
   * smtps://user:pass@host:465. Unset: nothing is mailed; email notifications stay in the outbox (GET /notifications).
   */
  SMTP_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must be smtp://[user:pass@]host[:port] or smtps://…')
      .optional(),
  ),
  /** The From of notification mail. */
  MAIL_FROM: z.string().trim().min(3).default('Incubator engine <notifications@localhost>'),
  /** The hour (0–23, in each person's own time zone) her daily digest is sent at. */
  NOTIFY_DIGEST_HOUR: z.coerce.number().int().min(0).max(23).default(8),

  /** A visitor's repeated clicks on one tracked link (and views of one share page) within this window count once. */
  ATTRIBUTION_REPEAT_WINDOW: duration('ATTRIBUTION_REPEAT_WINDOW').default(30 * 60_000),

  /** Demand → production quantity: `ceil(max(MINIMUM_ORDER, winner votes × rate) / PRODUCTION_BATCH_SIZE) × PRODUCTION_BATCH_SIZE`. */
  DEMAND_CONVERSION_RATE: z.coerce.number().gt(0).max(1).default(0.25),
  MINIMUM_ORDER: z.coerce.number().int().min(1).default(50),
  PRODUCTION_BATCH_SIZE: z.coerce.number().int().min(1).default(10),
});

/** The configuration's shape, read from the variables above; its type is the schema's output. */
const schema = variables.transform((c) => {
  const lifecycle: LifecycleRules = {
    designRoundLimit: c.DESIGN_ROUND_LIMIT,
    sampleRoundLimit: c.SAMPLE_ROUND_LIMIT,
    reviewReminderAfterMs: c.REVIEW_REMINDER_AFTER,
    reviewReminderLimit: c.REVIEW_REMINDER_LIMIT,
    launchCountdownsMs: c.LAUNCH_COUNTDOWNS,
    launchApprovalLeadMs: c.LAUNCH_APPROVAL_LEAD,
    orderDueWarningMs: c.ORDER_DUE_WARNING,
    actionLimits: {
      launchReschedules: c.LAUNCH_RESCHEDULE_LIMIT,
      pollExtensions: c.POLL_EXTENSION_LIMIT,
      announcementReapprovals: c.ANNOUNCEMENT_REAPPROVAL_LIMIT,
      demandExtensions: c.DEMAND_EXTENSION_LIMIT,
      restocks: c.RESTOCK_LIMIT,
      pollRevisions: c.POLL_REVISION_LIMIT,
    },
    runEventLimit: c.WORKFLOW_RUN_EVENT_LIMIT,
    demand: {
      conversionRate: c.DEMAND_CONVERSION_RATE,
      minimumOrder: c.MINIMUM_ORDER,
      batchSize: c.PRODUCTION_BATCH_SIZE,
    },
    sales: {
      restockThreshold: c.RESTOCK_THRESHOLD,
      restockCoverDays: c.RESTOCK_COVER_DAYS,
      restockMinimumUnits: c.RESTOCK_MINIMUM_UNITS,
      reservationHoldMs: c.RESERVATION_HOLD,
    },
  };
  return {
    env: c.NODE_ENV,
    logLevel: c.LOG_LEVEL,
    dataDir: path.resolve(c.DATA_DIR),
    database: { url: c.DATABASE_URL, embeddedPort: c.EMBEDDED_PG_PORT, embeddedSettings: c.EMBEDDED_PG_SETTINGS },
    temporal: {
      address: c.TEMPORAL_ADDRESS,
      namespace: c.TEMPORAL_NAMESPACE,
      taskQueue: c.TEMPORAL_TASK_QUEUE,
      cliPath: c.TEMPORAL_CLI_PATH,
      cliCacheDir: c.TEMPORAL_CLI_CACHE_DIR,
      devPort: c.TEMPORAL_DEV_PORT,
      uiPort: c.TEMPORAL_UI_PORT,
      uiUrl: c.TEMPORAL_UI_URL,
    },
    api: {
      host: c.API_HOST,
      port: c.API_PORT,
      publicBaseUrl: c.PUBLIC_BASE_URL,
      webDir: path.resolve(c.WEB_DIR),
      keyCacheTtlMs: c.API_KEY_CACHE_TTL,
      processes: c.API_PROCESSES,
      keyRateLimitPerSecond: c.API_KEY_RATE_LIMIT,
      corsOrigins: c.CORS_ORIGINS,
      trustProxy: c.TRUST_PROXY,
    },
    auth: {
      staffSessionTtlMs: c.STAFF_SESSION_TTL,
      influencerSessionTtlMs: c.INFLUENCER_SESSION_TTL,
      signInLinkTtlMs: c.SIGN_IN_LINK_TTL,
      magicLinkTtlMs: c.MAGIC_LINK_TTL,
      ratePerIpPerMinute: c.AUTH_RATE_LIMIT,
      signInLinksPerEmailPerHour: c.SIGN_IN_EMAIL_LIMIT,
    },
    metrics: {
      host: c.METRICS_HOST,
      port: c.METRICS_PORT,
      /** Set by `npm start`, not the environment: the in-process worker's SDK metrics, which /metrics adds to the API's. */
      workerUrl: undefined as string | undefined,
    },
    tracing: { endpoint: c.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: c.OTEL_SERVICE_NAME },
    secretsKey: c.SECRETS_KEY,
    votes: {
      secretGraceMs: c.WEBHOOK_SECRET_GRACE,
      sourceCacheTtlMs: c.WEBHOOK_SOURCE_CACHE_TTL,
      defaultRateLimitPerSecond: c.WEBHOOK_SOURCE_RATE_LIMIT,
      batchMaxSize: c.VOTE_BATCH_MAX_SIZE,
      flushConcurrency: c.VOTE_FLUSH_CONCURRENCY,
      liveResultsTtlMs: c.LIVE_RESULTS_TTL,
      milestones: c.VOTE_MILESTONES,
    },
    lifecycle,
    /** The demand goal's safety factor when a product does not set one. */
    demandSafetyFactor: c.DEMAND_SAFETY_FACTOR,
    social: {
      platformLimits: c.SOCIAL_PLATFORM_LIMITS,
      delivery: {
        maxAttempts: c.DELIVERY_MAX_ATTEMPTS,
        // Temporal refuses zero retry intervals; an attempt gets at least 100 ms.
        retryInitialMs: Math.max(1, c.DELIVERY_RETRY_INITIAL),
        retryMaxIntervalMs: Math.max(1, c.DELIVERY_RETRY_MAX_INTERVAL),
        timeoutMs: Math.max(100, c.DELIVERY_TIMEOUT),
      },
    },
    outbound: { allowedNetworks: c.OUTBOUND_ALLOWED_NETWORKS },
    attribution: { repeatWindowMs: c.ATTRIBUTION_REPEAT_WINDOW },
    notify: { smtpUrl: c.SMTP_URL, mailFrom: c.MAIL_FROM, digestHour: c.NOTIFY_DIGEST_HOUR },
  };
});

export type AppConfig = z.output<typeof schema>;

/** The retry policy deliveries start with (workflow input, so it is fixed in history). */
export function deliveryRetry(config: AppConfig): DeliveryRetry {
  const d = config.social.delivery;
  return { maxAttempts: d.maxAttempts, initialIntervalMs: d.retryInitialMs, maxIntervalMs: d.retryMaxIntervalMs, timeoutMs: d.timeoutMs };
}

export class ConfigError extends Error {}

/** Reads the configuration; throws ConfigError naming every invalid variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}

export { PROJECT_ROOT };
