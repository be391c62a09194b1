import { PorticoError } from '../errors.js';
import type { End } from './bus.js';
import { give, share } from './copy.js';
import type { DeliveryQueue } from './queue.js';
import type { RequestContext, RequestOptions } from './types.js';

type Handler = (payload: unknown, context: RequestContext) => unknown;

interface Responder {
  readonly end: End;
  readonly fn: Handler;
}

/** One request in flight. */
export interface Call {
  readonly topic: string;
  readonly requester: End;
  readonly responder: Responder;
  /** Whether requester and responder are different ends (so values are copied). */
  readonly foreign: boolean;
  readonly input: unknown;
  readonly controller: AbortController;
  done: boolean;
  /** Resolves or rejects the request, once. */
  settle(ok: boolean, value: unknown): void;
  /** The requester is gone: clean up and never settle. */
  drop(): void;
}

/** The request/response half of a bus. */
export interface Requests {
  request(end: End, topic: string, payload: unknown, options?: RequestOptions): Promise<unknown>;
  respond(end: End, topic: string, handler: Handler): () => void;
  /** An end was disposed: its requests are dropped and the requests it was answering fail. */
  release(end: End): void;
}

/**
 * Request/response over the bus's ordered queue: the latest live responder
 * of a topic answers; a request fails with a PorticoError when nobody
 * answers (`PORTICO_BUS_NO_RESPONDER`), the answer is late
 * (`PORTICO_BUS_TIMEOUT`) or the responder throws
 * (`PORTICO_BUS_RESPONDER_REJECTED`), and rejects with the signal's reason
 * when cancelled. The responder's `context.signal` aborts whenever the
 * requester stops waiting, so it can stop its work too.
 */
export function createRequests(queue: DeliveryQueue, defaultTimeout: number): Requests {
  const responders = new Map<string, Responder[]>();

  function invoke(call: Call): void {
    if (call.done) return;
    let result: unknown;
    try {
      const payload = call.foreign ? give(call.input) : call.input;
      result = call.responder.fn(payload, { topic: call.topic, from: call.requester.app, signal: call.controller.signal });
    } catch (error) {
      return fail(call, error);
    }
    Promise.resolve(result).then(
      (value) => answer(call, value),
      (error: unknown) => fail(call, error),
    );
  }

  function answer(call: Call, value: unknown): void {
    if (call.done) return;
    try {
      call.settle(true, call.foreign ? give(share(value, call.responder.end.label, `the answer to "${call.topic}"`)) : value);
    } catch (error) {
      call.settle(false, error);
    }
  }

  function fail(call: Call, error: unknown): void {
    if (call.done) return;
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const cause = call.foreign ? cloneOrString(error) : error;
    const what = `the answer to "${call.topic}" from ${call.responder.end.label} failed: ${detail}`;
    call.settle(false, new PorticoError(call.requester.label, 'PORTICO_BUS_RESPONDER_REJECTED', what, cause));
  }

  return {
    request(end, topic, payload, options = {}) {
      return new Promise((resolve, reject) => {
        if (!end.live) return; // an unmounted app's request never settles: its code must not run again
        const { signal } = options;
        const timeout = options.timeout ?? defaultTimeout;
        if (signal?.aborted) return reject(signal.reason);
        const list = responders.get(topic);
        const responder = list?.[list.length - 1];
        if (!responder) return reject(new PorticoError(end.label, 'PORTICO_BUS_NO_RESPONDER', `nobody answers requests on "${topic}"`));
        const foreign = responder.end !== end;
        const input = foreign ? share(payload, end.label, `the request "${topic}"`) : payload;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const onAbort = () => call.settle(false, signal!.reason);
        const finish = () => {
          call.done = true;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          end.asked.delete(call);
          responder.end.answering.delete(call);
        };
        const call: Call = {
          topic,
          requester: end,
          responder,
          foreign,
          input,
          controller: new AbortController(),
          done: false,
          settle(ok, value) {
            if (call.done) return;
            finish();
            if (!ok) call.controller.abort(value);
            (ok ? resolve : reject)(value);
          },
          drop() {
            if (call.done) return;
            finish();
            call.controller.abort(new DOMException(`${end.label} was unmounted.`, 'AbortError'));
          },
        };
        end.asked.add(call);
        responder.end.answering.add(call);
        signal?.addEventListener('abort', onAbort, { once: true });
        if (timeout !== Infinity) {
          const late = () => new PorticoError(end.label, 'PORTICO_BUS_TIMEOUT', `"${topic}" got no answer from ${responder.end.label} within ${timeout} ms`);
          timer = setTimeout(() => call.settle(false, late()), timeout);
        }
        queue.run(invoke, call);
      });
    },
    respond(end, topic, handler) {
      if (typeof handler !== 'function') throw new TypeError('[portico] bus.respond(topic, handler): handler must be a function');
      if (!end.live) return () => undefined;
      const responder: Responder = { end, fn: handler };
      responders.set(topic, [...(responders.get(topic) ?? []), responder]);
      const off = () => {
        end.releases.delete(off);
        const left = (responders.get(topic) ?? []).filter((r) => r !== responder);
        if (left.length) responders.set(topic, left);
        else responders.delete(topic);
      };
      end.releases.add(off);
      return off;
    },
    release(end) {
      for (const call of [...end.asked]) call.drop();
      for (const call of [...end.answering]) {
        const what = `${end.label}, which answers "${call.topic}", was unmounted before it answered`;
        call.settle(false, new PorticoError(call.requester.label, 'PORTICO_BUS_NO_RESPONDER', what));
      }
    },
  };
}

/** An error as the requester may hold it: a structured clone, or its text when it cannot be cloned. */
function cloneOrString(error: unknown): unknown {
  try {
    return structuredClone(error);
  } catch {
    return String(error);
  }
}
