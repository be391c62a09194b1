import type { Patcher } from '../types.js';
import { nativeSubclass, WeakRecord } from './native-class.js';

/**
 * Gives the app its own `BroadcastChannel`: a subclass of the real one that
 * records every channel the app opens. Teardown closes them, so a torn-down
 * app neither hears nor holds any channel. Channels still talk to the host
 * and to other apps of the same origin, as natively.
 */
export const patchBroadcastChannel: Patcher = (target) => {
  if (typeof BroadcastChannel !== 'function') return () => {};
  // A channel the browser keeps alive (open, with listeners) stays reachable through the record.
  const live = new WeakRecord<BroadcastChannel>();
  let disposed = false;

  const Sub = nativeSubclass(BroadcastChannel, (args) => args, (channel) => {
    if (disposed) channel.close();
    else live.add(channel);
  });
  target.overrides.window.set('BroadcastChannel', Sub);

  return () => {
    disposed = true;
    const channels = live.drain();
    for (const channel of channels) channel.close();
    target.overrides.window.delete('BroadcastChannel');
    return { broadcastChannels: channels.length };
  };
};
