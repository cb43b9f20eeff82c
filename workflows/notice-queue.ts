// A queue of notices a product workflow sends once their timeline event is in the read model, one at a
// time in seq order, on a loop of its own so an Update's answer never waits for one. The shop's reservation
// notices and the suppliers' order notices each run one.

import { condition } from '@temporalio/workflow';

/**
 * From this patch on, a notice's activity writes it and also starts its delivery workflow (and, for a supplier's
 * cancellation, stops the withdrawn requests' ones) before it answers, instead of the product workflow starting
 * the delivery as its child: a child's start and its completion each woke the product for a workflow task of its
 * own. Asked (through the run's `applies`) at each notice, not when a run starts, so products that send none (most)
 * carry no marker for it. Once it has answered true in a run, the SDK answers every later ask the same; a run that
 * began on an older worker replays its earlier notices on the old path (no marker there) and sends later ones on
 * the new. The shop's and the suppliers' notifiers ask it both: retiring it (deprecatePatch) changes both. Runs from
 * patches-2026-12-04 on take it from that marker (product-lifecycle's PATCHES_2026_12_04_SET) without asking.
 */
export const NOTICES_START_DELIVERIES_PATCH = 'notices-start-deliveries';

export interface NoticeQueue<N extends { seq: number }> {
  push: (notices: N[]) => void;
  /** Nothing queued and nothing in flight (the workflow may complete or continue as new). */
  idle: () => boolean;
  /** Runs until the product is final, everything is projected and nothing is left; `done` says when. */
  run: (projectedSeq: () => number, done: () => boolean) => Promise<void>;
}

export function noticeQueue<N extends { seq: number }>(send: (notice: N) => Promise<void>): NoticeQueue<N> {
  const queue: N[] = [];
  let inFlight = false;
  return {
    push: (notices) => {
      queue.push(...notices);
    },
    idle: () => queue.length === 0 && !inFlight,
    run: async (projectedSeq, done) => {
      for (;;) {
        await condition(() => (queue.length > 0 && queue[0].seq <= projectedSeq()) || (queue.length === 0 && done()));
        if (queue.length === 0) return;
        inFlight = true;
        await send(queue.shift()!);
        inFlight = false;
      }
    },
  };
}
