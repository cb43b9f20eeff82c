// A workflow that does nothing but answer a trivial update: the floor that the lifecycle benchmark
// measures its own update latency against, on the same Temporal server. Bench-only: the benchmark's own
// worker (bench/floor-worker.ts) runs it; the production worker bundle does not carry it.

import { condition, defineSignal, defineUpdate, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { NoopActivities } from './one-noop-activity.workflow';

export const ping = defineUpdate<number, [number]>('ping');
/** The same answer after one local activity doing nothing: what a local activity in an update's path costs. */
export const pingAfterLocalNoop = defineUpdate<number, [number]>('pingAfterLocalNoop');

const { noop } = proxyLocalActivities<NoopActivities>({ startToCloseTimeout: '1 minute' });
export const stop = defineSignal('stop');

export async function emptyUpdateTarget(): Promise<void> {
  let done = false;
  setHandler(ping, (n) => n + 1);
  setHandler(pingAfterLocalNoop, async (n) => {
    await noop();
    return n + 1;
  });
  setHandler(stop, () => {
    done = true;
  });
  await condition(() => done);
}
