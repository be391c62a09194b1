/** A key's version: a Lamport clock and the tab that wrote it (the tie-break). */
type Stamp = readonly [clock: number, tab: string];

type Wire =
  | { t: 'set'; patch: Record<string, unknown>; stamp: Stamp; from: string | null }
  | { t: 'hello'; tab: string }
  | { t: 'state'; to: string; state: Record<string, unknown>; stamps: Record<string, Stamp> };

/** What {@link createTabSync} needs: a channel, and the store to read and write. */
export interface TabSyncOptions {
  /** A `BroadcastChannel` that every tab of the portal opens under the same name. */
  channel: BroadcastChannel;
  /** The store's whole state. */
  snapshot(): Readonly<Record<string, unknown>>;
  /** Applies changes that came from another tab. */
  apply(patch: Record<string, unknown>, from: string | null): void;
  /** Whether to ask the open tabs for their state now (not needed when it came from localStorage). */
  askState: boolean;
}

/** One store's link to the same store in the other tabs. */
export interface TabSync {
  /** Sends a local change to the other tabs. */
  send(patch: Readonly<Record<string, unknown>>, from: string | null): void;
  close(): void;
}

/**
 * `<micro-store sync>`: every change is posted to the other tabs of the same
 * origin on a BroadcastChannel, which delivers in order. Each key carries a
 * Lamport stamp and the newest write wins, so tabs that write the same key
 * at the same moment still end up agreeing. A tab that opens asks the others
 * for their state, so it starts with what they have.
 */
export function createTabSync(options: TabSyncOptions): TabSync {
  const { channel } = options;
  const tab = crypto.randomUUID();
  const stamps = new Map<string, Stamp>();
  let clock = 0;

  const newer = (a: Stamp, b: Stamp | undefined) => !b || a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);

  function take(values: Record<string, unknown>, keys: Iterable<string>, stampOf: (key: string) => Stamp, from: string | null): void {
    const accepted: Record<string, unknown> = {};
    let any = false;
    for (const key of keys) {
      const stamp = stampOf(key);
      clock = Math.max(clock, stamp[0]);
      if (!newer(stamp, stamps.get(key))) continue;
      stamps.set(key, stamp);
      accepted[key] = values[key];
      any = true;
    }
    if (any) options.apply(accepted, from);
  }

  const post = (message: Wire) => channel.postMessage(message);

  channel.onmessage = ({ data }: MessageEvent<Wire>) => {
    if (data.t === 'set') take(data.patch, Object.keys(data.patch), () => data.stamp, data.from);
    else if (data.t === 'hello') post({ t: 'state', to: data.tab, state: { ...options.snapshot() }, stamps: Object.fromEntries(stamps) });
    else if (data.t === 'state' && data.to === tab) {
      // Keys the other tab removed are in its stamps but not in its state: they arrive as undefined.
      const keys = new Set([...Object.keys(data.state), ...Object.keys(data.stamps)]);
      take(data.state, keys, (key) => data.stamps[key] ?? [0, ''], null);
    }
  };
  if (options.askState) post({ t: 'hello', tab });

  return {
    send(patch, from) {
      const stamp: Stamp = [++clock, tab];
      for (const key of Object.keys(patch)) stamps.set(key, stamp);
      post({ t: 'set', patch: { ...patch }, stamp, from });
    },
    close() {
      channel.onmessage = null;
      channel.close();
    },
  };
}
