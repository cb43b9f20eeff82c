// A workflow that runs one activity doing nothing: the floor `bench:social` measures delivery workflows against,
// on the same Temporal server (a workflow start, one activity task, the completion). Bench-only: the benchmark's
// own worker (bench/floor-worker.ts) runs it; the production worker bundle does not carry it.

import { proxyActivities } from '@temporalio/workflow';

export interface NoopActivities {
  noop(): Promise<void>;
}

const { noop } = proxyActivities<NoopActivities>({ startToCloseTimeout: '1 minute' });

export async function oneNoopActivity(): Promise<void> {
  await noop();
}
