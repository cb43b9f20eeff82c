// A workflow that does nothing but answer a trivial update: the floor that the lifecycle benchmark
// measures its own update latency against, on the same Temporal server. Bench-only: the benchmark's own
// worker (bench/floor-worker.ts) runs it; the production worker bundle does not carry it.

import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

export const ping = defineUpdate<number, [number]>('ping');
export const stop = defineSignal('stop');

export async function emptyUpdateTarget(): Promise<void> {
  let done = false;
  setHandler(ping, (n) => n + 1);
  setHandler(stop, () => {
    done = true;
  });
  await condition(() => done);
}
