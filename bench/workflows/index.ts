// The floor workflows the benchmarks' own worker runs (bench/floor-worker.ts).
export * from './empty-update-target.workflow';
export * from './one-noop-activity.workflow';
