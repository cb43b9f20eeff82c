// What `npm run bench:lifecycle -- --profile` records and prints: a CPU profile of the engine's process
// (API and worker; bench:lifecycle's driver runs in a process of its own) over the lifecycle phase, its self time by part of
// the stack and its top functions per action; PostgreSQL's statements per action (pg_stat_statements,
// loaded through EMBEDDED_PG_SETTINGS); and the workflow tasks, activities and local activities per action,
// read from the products' histories.
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import * as fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import * as path from 'node:path';
import type { DataSource } from 'typeorm';
import { round } from './support';

/** The embedded PostgreSQL's settings that let the profile count statements. */
export const PROFILE_PG_SETTINGS = 'shared_preload_libraries=pg_stat_statements,pg_stat_statements.track=all,pg_stat_statements.track_planning=on';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Starts the V8 CPU profiler in this process; `stop` writes the profile (Chrome DevTools and speedscope open it) and returns it. */
export async function startCpuProfile(): Promise<{ stop(file: string): Promise<CpuProfile> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
      session.disconnect();
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify(profile));
      return profile;
    },
  };
}

// Parts of the stack, by where a function's code lives; the first that matches names it.
const PARTS: [string, RegExp][] = [
  ['benchmark driver (not the engine)', /\/bench\/|\/test\/support\/|autocannon/],
  ['workflow code (the bundle, in its V8 context)', /workflow-bundle|\/workflows\//],
  ['Temporal SDK (client, worker, native bridge)', /@temporalio\/|@grpc\/|protobufjs|\/long\/|\/rxjs\//],
  ['activities', /\/activities\//],
  ['social planning and cards', /\/libs\/social\/|@resvg|satori|yoga/],
  ['database (pg, TypeORM, repositories)', /\/pg\/|\/pg-protocol\/|\/pg-pool\/|\/typeorm\/|\/libs\/database\//],
  ['domain (state machine)', /\/libs\/domain\//],
  ['HTTP, routing, auth, validation (Fastify, Nest)', /fastify|find-my-way|@nestjs|class-validator|class-transformer|\/apps\/api\/|secure-json-parse|helmet|light-my-request|avvio|node:_http|rate-limiter/],
  ['logging (pino)', /pino|sonic-boom/],
  ['tracing and metrics', /@opentelemetry|prom-client|\/libs\/tracing\//],
];

function partOfUrl(url: string): string {
  for (const [name, pattern] of PARTS) if (pattern.test(url)) return name;
  return url.startsWith('node:') ? 'Node.js internals (streams, net, timers)' : 'other';
}

/**
 * The part a sample's time goes to. Native code (a socket write, the Temporal core's Rust called through
 * N-API, which V8 names custom_gc) and Node's own code count for the library that called them: the nearest
 * caller outside Node; what no library called (socket reads, timers firing) stays Node's.
 */
function partOf(node: ProfileNode, parentOf: (n: ProfileNode) => ProfileNode | undefined): string {
  const { url, functionName } = node.callFrame;
  if (functionName === '(garbage collector)') return 'garbage collection';
  if (functionName === '(program)') return 'V8 and native (program)';
  // Node's own code (streams, sockets, timers) counts for the library that called it too, when one did.
  if (url && !url.startsWith('node:')) return partOfUrl(url);
  for (let caller = parentOf(node); caller; caller = parentOf(caller)) {
    const at = caller.callFrame.url;
    if (at && !at.startsWith('node:')) return partOfUrl(at);
  }
  return url ? partOfUrl(url) : `native: ${functionName || '(anonymous)'}`;
}

function nameOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '').replace(/^file:\/\//, '');
  return `${functionName || '(anonymous)'} ${where}${where ? `:${lineNumber + 1}` : ''}`;
}

/**
 * Self time by part of the stack and the top functions, in CPU-µs per action, over one profile or several
 * (the API processes of one phase, added up).
 */
export function summarizeCpuProfile(profiles: CpuProfile | CpuProfile[], actions: number, top = 15): { parts: [string, number][]; functions: [string, number][]; totalMs: number } {
  const parts = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const profile of Array.isArray(profiles) ? profiles : [profiles]) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parentIds = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parentIds.set(c, n.id);
    const parentOf = (n: ProfileNode) => byId.get(parentIds.get(n.id) ?? -1);
    for (let i = 0; i < profile.samples.length; i++) {
      const node = byId.get(profile.samples[i])!;
      if (node.callFrame.functionName === '(idle)') continue;
      const us = profile.timeDeltas[i + 1] ?? 0;
      total += us;
      const part = partOf(node, parentOf);
      parts.set(part, (parts.get(part) ?? 0) + us);
      const fn = nameOf(node);
      functions.set(fn, (functions.get(fn) ?? 0) + us);
    }
  }
  const perAction = (m: Map<string, number>, n: number): [string, number][] =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => [k, round(us / actions, 1)]);
  return { parts: perAction(parts, PARTS.length + 8), functions: perAction(functions, top), totalMs: round(total / 1000, 0) };
}

/**
 * Prints a CPU profile's summary and PostgreSQL's statements, per `unit` (action, stored item), each line
 * indented by `indent`: the same layout for every benchmark.
 */
export function printProfileSummary(
  cpu: ReturnType<typeof summarizeCpuProfile>,
  statements: Awaited<ReturnType<typeof statementSummary>>,
  unit: string,
  indent: string,
  /** The CPU the sampled processes or thread used over the same time (/proc), and what that covers. */
  measured?: { cpuMs: number; of: string },
): void {
  if (measured) {
    // V8's sampler ticks by the clock: while the sampled thread waits for a core it keeps being charged where it
    // stands, most often a system call that woke another process on the same cores (writev to PostgreSQL or to
    // an HTTP client), which then ran in its place. On a saturated machine the samples exceed the CPU used.
    const excess = round(cpu.totalMs - measured.cpuMs, 0);
    console.log(
      `${indent}Sampled ${cpu.totalMs} ms against ${round(measured.cpuMs, 0)} ms of CPU ${measured.of} used (/proc)` +
        (excess > 0 ? `: ${excess} ms of the samples are time waiting for a core, charged mostly to writev and other system calls; read the parts as shares` : ''),
    );
  }
  console.log(`${indent}CPU-µs per ${unit} by part of the stack (self time):`);
  for (const [part, us] of cpu.parts) console.log(`${indent}  ${String(us).padStart(8)}  ${part}`);
  console.log(`${indent}Top functions, CPU-µs per ${unit} (self time):`);
  for (const [fn, us] of cpu.functions) console.log(`${indent}  ${String(us).padStart(8)}  ${fn}`);
  console.log(`${indent}PostgreSQL: ${statements.perAction} statements and ${statements.msPerAction} ms (planning + execution) per ${unit}; the costliest:`);
  for (const st of statements.statements) {
    console.log(`${indent}  ${String(st.perAction).padStart(6)}/${unit}  ${String(st.msPerCall).padStart(7)} ms  plan ${String(st.planMsPerCall).padStart(6)} ms  ${st.query}`);
  }
}

export async function resetStatements(db: DataSource): Promise<void> {
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await db.query('SELECT pg_stat_statements_reset()');
}

/** Statements per action and the ones that cost the most (planning and execution), from pg_stat_statements. */
export async function statementSummary(db: DataSource, actions: number, top = 12): Promise<{ perAction: number; msPerAction: number; statements: { query: string; calls: number; perAction: number; msPerCall: number; planMsPerCall: number }[] }> {
  const rows = await db.query<{ query: string; calls: string; exec: number; plan: number }[]>(
    `SELECT query, calls, total_exec_time AS exec, total_plan_time AS plan FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`,
  );
  const calls = rows.reduce((n, r) => n + Number(r.calls), 0);
  const ms = rows.reduce((n, r) => n + r.exec + r.plan, 0);
  const statements = rows
    .sort((a, b) => b.exec + b.plan - (a.exec + a.plan))
    .slice(0, top)
    .map((r) => ({
      query: r.query.replace(/\s+/g, ' ').slice(0, 110),
      calls: Number(r.calls),
      perAction: round(Number(r.calls) / actions, 2),
      msPerCall: round(r.exec / Number(r.calls), 3),
      planMsPerCall: round(r.plan / Number(r.calls), 3),
    }));
  return { perAction: round(calls / actions, 1), msPerAction: round(ms / actions, 2), statements };
}

const { EventType } = temporal.api.enums.v1;

/** Workflow tasks, activities, local activities and child workflows per accepted update, over these products' histories. */
export async function workflowWorkSummary(client: Client, workflowIds: string[]): Promise<Record<string, number>> {
  const counts = { updates: 0, workflowTasks: 0, activities: 0, localActivities: 0, childWorkflows: 0, events: 0 };
  for (const id of workflowIds) {
    const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
    counts.events += events.length;
    for (const e of events) {
      if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED) counts.updates++;
      else if (e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED) counts.workflowTasks++;
      else if (e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) counts.activities++;
      else if (e.eventType === EventType.EVENT_TYPE_MARKER_RECORDED && e.markerRecordedEventAttributes?.markerName === 'core_local_activity') counts.localActivities++;
      else if (e.eventType === EventType.EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED) counts.childWorkflows++;
    }
  }
  const per = Math.max(1, counts.updates);
  return {
    products: workflowIds.length,
    updatesPerProduct: round(counts.updates / workflowIds.length, 1),
    workflowTasksPerUpdate: round(counts.workflowTasks / per, 2),
    activitiesPerUpdate: round(counts.activities / per, 2),
    localActivitiesPerUpdate: round(counts.localActivities / per, 2),
    childWorkflowsPerUpdate: round(counts.childWorkflows / per, 2),
    historyEventsPerUpdate: round(counts.events / per, 1),
  };
}
