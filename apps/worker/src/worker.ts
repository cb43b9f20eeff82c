// Builds the engine's Temporal worker: the product workflows (from the prebuilt bundle or the source)
// and the activities wired to PostgreSQL.

import { Client } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, type LogLevel } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { deliveryRetry, type AppConfig } from '@app/config';
import { Mailer } from '@app/notify';
import { OutboundGuard } from '@app/outbound';
import { loadSecretsKey, SecretBox } from '@app/webhooks';
import type { Tracing } from '@app/tracing';
import type { Context as ActivityContext } from '@temporalio/activity';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/worker';
import { Resource } from '@opentelemetry/resources';
import { NoopSpanProcessor } from '@opentelemetry/sdk-trace-base';
import pino from 'pino';
import { WORKFLOW_INTERCEPTOR_MODULES } from './bundles';
import {
  createProductActivities,
  createSalesActivities,
  createShopEventActivities,
  createSocialActivities,
  createNotificationActivities,
  createSupplierActivities,
  createNoticeDeliveryActivities,
  deliveryStarter,
  deliveryWorkflows,
  type SocialActivityDeps,
} from '../../../activities';

export const WORKFLOWS_SOURCE = path.resolve(__dirname, '..', '..', '..', 'workflows', 'index');

/** dist/ when running compiled, else the dist/ beside the sources (what `npm run build` writes). */
export function compiledRoot(): string {
  const root = path.resolve(__dirname, '..', '..', '..');
  return path.basename(root) === 'dist' ? root : path.join(root, 'dist');
}

/** Where `npm run build` writes the workflow bundle (dist/workflow-bundle.js). */
export function prebuiltBundlePath(): string {
  return path.join(compiledRoot(), 'workflow-bundle.js');
}

export interface EngineWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  /** A prebuilt bundle's path; when omitted the worker bundles workflows/ from source (tests, dev). */
  workflowBundlePath?: string;
  identity?: string;
  /** In milliseconds (the SDK's string durations come from `ms`, whose types this tsconfig does not resolve). */
  shutdownGraceTimeMs?: number;
  social: Omit<SocialActivityDeps, 'dataSource'>;
  /** This process's tracing (OTEL_EXPORTER_OTLP_ENDPOINT): workflow and activity spans, linked to their callers'. */
  tracing?: Tracing;
}

/** What the social activities need, from the configuration; `publicBaseUrl` is asked when an update is made. */
export function socialActivityDeps(config: AppConfig, publicBaseUrl: () => string): Omit<SocialActivityDeps, 'dataSource'> {
  const base = () => config.api.publicBaseUrl ?? publicBaseUrl();
  return {
    secretBox: new SecretBox(loadSecretsKey({ keyBase64: config.secretsKey, dataDir: config.dataDir })),
    publicBaseUrl: base,
    platformLimits: config.social.platformLimits,
    deliveryRetry: deliveryRetry(config),
    // The log channel: one structured line per update, where staff's log tooling picks it up.
    log: pino({ level: config.logLevel === 'silent' ? 'silent' : 'info', name: 'social' }),
    outbound: new OutboundGuard({ allowedNetworks: config.outbound.allowedNetworks }),
    mail: { mailer: new Mailer({ url: config.notify.smtpUrl, from: config.notify.mailFrom }), digestHour: config.notify.digestHour },
    magicLinks: { publicBaseUrl: base, ttlMs: config.auth.magicLinkTtlMs },
  };
}

let runtimeInstalled = false;

/**
 * The SDK's own logging (worker state changes, retries) at the engine's level and, given `metricsAddress`
 * (host:port), its Prometheus metrics there (task slots, schedule-to-start latency, polls, activity and
 * workflow task outcomes; all named temporal_*). Once per process: the first call decides; false when the
 * runtime already existed (then no metrics listener was started).
 */
