import { give, share } from './copy.js';
import { callSafely, DeliveryQueue } from './queue.js';
import { createRequests, type Call, type Requests } from './requests.js';
import type { AnyRequest, AppBus, BusEnd, BusMessage, ListenOptions, MicroBus } from './types.js';

/** One end's bookkeeping: what disposing it must release. */
export interface End {
  readonly app: string | null;
  /** The name errors carry: the app's, or "(host)". */
  readonly label: string;
  live: boolean;
  readonly subs: Set<Sub>;
  /** Requests this end sent that are not settled. */
  readonly asked: Set<Call>;
  /** Requests this end's responders are working on. */
  readonly answering: Set<Call>;
  readonly releases: Set<() => void>;
}

interface Sub {
  readonly end: End;
  readonly fn: (payload: unknown, message: BusMessage) => void;
  active: boolean;
}

interface Message {
  readonly topic: string;
  readonly payload: unknown;
  readonly end: End;
  /** The copy other apps receive: made at most once per publish. */
  copy: unknown;
  copied: boolean;
}

/** Options of {@link createBus}. */
export interface BusOptions {
  /** Default request timeout in ms (10000). */
  timeout?: number;
}

/**
 * Creates a bus: topic publish/subscribe and request/response between the
 * host page and its apps. Delivery is synchronous and ordered (see
 * {@link DeliveryQueue}); a message between two live ends is never dropped,
 * and an end that is disposed hears nothing more. Payloads are copied only
 * when they cross from one end to another, once per publish (see
 * {@link share}), so host-to-host traffic costs no copy at all.
 */
export function createBus<T extends object = Record<string, unknown>, R extends object = Record<string, AnyRequest>>(
  options: BusOptions = {},
): MicroBus<T, R> {
  const topics = new Map<string, Sub[]>();
  const queue = new DeliveryQueue();
  const requests: Requests = createRequests(queue, options.timeout ?? 10_000);

  function deliver(message: Message): void {
    const subs = topics.get(message.topic);
    if (!subs) return;
    const meta: BusMessage = { topic: message.topic, from: message.end.app };
    for (let i = 0; i < subs.length; i++) {
      const sub = subs[i]!;
      if (!sub.active) continue;
      if (sub.end === message.end) {
        callSafely(sub.fn, message.payload, meta);
        continue;
      }
      if (!message.copied) {
        try {
          message.copy = share(message.payload, message.end.label, `the payload of "${message.topic}"`);
          message.copied = true;
        } catch (error) {
          return reportError(error);
        }
      }
      callSafely(sub.fn, give(message.copy), meta);
    }
  }

  function open(app: string | null): BusEnd<T, R> & { end: End } {
    const end: End = { app, label: app ?? '(host)', live: true, subs: new Set(), asked: new Set(), answering: new Set(), releases: new Set() };
    return {
      app,
      end,
      publish(topic, payload) {
        if (!end.live) return;
        const subs = topics.get(topic);
        if (!subs) return;
        const message: Message = { topic, payload, end, copy: undefined, copied: false };
        // Copy now if another end listens, so an uncloneable payload throws to its sender.
        for (let i = 0; i < subs.length; i++) {
          if (subs[i]!.end === end) continue;
          message.copy = share(payload, end.label, `the payload of "${topic}"`);
          message.copied = true;
          break;
        }
        queue.run(deliver, message);
      },
      subscribe(topic, listener, options) {
        if (typeof listener !== 'function') throw new TypeError('[portico] bus.subscribe(topic, listener): listener must be a function');
        if (!end.live) return () => undefined;
        const sub: Sub = { end, fn: listener as Sub['fn'], active: true };
        topics.set(topic, [...(topics.get(topic) ?? []), sub]);
        end.subs.add(sub);
        const off = () => {
          if (!sub.active) return;
          sub.active = false;
          end.subs.delete(sub);
          end.releases.delete(off);
          const left = topics.get(topic)?.filter((s) => s !== sub) ?? [];
          if (left.length) topics.set(topic, left);
          else topics.delete(topic);
        };
        end.releases.add(off);
        return untilAborted(off, options);
      },
      request: (topic, payload, options) => requests.request(end, topic, payload, options) as never,
      respond: (topic, handler, options) => untilAborted(requests.respond(end, topic, handler as never), options),
    };
  }

  const host = open(null);
  return {
    app: null,
    publish: host.publish,
    subscribe: host.subscribe,
    request: host.request,
    respond: host.respond,
    connect(app: string): AppBus<T, R> {
      const { end, ...api } = open(String(app));
      return {
        ...api,
        app: String(app),
        dispose() {
          if (!end.live) return;
          end.live = false;
          for (const release of [...end.releases]) release();
          requests.release(end);
        },
      };
    },
  };
}

/** Runs `off` when the options' signal aborts (at once if it already has); returns `off`. */
export function untilAborted(off: () => void, options: ListenOptions | undefined): () => void {
  const signal = options?.signal;
  if (signal?.aborted) off();
  else signal?.addEventListener('abort', off, { once: true });
  return off;
}
