// Several API processes on one port (node:cluster), for API_PROCESSES > 1: one Node.js process serves
// HTTP on one core, so a viral poll's vote webhooks need more than one. The API is stateless; each
// process has its own connections and caches. A process that dies is replaced; stop() lets each finish
// its in-flight requests and vote batches.

import cluster, { type Worker as ClusterWorker } from 'node:cluster';
import type { AppConfig } from '@app/config';
import { serveClusterMetrics } from '../../api/src/metrics/cluster-metrics';
import type { ApiProcessMessage } from '../../api/src/serve';

export interface ApiClusterOptions {
  /** The compiled entry each process runs (dist/apps/api/src/main.js, or a benchmark's). */
  entry: string;
  processes: number;
  /** Sent to each process as its configuration. */
  config: AppConfig;
  log: (message: string) => void;
}

export interface ApiCluster {
  port: number;
  /** The process ids serving now (a replacement counts once it listens). */
  pids(): number[];
  stop(): Promise<void>;
}

// Fewer young-generation collections for many small short-lived request objects.
const EXEC_ARGV = ['--max-semi-space-size=32'];
const STOP_TIMEOUT_MS = 15_000;

export async function startApiCluster(opts: ApiClusterOptions): Promise<ApiCluster> {
  cluster.setupPrimary({ exec: opts.entry, execArgv: [...process.execArgv, ...EXEC_ARGV], silent: false });
  let stopping = false;
  const workers = new Set<ClusterWorker>();
  const listening = new Set<ClusterWorker>();

  const fork = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const worker = cluster.fork();
      workers.add(worker);
      worker.send({ type: 'config', config: opts.config } satisfies ApiProcessMessage);
      serveClusterMetrics(worker);
      worker.on('message', (msg: ApiProcessMessage) => {
        if (msg?.type === 'listening') {
          listening.add(worker);
          resolve(msg.port);
        }
      });
      worker.once('exit', (code, signal) => {
        workers.delete(worker);
        const wasListening = listening.delete(worker);
        if (!wasListening) return reject(new Error(`an API process exited during startup (${signal ?? `code ${code}`})`));
        if (stopping) return;
        opts.log(`an API process exited (${signal ?? `code ${code}`}); starting a replacement`);
        setTimeout(() => {
          if (!stopping) void fork().catch((err: Error) => opts.log(`could not replace the API process: ${err.message}`));
        }, 1_000).unref();
      });
    });

  const stop = async () => {
    stopping = true;
    await Promise.all(
      [...workers].map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            const timer = setTimeout(() => worker.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
            worker.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            worker.send({ type: 'shutdown' } satisfies ApiProcessMessage);
          }),
      ),
    );
  };

  try {
    // One first, so with API_PORT=0 the others share the port it was given.
    const port = await fork();
    await Promise.all(Array.from({ length: opts.processes - 1 }, fork));
    return { port, stop, pids: () => [...listening].map((w) => w.process.pid!) };
  } catch (err) {
    await stop();
    throw err;
  }
}
