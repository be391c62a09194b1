import type { Patcher } from '../types.js';
import { createHold } from './held-events.js';
import { nativeSubclass, WeakRecord } from './native-class.js';

/**
 * Gives the app its own `MessageChannel`, recording every channel it opens;
 * teardown closes both ports of each.
 *
 * Why: a port with an `onmessage` handler stays alive, with everything its
 * handler reaches, until it is closed. React's scheduler opens one per React
 * copy (`channel.port1.onmessage = performWorkUntilDeadline`) and never
 * closes it, so without this every unmounted React app stays in memory
 * (measured by bench/ as about 100 kB per mount/unmount cycle).
 * While the app is parked, messages to its ports wait for its next mount
 * (React's scheduler then finishes its work; see held-events.ts).
 */
export const patchMessageChannel: Patcher = (target) => {
  if (typeof MessageChannel !== 'function') return () => {};
  // The ports, not the channel: React keeps only `channel.port2` and a handler on `port1`, so the
  // channel object itself can be collected while its ports live on (a port with a handler is kept
  // alive by the browser until it is closed).
  const live = new WeakRecord<MessagePort>();
  let disposed = false;
  const hold = createHold();
  const close = (port: MessagePort) => {
    port.onmessage = null;
    port.close();
  };
  const Sub = nativeSubclass(MessageChannel, (args) => args, (channel) => {
    for (const port of [channel.port1, channel.port2]) {
      if (disposed) close(port);
      else live.add(port);
      hold.watch(port, ['message']);
    }
  });
  target.overrides.window.set('MessageChannel', Sub);

  return Object.assign(() => {
    disposed = true;
    hold.clear();
    const ports = live.drain();
    for (const port of ports) close(port);
    target.overrides.window.delete('MessageChannel');
    return { messagePorts: ports.length };
  }, { suspend: hold.sleep, resume: hold.wake });
};
