import type { BusEnd } from '../../bus/types.js';

type Listener = (...args: unknown[]) => unknown;

/** wujie's `$wujie.bus`: chainable like wujie's EventBus. */
export interface WujieBus {
  $on(event: string, listener: Listener): WujieBus;
  $once(event: string, listener: Listener): WujieBus;
  $off(event: string, listener: Listener): WujieBus;
  $emit(event: string, ...args: unknown[]): WujieBus;
  $clear(): WujieBus;
}

/** The payload key that carries an `$emit` of other than one argument. */
const ARGS = '__wujieArgs';

/**
 * wujie's event bus (Tencent/wujie `packages/wujie-core/src/event.ts`) for a
 * sub-app written for it, over the app's end of the page's bus: an `$emit`
 * of the app reaches the host (`busFor(document).subscribe(event, …)`), the
 * other apps and its own `$on` listeners, in order, as wujie's does.
 * - `$emit(event, data)` publishes `data` itself, so the host and Portico
 *   apps read it as any message; with no or several arguments it publishes
 *   `{ __wujieArgs: [...] }`, which the `$on` listeners get spread again.
 * - `$on` ignores a listener already on `event`, `$once` comes off after one
 *   call, `$off` removes one, `$clear` every listener of this app.
 * Unlike wujie, arguments cross as copies (the bus's structured clones: a
 * function among them throws `PORTICO_BUS_UNCLONEABLE`); `$onAll` is not
 * there. The app's listeners go with it at teardown.
 */
export function wujieBus(bus: BusEnd): WujieBus {
  const listening = new Map<string, Map<Listener, () => void>>();
  const self: WujieBus = {
    $on: (event, listener) => add(event, listener, false),
    $once: (event, listener) => add(event, listener, true),
    $off(event, listener) {
      const byListener = listening.get(event);
      byListener?.get(listener)?.();
      byListener?.delete(listener);
      return self;
    },
    $emit(event, ...args) {
      bus.publish(event, args.length === 1 ? args[0] : { [ARGS]: args });
      return self;
    },
    $clear() {
      for (const byListener of listening.values()) for (const off of byListener.values()) off();
      listening.clear();
      return self;
    },
  };

  function add(event: string, listener: Listener, once: boolean): WujieBus {
    if (typeof listener !== 'function') return self;
    let byListener = listening.get(event);
    if (!byListener) listening.set(event, (byListener = new Map()));
    if (byListener.has(listener)) return self;
    const off = bus.subscribe(event, (payload: unknown) => {
      if (once) self.$off(event, listener);
      listener(...argsOf(payload));
    });
    byListener.set(listener, off);
    return self;
  }
  return self;
}

/** The listener arguments a message stands for (see {@link wujieBus}). */
function argsOf(payload: unknown): unknown[] {
  if (payload && typeof payload === 'object' && Array.isArray((payload as Record<string, unknown>)[ARGS]) && Object.keys(payload).length === 1) {
    return [...((payload as Record<string, unknown[]>)[ARGS] as unknown[])];
  }
  return [payload];
}
