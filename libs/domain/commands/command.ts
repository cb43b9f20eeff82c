// What one lifecycle command is: the Update that carries it, the stage that accepts it, its validation
// (run by the Update's validator, before anything reaches history) and its application (the handler).

import type { Actor, LifecycleEvent, ProductState } from '../model';
import type { Stage } from '../stages';

export interface CommandHandler<I> {
  /** The Update's name; it is in every recorded history, so it never changes. */
  update: string;
  /** The action in the words a refusal uses ("design review"). */
  action: string;
  /** The one stage that accepts it, or ANY_ACTIVE: every stage a product can still leave. */
  stage: Stage | 'ANY_ACTIVE';
  /** Refuses (throws LifecycleRefusal) unless the state accepts the input now; the stage is checked before. */
  validate(state: ProductState, input: I, nowMs: number): void;
  /** Applies an accepted input to the state and returns the events it produced. */
  apply(state: ProductState, input: I, actor: Actor, nowMs: number): LifecycleEvent[];
}
