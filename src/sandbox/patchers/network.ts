import { bindNative } from '../bind-native.js';
import type { Patcher } from '../types.js';
import { createHold } from './held-events.js';
import { defineMethod, lookNative, nativeSubclass, silence, WeakRecord } from './native-class.js';

const BODY_READERS = ['arrayBuffer', 'blob', 'bytes', 'formData', 'json', 'text'] as const;
const XHR_EVENTS = ['readystatechange', 'loadstart', 'progress', 'abort', 'error', 'load', 'timeout', 'loadend'];

/**
 * Gives the app its own `fetch`, `Request`, `XMLHttpRequest`, `EventSource`,
 * `WebSocket` and `navigator.sendBeacon`, so relative and root-relative URLs
 * go to the app's origin (resolved against its base URL), not the host's.
 * The classes are subclasses of the real ones; a library that patches
 * `XMLHttpRequest.prototype` patches only the app's.
 *
 * Teardown aborts every request in flight and closes every stream and
 * socket, and after it nothing of the app hears back: a pending `fetch`
 * promise (or `response.json()`…) stays pending instead of rejecting, and
 * no listener or `on*` handler of an XHR, EventSource or WebSocket runs,
 * not even for the events that aborting or closing fires. While the app is
 * parked, responses and events wait for its next mount (see held-events.ts).
 */
export const patchNetwork: Patcher = (target) => {
  const controller = new AbortController();
  const requests = new WeakRecord<XMLHttpRequest>();
  const streams = new WeakRecord<EventSource | WebSocket>();
  const installed: string[] = [];
  let disposed = false;
  const hold = createHold();
  const install = (name: string, value: unknown) => {
    target.overrides.window.set(name, value);
    installed.push(name);
  };

  const resolve = (url: unknown): unknown => {
    try {
      return new URL(String(url), target.baseUrl).href;
    } catch {
      return url; // let the real API report the bad URL its own way
    }
  };
  const settle = <T>(promise: Promise<T>): Promise<T> =>
    new Promise((ok, fail) =>
      promise.then(
        (value) => hold.later(() => disposed || ok(value)),
        (error) => hold.later(() => disposed || fail(error)),
      ),
    );
  const silenced = (source: EventTarget, types: readonly string[]) => {
    silence(source, types, () => disposed);
    hold.watch(source, types);
  };

  // A response's body readers (and its clones') settle only while the app lives, like fetch itself.
  const guarded: Record<string, Function> = {};
  for (const name of BODY_READERS) {
    const read = Response.prototype[name] as (this: Response) => Promise<unknown>;
    if (typeof read !== 'function') continue;
    guarded[name] = lookNative(function (this: Response) {
      return settle(read.call(this));
    }, name);
  }
  const realClone = Response.prototype.clone;
  guarded.clone = lookNative(function clone(this: Response) {
    return guardResponse(realClone.call(this));
  }, 'clone');
  function guardResponse(response: Response): Response {
    for (const [name, fn] of Object.entries(guarded)) Reflect.defineProperty(response, name, { value: fn, writable: true, configurable: true });
    return response;
  }

  const AppRequest = nativeSubclass(Request, ([input, ...rest]) => [input instanceof Request ? input : resolve(input), ...rest], () => {});
  install('Request', AppRequest);
  install('fetch', lookNative(function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    if (disposed) return new Promise(() => {});
    let request: Request;
    try {
      request = new Request(input instanceof Request ? input : (resolve(input) as string), init);
    } catch (error) {
      return Promise.reject(error);
    }
    return settle(window.fetch(request, { signal: AbortSignal.any([request.signal, controller.signal]) }).then(guardResponse));
  }, 'fetch', window.fetch.length));

  const AppXHR = nativeSubclass(XMLHttpRequest, (args) => args, (xhr) => {
    silenced(xhr, XHR_EVENTS);
    silenced(xhr.upload, XHR_EVENTS);
    requests.add(xhr);
  });
  const { open, send } = XMLHttpRequest.prototype;
  defineMethod(AppXHR.prototype, open, function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    return (open as Function).call(this, method, resolve(url), ...rest);
  });
  defineMethod(AppXHR.prototype, send, function (this: XMLHttpRequest, ...args: [body?: Document | XMLHttpRequestBodyInit | null]) {
    if (!disposed) send.apply(this, args);
  });
  install('XMLHttpRequest', AppXHR);

  if (typeof EventSource === 'function') {
    install('EventSource', nativeSubclass(EventSource, ([url, ...rest]) => [resolve(url), ...rest], (source) => {
      silenced(source, ['open', 'message', 'error']);
      if (disposed) source.close();
      else streams.add(source);
    }));
  }
  if (typeof WebSocket === 'function') {
    const socketUrl = (url: unknown) => String(resolve(url)).replace(/^http(s?):/, 'ws$1:');
    install('WebSocket', nativeSubclass(WebSocket, ([url, ...rest]) => [socketUrl(url), ...rest], (socket) => {
      silenced(socket, ['open', 'message', 'error', 'close']);
      if (disposed) socket.close();
      else streams.add(socket);
    }));
  }

  const sendBeacon = lookNative(function sendBeacon(url: string | URL, data?: BodyInit | null) {
    return navigator.sendBeacon(resolve(url) as string, data);
  }, 'sendBeacon', navigator.sendBeacon.length);
  install('navigator', new Proxy(navigator, {
    get: (real, key) => (key === 'sendBeacon' ? sendBeacon : bindNative(Reflect.get(real, key), real)),
  }));

  return Object.assign(() => {
    disposed = true;
    hold.clear();
    controller.abort();
    const inFlight = requests.drain().filter((xhr) => xhr.readyState !== XMLHttpRequest.UNSENT && xhr.readyState !== XMLHttpRequest.DONE);
    for (const xhr of inFlight) xhr.abort();
    const open = streams.drain();
    for (const stream of open) stream.close();
    for (const name of installed) target.overrides.window.delete(name);
    return { requests: inFlight.length, sockets: open.length };
  }, { suspend: hold.sleep, resume: hold.wake });
};
