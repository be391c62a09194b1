import type { Patcher } from '../types.js';
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
 */
export const patchMessageChannel: Patcher = (target) => {
  if (typeof MessageChannel !== 'function') return () => {};
  const live = new WeakRecord<MessageChannel>();
  let disposed = false;
  const close = (channel: MessageChannel) => {
    channel.port1.onmessage = null;
    channel.port2.onmessage = null;
    channel.port1.close();
    channel.port2.close();
  };
  const Sub = nativeSubclass(MessageChannel, (args) => args, (channel) => {
    if (disposed) close(channel);
    else live.add(channel);
  });
  target.overrides.window.set('MessageChannel', Sub);

  return () => {
    disposed = true;
    const channels = live.drain();
    for (const channel of channels) close(channel);
    target.overrides.window.delete('MessageChannel');
    return { messageChannels: channels.length };
  };
};
