// bench:lifecycle's driver, in a process of its own (forked by lifecycle.bench.ts): it plays staff and the
// influencer for N products at once (wave after wave), through the HTTP API as a user would, and reports every action's latency;
// with channels, it is also the influencer's social platform (a webhook receiver verifying every delivery).
// Out of the engine's process so that the CPU it spends on its own HTTP calls (about 3.5 ms per action, measured
// when it shared the process) and on receiving deliveries is not counted as the engine's, and the engine's CPU
// profile shows the engine alone. Protocol: a DriveRequest in, a DriveResult out once every product has ended;
// the receiver keeps answering until 'finish' comes, answered with what it accepted, then the process exits.
import { ApiError, apiClient, ok } from '../test/support/api-client';
import { addChannels, advanceTo, castInfluencer, createProductAnswer } from '../test/support/product-flow';
import { startReceiver, type Receiver } from '../test/support/receiver';
import { eventually } from '../test/support/wait';

export interface DriveRequest {
  apiUrl: string;
  staffKey: string;
  /** The influencer's handle (one influencer owns every product). */
  handle: string;
  /** Whether she has a webhook channel (to this process's receiver) and a log channel, as influencers do. */
  channels: boolean;
  products: number;
  /** Waves of `products` at once, one after another: the next starts when every product of the last has ended. */
  waves: number;
  /** The least time between scheduling a launch and the launch. */
  launchAheadMs: number;
  /** How often a launched product is read until it is on sale. */
  onSalePollMs: number;
}

export interface DriveResult {
  /** Every accepted action's latency, ms, and by action (its path without the product). */
  samples: number[];
  byAction: [string, number[]][];
  /** The products' workflow ids, in the order they were created (wave by wave). */
  workflowIds: string[];
}

export interface FinishResult {
  /** Deliveries the receiver accepted, one per webhook-id, each verified with the channel's secret. */
  accepted: number;
  verified: boolean;
  /** The driver's own CPU (user + system) over the whole run, not counted as the engine's. */
  cpuSeconds: number;
}

let receiver: Receiver | undefined;
async function drive(req: DriveRequest): Promise<DriveResult> {
  const samples: number[] = [];
  const byAction = new Map<string, number[]>();
  /** A running average of the calls' latency: a launch time is picked far enough ahead to arrive before it. */
  let recentMs = 0;
  const plain = apiClient(req.apiUrl, req.staffKey);
  const cast = await castInfluencer(plain, req.handle);
  if (req.channels) {
    receiver = await startReceiver();
    await addChannels(plain, cast.influencerId, receiver);
  }
  const timed = apiClient(req.apiUrl, req.staffKey, {
    onResponse: ({ path }, res, ms) => {
      recentMs = 0.9 * recentMs + 0.1 * ms;
      if (res.status >= 300) return;
      samples.push(ms);
      const action = path.replace(/^\/products\/[^/]+\//, '').replace(/\/\d+\//, '/:round/');
      byAction.set(action, [...(byAction.get(action) ?? []), ms]);
    },
  });
  const workflowIds: string[] = [];
  const lifecycle = async (i: number) => {
    const product = await createProductAnswer(plain, cast.influencerId, {
      name: `Bench product ${i}`,
      targetKeyword: 'bench dress',
      poll: { question: 'Which?', options: [{ label: 'A' }, { label: 'B' }], durationMinutes: 60, minVotes: 0 },
    });
    const p = `/products/${product.id}`;
    workflowIds.push(product.workflowId);
    await advanceTo(timed, cast, product.id, 'LAUNCH');
    // The influencer approves the launch announcement as drafted, then staff schedule the launch.
    await ok(timed.http('POST', `${p}/launch-announcement/approve`, { key: cast.influencerKey, body: {} }));
    // At least launchAheadMs ahead, and three times the calls' recent latency: under load a call can arrive
    // after a time picked 1 s ahead (a refusal that costs an update's round trip); staff would pick a later one.
    let launchAt = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        launchAt = Date.now() + Math.max(req.launchAheadMs, 3 * recentMs) * attempt;
        await ok(timed.http('POST', `${p}/launch`, { body: { launchAt: new Date(launchAt).toISOString() } }));
        break;
      } catch (err) {
        if (attempt >= 5 || !(err instanceof ApiError) || !/is not in the future/.test(err.message)) throw err;
      }
    }
    // Launched products go on sale and stay there until staff end them: wait for ON_SALE, then end it. Not
    // before the launch time, and by the API's read (as the staff board does), not by workflow queries: the
    // driver's waiting is not an action, and each query costs Temporal and the worker about what an update does.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, launchAt - Date.now())));
    await eventually(`${product.id} on sale`, async () => (await ok(plain.http<{ stage: string }>('GET', p))).stage === 'ON_SALE', 60_000, req.onSalePollMs);
    await ok(timed.http('POST', `${p}/end`, { body: { reason: 'bench' } }));
  };
  for (let wave = 0; wave < req.waves; wave++) {
    await Promise.all(Array.from({ length: req.products }, (_, i) => lifecycle(wave * req.products + i)));
  }
  return { samples, byAction: [...byAction], workflowIds };
}

process.on('message', (msg: DriveRequest | 'finish') => {
  if (msg === 'finish') {
    const accepted = receiver?.accepted().size ?? 0;
    const verified = receiver?.received.every((r) => r.verified) ?? true;
    const cpu = process.cpuUsage();
    const result: FinishResult = { accepted, verified, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
    const close = receiver ? receiver.close() : Promise.resolve();
    void close.then(() => process.send!({ ok: true, result }, undefined, {}, () => process.exit(0)));
    return;
  }
  drive(msg).then(
    (result) => process.send!({ ok: true, result }),
    (err: Error) => process.send!({ ok: false, error: err.stack ?? String(err) }, undefined, {}, () => process.exit(1)),
  );
});
