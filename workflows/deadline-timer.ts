// The product workflow's timer for its next deadline (products from the steady-deadline-timer patch on): one
// timer per deadline, kept while the next deadline stays the same. Before the patch the main loop waited with a
// timed condition, which started a timer on every event and cancelled it at the next one, so each vote milestone in
// a poll and each production milestone under an order's due-date warning left a TimerCanceled and a TimerStarted in
// history (and a timer task the server wrote and deleted) for a deadline that had not moved.

import { CancellationScope, sleep } from '@temporalio/workflow';
import type { Deadline } from '../libs/domain';

/**
 * Asked once, when a run starts (taken from PATCHES_2026_12_04 by runs from that marker on): runs from before keep
 * their timed conditions, so their histories replay.
 */
export const STEADY_DEADLINE_TIMER_PATCH = 'steady-deadline-timer';

export interface DeadlineTimer {
  /** Arms a timer for `deadline`: kept when the armed one is for the same deadline, else that one is cancelled first. */
  set(deadline: Deadline | null): void;
  /** The armed deadline once its timer has fired, handed over once (the timer is then disarmed); null before. */
  take(): Deadline | null;
  /** Whether the armed timer has fired (a condition's wake). */
  fired(): boolean;
}

export function deadlineTimer(): DeadlineTimer {
  let armed: { deadline: Deadline; key: string; scope: CancellationScope; fired: boolean } | null = null;
  return {
    set(deadline) {
      // Deadlines are small literals built in one order (libs/domain/deadlines.ts): equal ones serialise alike.
      const key = deadline ? JSON.stringify(deadline) : '';
      if (armed?.key === key) return;
      if (armed && !armed.fired) armed.scope.cancel();
      armed = null;
      if (!deadline) return;
      const timer = { deadline, key, scope: new CancellationScope(), fired: false };
      armed = timer;
      timer.scope.run(() => sleep(Math.max(1, deadline.at - Date.now()))).then(
        () => (timer.fired = true),
        // Cancelled: another deadline (or none) took its place.
        () => undefined,
      );
    },
    take() {
      if (!armed?.fired) return null;
      const { deadline } = armed;
      armed = null;
      return deadline;
    },
    fired: () => armed?.fired === true,
  };
}
