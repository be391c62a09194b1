import type { Patcher } from '../types.js';
import { createHold } from './held-events.js';
import { nativeSubclass, WeakRecord } from './native-class.js';

/**
 * Gives the app its own `BroadcastChannel`: a subclass of the real one that
 * records every channel the app opens. Teardown closes them, so a torn-down
 * app neither hears nor holds any channel. Channels still talk to the host
 * and to other apps of the same origin, as natively. While the app is
 * parked, what arrives waits for its next mount (see held-events.ts).
 */
export const patchBroadcastChannel: Patcher = (target) => {
  if (typeof BroadcastChannel !== 'function') return () => {};
  // A channel the browser keeps alive (open, with listeners) stays reachable through the record.
  const live = new WeakRecord<BroadcastChannel>();
  let disposed = false;
  const hold = createHold();

  const Sub = nativeSubclass(BroadcastChannel, (args) => args, (channel) => {
    if (disposed) channel.close();
    else live.add(channel);
    hold.watch(channel, ['message', 'messageerror']);
  });
  target.overrides.window.set('BroadcastChannel', Sub);

  return Object.assign(() => {
    disposed = true;
    hold.clear();
    const channels = live.drain();
    for (const channel of channels) channel.close();
    target.overrides.window.delete('BroadcastChannel');
    return { broadcastChannels: channels.length };
  }, { suspend: hold.sleep, resume: hold.wake });
};
