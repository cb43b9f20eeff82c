// How the lifecycle records what happened: every change to a product's state emits a timeline event with
// the next seq, stamped with the stage right after it.

import type { Actor, LifecycleEvent, LifecycleEventType, ProductState } from './model';
import type { Stage } from './stages';

/** Instants are kept as UTC ISO strings in the state and the events. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function emit(state: ProductState, type: LifecycleEventType, actor: Actor, at: string, data: Record<string, unknown>): LifecycleEvent {
  state.seq += 1;
  state.updatedAt = at;
  return { seq: state.seq, type, stage: state.stage, actor, at, data };
}

export function moveTo(state: ProductState, to: Stage, actor: Actor, at: string): LifecycleEvent {
  const from = state.stage;
  state.stage = to;
  return emit(state, 'STAGE_CHANGED', actor, at, { from, to });
}