export function installWorkerRuntime(level: string, metricsAddress?: string): boolean {
  if (runtimeInstalled) return false;
  runtimeInstalled = true;
  // The SDK logs every worker state change at INFO as multi-line objects; at the engine's `info` it
  // speaks only for warnings.
  const map: Record<string, LogLevel> = { trace: 'TRACE', debug: 'DEBUG', info: 'WARN', warn: 'WARN', error: 'ERROR', fatal: 'ERROR', silent: 'ERROR' };
  try {
    Runtime.install({
      logger: new DefaultLogger(map[level] ?? 'WARN'),
      ...(metricsAddress ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress, useSecondsForDurations: true } } } } : {}),
    });
    return true;
  } catch {
    // Already created by an earlier connection in this process; keep it.
    return false;
  }
}

export async function createEngineWorker(opts: EngineWorkerOptions): Promise<Worker> {
  const tracing = opts.tracing;
  const social = createSocialActivities({ dataSource: opts.dataSource, ...opts.social });
  // The worker's own client, on its connection, for the delivery workflows its activities start (in the trace
  // of the activity that starts them, with tracing on).
  const client = new Client({
    connection: opts.connection,
    namespace: opts.namespace,
    ...(tracing ? { interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor({ tracer: tracing.tracer })] } } : {}),
  });
  const deliveries = deliveryWorkflows(client, opts.taskQueue);
  // Shop events and suppliers' order events share the social deliveries' secret box, guard, retry policy and log.
  const shopEvents = createShopEventActivities({ dataSource: opts.dataSource, ...opts.social });
  const suppliers = createSupplierActivities({ dataSource: opts.dataSource, ...opts.social });
  // And notifications to people (plus SMTP, when configured).
  const notifications = createNotificationActivities({ dataSource: opts.dataSource, ...opts.social });
  const noticeDeliveries = createNoticeDeliveryActivities(
    { notifyReservationHolders: shopEvents.notifyReservationHolders, notifySupplier: suppliers.notifySupplier, notifyPeople: notifications.notifyPeople },
    deliveries,
  );
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    ...(opts.identity ? { identity: opts.identity } : {}),
    // A prebuilt bundle when given (production), else the SDK bundles workflows/ from source (tests, dev).
    ...(opts.workflowBundlePath
      ? { workflowBundle: { codePath: loudlyExisting(opts.workflowBundlePath) } }
      : { workflowsPath: require.resolve(WORKFLOWS_SOURCE) }),
    interceptors: {
      // Bundled from source (tests, dev): the same interceptor module a prebuilt bundle has built in (given with
      // a prebuilt bundle, the SDK ignores it and warns at every start).
      ...(opts.workflowBundlePath ? {} : { workflowModules: WORKFLOW_INTERCEPTOR_MODULES }),
      ...(tracing
        ? { activity: [(ctx: ActivityContext) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })] }
        : {}),
    },
    // A traced workflow's spans leave the sandbox through this sink; a worker without tracing drops them (a
    // workflow started with tracing on stays traced wherever it runs: workflow-tracing.ts).
    sinks: { exporter: makeWorkflowExporter(tracing?.spanProcessor ?? new NoopSpanProcessor(), tracing?.resource ?? Resource.empty()) },
    activities: {
      ...createProductActivities({
        dataSource: opts.dataSource,
        recordSocialUpdates: (input) => social.recordSocialUpdates(input),
        startDeliveries: deliveryStarter(deliveries),
        notifyPeopleStartingDeliveries: noticeDeliveries.notifyPeopleStartingDeliveries,
      }),
      ...social,
      ...createSalesActivities({ dataSource: opts.dataSource }),
      ...shopEvents,
      ...suppliers,
      ...noticeDeliveries,
      ...notifications,
    },
    // In-flight activities get this long to finish on SIGTERM before the worker gives up on them.
    shutdownGraceTime: opts.shutdownGraceTimeMs ?? 10_000,
  });
}

function loudlyExisting(file: string): string {
  if (!fs.existsSync(file)) {
    throw new Error(`workflow bundle ${file} is missing; run "npm run build" (it bundles workflows/ and fails if bundling fails)`);
  }
  return file;
}
