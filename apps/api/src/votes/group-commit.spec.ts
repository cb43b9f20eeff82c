import { FlushSlots, GroupCommitClosedError, GroupCommitter } from './group-commit';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('GroupCommitter', () => {
  it('writes a lone item at once, then batches what arrives while a write is in flight', async () => {
    const writes: number[][] = [];
    const gates: ReturnType<typeof deferred<void>>[] = [];
    const gc = new GroupCommitter<number, string>({
      maxBatchSize: 100,
      concurrency: 1,
      flush: async (items) => {
        writes.push(items);
        const gate = deferred<void>();
        gates.push(gate);
        await gate.promise;
        return items.map((i) => `ok ${i}`);
      },
    });
    const first = gc.submit(1);
    await new Promise((r) => setImmediate(r));
    const rest = [2, 3, 4].map((i) => gc.submit(i));
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual([[1]]);
    gates[0].resolve();
    await expect(first).resolves.toBe('ok 1');
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual([[1], [2, 3, 4]]);
    gates[1].resolve();
    await expect(Promise.all(rest)).resolves.toEqual(['ok 2', 'ok 3', 'ok 4']);
    expect(gc.stats).toEqual({ batches: 2, items: 4, largestBatch: 3 });
  });

  it('never puts more than maxBatchSize items in one write and keeps at most `concurrency` writes in flight', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const sizes: number[] = [];
    const gc = new GroupCommitter<number, number>({
      maxBatchSize: 7,
      concurrency: 3,
      flush: async (items) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        sizes.push(items.length);
        await new Promise((r) => setImmediate(r));
        inFlight--;
        return items.map((i) => i * 2);
      },
    });
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => gc.submit(i)));
    expect(results).toEqual(Array.from({ length: 100 }, (_, i) => i * 2));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(7);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(100);
    expect(maxInFlight).toBe(3);
  });

  it('fails every item of a failed batch, and only those', async () => {
    let call = 0;
    const gc = new GroupCommitter<number, number>({
      maxBatchSize: 2,
      concurrency: 1,
      flush: async (items) => {
        call++;
        if (call === 1) throw new Error('database down');
        return items;
      },
    });
    const outcomes = await Promise.allSettled([1, 2, 3].map((i) => gc.submit(i)));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
  });

  it('tells its observer the size of every batch written and failed', async () => {
    const seen: string[] = [];
    let call = 0;
    const gc = new GroupCommitter<number, number>({
      maxBatchSize: 2,
      concurrency: 1,
      flush: async (items) => {
        if (++call === 2) throw new Error('database down');
        return items;
      },
      observe: { written: (n) => seen.push(`written ${n}`), failed: (n) => seen.push(`failed ${n}`) },
    });
    await Promise.allSettled([1, 2, 3, 4, 5].map((i) => gc.submit(i)));
    expect(seen).toEqual(['written 2', 'failed 2', 'written 1']);
  });

  it('rejects a flush that answers for the wrong number of items', async () => {
    const gc = new GroupCommitter<number, number>({ maxBatchSize: 5, concurrency: 1, flush: async () => [] });
    await expect(gc.submit(1)).rejects.toThrow('flush returned 0 results for 1 items');
  });

  it('drains what was submitted, then refuses new items', async () => {
    const written: number[] = [];
    const gc = new GroupCommitter<number, number>({
      maxBatchSize: 10,
      concurrency: 1,
      flush: async (items) => {
        await new Promise((r) => setTimeout(r, 5));
        written.push(...items);
        return items;
      },
    });
    const submitted = [1, 2, 3].map((i) => gc.submit(i));
    await gc.drain();
    expect(written).toEqual([1, 2, 3]);
    await expect(Promise.all(submitted)).resolves.toEqual([1, 2, 3]);
    await expect(gc.submit(4)).rejects.toBeInstanceOf(GroupCommitClosedError);
  });

  describe('sharing writing slots', () => {
    /** Two committers on one shared slot; each write waits for its gate, so the test decides when it ends. */
    function twoStreams(slots: FlushSlots) {
      const writes: string[] = [];
      let inFlight = 0;
      let maxInFlight = 0;
      const gates: (() => void)[] = [];
      const committer = (name: string) =>
        new GroupCommitter<number, number>({
          maxBatchSize: 100,
          concurrency: slots,
          flush: async (items) => {
            writes.push(`${name} ${items.join(',')}`);
            maxInFlight = Math.max(maxInFlight, ++inFlight);
            await new Promise<void>((r) => gates.push(r));
            inFlight--;
            return items;
          },
        });
      return { writes, gates, maxInFlight: () => maxInFlight, votes: committer('votes'), orders: committer('orders') };
    }
    const turn = () => new Promise((r) => setImmediate(r));

    it('keeps at most the shared number of batches in flight across committers, which take turns while each batch gathers', async () => {
      const t = twoStreams(new FlushSlots(1));
      const submitted = [t.votes.submit(1)];
      await turn();
      submitted.push(t.orders.submit(10), t.votes.submit(2));
      await turn();
      submitted.push(t.orders.submit(11), t.votes.submit(3));
      await turn();
      // The first vote holds the one slot: the orders wait for it and gather meanwhile.
      expect(t.writes).toEqual(['votes 1']);
      t.gates.shift()!();
      await turn();
      // The orders were in line first: they get the slot, both of them in one batch.
      expect(t.writes).toEqual(['votes 1', 'orders 10,11']);
      t.gates.shift()!();
      await turn();
      expect(t.writes).toEqual(['votes 1', 'orders 10,11', 'votes 2,3']);
      t.gates.shift()!();
      await expect(Promise.all(submitted)).resolves.toEqual([1, 10, 2, 11, 3]);
      expect(t.maxInFlight()).toBe(1);
    });

    it('lets each committer write at once while slots are free', async () => {
      const t = twoStreams(new FlushSlots(2));
      const submitted = [t.votes.submit(1), t.orders.submit(10)];
      await turn();
      expect(t.writes.sort()).toEqual(['orders 10', 'votes 1']);
      t.gates.splice(0).forEach((open) => open());
      await expect(Promise.all(submitted)).resolves.toEqual([1, 10]);
    });

    it('drains a committer whose batch waited for a slot another committer held', async () => {
      const t = twoStreams(new FlushSlots(1));
      const vote = t.votes.submit(1);
      await turn();
      const order = t.orders.submit(10);
      await turn();
      let drained = false;
      const draining = t.orders.drain().then(() => (drained = true));
      await turn();
      expect(drained).toBe(false);
      t.gates.shift()!();
      await turn();
      expect(drained).toBe(false);
      t.gates.shift()!();
      await draining;
      await expect(Promise.all([vote, order])).resolves.toEqual([1, 10]);
    });

    it('refuses a pool without a slot', () => {
      expect(() => new FlushSlots(0)).toThrow('at least one writing slot');
    });
  });
});
