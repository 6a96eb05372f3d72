/**
 * The engine as the window, tray and notifications see it from the app's first instant, while `createEngine`
 * opens the config, history and data folder (it does not wait for any scan: folders say they are scanning in
 * the snapshot until theirs ends): the bridge answers `starting` until the engine is ready, then passes each
 * request on; if the engine never starts, `engine-failed` with the reason. Listeners subscribed early are
 * attached to the engine's emitter before its first push (EngineOptions.subscribe), so they hear it all.
 */
import { BridgeError, REQUEST_NAMES } from '../../shared/bridge.js';
import type { EventName, EventPayloads, HeadroomApi } from '../../shared/bridge.js';
import type { Engine } from '../engine/runtime/engine-types.js';
import type { Disposer } from '../engine/ports.js';

export type GatedEngine = HeadroomApi & Pick<Engine, 'on'>;

type GateState =
  { kind: 'starting' } | { kind: 'ready'; engine: HeadroomApi } | { kind: 'failed'; message: string };

interface Subscription {
  event: EventName;
  listener: (payload: never) => void;
  detach: Disposer | null;
}

export const STARTING_MESSAGE =
  'Headroom is starting: it is opening its configuration and history. The dashboard fills in by itself in a moment.';

export class EngineGate {
  private state: GateState = { kind: 'starting' };
  private engineOn: Engine['on'] | null = null;
  private readonly subscriptions = new Set<Subscription>();
  private readonly settled: Promise<HeadroomApi>;
  private settle!: { resolve(engine: HeadroomApi): void; reject(error: Error): void };

  /** For the bridge: a request made before the engine is ready is answered at once with `starting`. */
  readonly api: GatedEngine;
  /** For the host's own callers (notification settings): a request waits until the engine is ready. */
  readonly waiting: GatedEngine;

  constructor() {
    this.settled = new Promise<HeadroomApi>((resolve, reject) => (this.settle = { resolve, reject }));
    this.settled.catch(() => undefined); // a failed start is reported by the host, not as an unhandled rejection
    const on: Engine['on'] = (event, listener) => this.on(event, listener);
    this.api = { ...requests(() => Promise.resolve(this.current())), on };
    this.waiting = { ...requests(() => this.settled), on };
  }

  /** Hands the gate the engine's `on` before its first scan; early subscriptions attach now. */
  attachEvents(on: Engine['on']): void {
    this.engineOn = on;
    for (const subscription of this.subscriptions) this.attach(subscription);
  }

  ready(engine: GatedEngine): void {
    if (this.engineOn === null) this.attachEvents((event, listener) => engine.on(event, listener));
    this.state = { kind: 'ready', engine };
    this.settle.resolve(engine);
  }

  /** `message` is a sentence for the dashboard: what went wrong and how to fix it. */
  fail(message: string): void {
    this.state = { kind: 'failed', message };
    this.settle.reject(new BridgeError('engine-failed', message));
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): Disposer {
    const subscription: Subscription = {
      event,
      listener: listener as (payload: never) => void,
      detach: null,
    };
    this.subscriptions.add(subscription);
    this.attach(subscription);
    return () => {
      this.subscriptions.delete(subscription);
      subscription.detach?.();
    };
  }

  private attach(subscription: Subscription): void {
    if (this.engineOn === null || subscription.detach !== null) return;
    subscription.detach = this.engineOn(
      subscription.event,
      subscription.listener as (payload: EventPayloads[EventName]) => void,
    );
  }

  private current(): HeadroomApi {
    if (this.state.kind === 'ready') return this.state.engine;
    if (this.state.kind === 'failed') throw new BridgeError('engine-failed', this.state.message);
    throw new BridgeError('starting', STARTING_MESSAGE);
  }
}

/** One function per request name, each calling the engine `resolve` yields (or failing as it fails). */
function requests(resolve: () => Promise<HeadroomApi>): HeadroomApi {
  return Object.fromEntries(
    REQUEST_NAMES.map((name) => [
      name,
      async (input?: unknown) => {
        const engine = await resolve();
        return (engine[name] as (input?: unknown) => Promise<unknown>).call(engine, input);
      },
    ]),
  ) as unknown as HeadroomApi;
}
