import { PorticoError } from '../errors.js';
import { untilAborted } from './bus.js';
import { give, share } from './copy.js';
import type { Access, AccessMode } from './permissions.js';
import { callSafely, DeliveryQueue } from './queue.js';
import type { StoreState, StoreView, SubscribeOptions } from './store-types.js';

type State = Readonly<Record<string, unknown>>;
type Listener = (value: unknown, change: unknown) => void;

interface Sub {
  readonly app: string | null;
  readonly fn: Listener;
  active: boolean;
}

interface Commit {
  readonly keys: readonly string[];
  readonly previous: State;
  readonly state: State;
  readonly from: string | null;
  readonly remote: boolean;
}

/** A change as the element sees it, to persist, sync and announce. */
export interface StoreCommit {
  readonly keys: readonly string[];
  /** The new values of `keys` (already copied; `undefined` = removed). */
  readonly patch: Readonly<Record<string, unknown>>;
  readonly from: string | null;
  readonly remote: boolean;
}

/** Options of {@link createStore}. */
export interface StoreOptions {
  /** The store's current name, for views and error messages. */
  name(): string;
  access: Access;
  /** Called after each change, before subscribers hear of it. */
  onCommit?(commit: StoreCommit): void;
}

/** A store's state and subscribers, without the element around it. */
export interface StoreCore<S extends object = StoreState> {
  /** The store as `app` sees it (`null`: the host, unrestricted); `dispose` drops its subscriptions. */
  view(app: string | null): StoreView<S> & { dispose(): void };
  /** Applies values that need no permission check (from storage or another tab); copies them. */
  apply(patch: Readonly<Record<string, unknown>>, from: string | null, remote: boolean): void;
  /** The whole state, unfiltered. */
  snapshot(): State;
}

/**
 * The state behind a `<micro-store>`: immutable snapshots of deep-frozen
 * values, so one copy per `set` serves every reader and subscriber in every
 * app, and permissions filtered per reader. Notifications are synchronous
 * and ordered (a listener that sets again is heard after the others have
 * seen the first change).
 */
export function createStore<S extends object = StoreState>(options: StoreOptions): StoreCore<S> {
  const { access } = options;
  let state: State = Object.freeze({});
  let stateSubs: Sub[] = [];
  const keySubs = new Map<string, Sub[]>();
  const queue = new DeliveryQueue();
  /** Snapshots holding values that are not frozen plain data (each read clones those). */
  const exotic = new WeakSet<State>();

  const label = (app: string | null) => app ?? '(host)';
  const forbidden = (app: string | null, mode: AccessMode, key: string) =>
    new PorticoError(label(app), 'PORTICO_STORE_FORBIDDEN', `may not ${mode} "${key}" in <micro-store name="${options.name()}">`);

  function read(app: string | null, source: State): State {
    if (!exotic.has(source) && access.readsAll(app)) return source;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(source)) if (access.can(app, 'read', key)) out[key] = give(source[key]);
    return Object.freeze(out);
  }

  function commit(keys: readonly string[], values: readonly unknown[], from: string | null, remote: boolean): void {
    const next: Record<string, unknown> = { ...state };
    const changed: string[] = [];
    const patch: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      const value = values[i];
      if (value === state[key]) return; // the same primitive, or removing a key that is not there
      changed.push(key);
      patch[key] = value;
      if (value === undefined) delete next[key];
      else next[key] = value;
    });
    if (!changed.length) return;
    const previous = state;
    state = Object.freeze(next);
    if (Object.values(next).some((value) => typeof value === 'object' && value !== null && !Object.isFrozen(value))) exotic.add(state);
    options.onCommit?.({ keys: changed, patch, from, remote });
    queue.run(notify, { keys: Object.freeze(changed), previous, state, from, remote });
  }

  function notify({ keys, previous, state: current, from, remote }: Commit): void {
    for (const sub of stateSubs) {
      if (!sub.active) continue;
      const seen = access.readsAll(sub.app) ? keys : keys.filter((key) => access.can(sub.app, 'read', key));
      if (seen.length) callSafely(sub.fn, read(sub.app, current), { keys: seen, previous: read(sub.app, previous), from, remote });
    }
    for (const key of keys) {
      for (const sub of keySubs.get(key) ?? []) {
        if (sub.active && access.can(sub.app, 'read', key)) {
          callSafely(sub.fn, give(current[key]), { key, previous: give(previous[key]), from, remote });
        }
      }
    }
  }

  function view(app: string | null): StoreView<S> & { dispose(): void } {
    let live = true;
    const subs = new Map<Sub, () => void>();
    const get = (key?: unknown) => {
      if (key === undefined) return read(app, state);
      if (!access.can(app, 'read', String(key))) throw forbidden(app, 'read', String(key));
      return give(state[String(key)]);
    };
    return {
      get name() {
        return options.name();
      },
      get: get as StoreView<S>['get'],
      set: ((patchOrKey: unknown, value?: unknown) => {
        if (!live) return;
        const patch = typeof patchOrKey === 'string' ? { [patchOrKey]: value } : patchOrKey;
        if (typeof patch !== 'object' || patch === null) throw new TypeError('[portico] store.set(patch) takes an object, or a key and a value');
        const keys = Object.keys(patch);
        for (const key of keys) if (!access.can(app, 'write', key)) throw forbidden(app, 'write', key);
        const values = keys.map((key) => share((patch as Record<string, unknown>)[key], label(app), `the value of "${key}"`));
        commit(keys, values, app, false);
      }) as StoreView<S>['set'],
      subscribe: ((first: unknown, second?: unknown, third?: unknown) => {
        const key = typeof first === 'string' ? first : undefined;
        const fn = (key === undefined ? first : second) as Listener;
        const opts = (key === undefined ? second : third) as SubscribeOptions | undefined;
        if (typeof fn !== 'function') throw new TypeError('[portico] store.subscribe([key,] listener): listener must be a function');
        if (key !== undefined && !access.can(app, 'read', key)) throw forbidden(app, 'read', key);
        if (!live) return () => undefined;
        const sub: Sub = { app, fn, active: true };
        if (key === undefined) stateSubs = [...stateSubs, sub];
        else keySubs.set(key, [...(keySubs.get(key) ?? []), sub]);
        const off = () => {
          sub.active = false;
          subs.delete(sub);
          if (key === undefined) stateSubs = stateSubs.filter((s) => s !== sub);
          else if (keySubs.get(key)!.length === 1) keySubs.delete(key);
          else keySubs.set(key, keySubs.get(key)!.filter((s) => s !== sub));
        };
        subs.set(sub, off);
        if (opts?.immediate) {
          const now = get(key);
          callSafely(fn, now, key === undefined ? { keys: [], previous: now, from: null, remote: false } : { key, previous: now, from: null, remote: false });
        }
        return untilAborted(() => subs.get(sub)?.(), opts);
      }) as StoreView<S>['subscribe'],
      unsubscribe(listener) {
        for (const [sub, off] of [...subs]) if (sub.fn === (listener as unknown)) off();
      },
      dispose() {
        live = false;
        for (const off of [...subs.values()]) off();
      },
    };
  }

  return {
    view,
    apply: (patch, from, remote) => {
      const keys = Object.keys(patch);
      commit(keys, keys.map((key) => share(patch[key], label(from), `the value of "${key}"`)), from, remote);
    },
    snapshot: () => state,
  };
}
