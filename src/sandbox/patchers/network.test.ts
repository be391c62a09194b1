import { expect } from '@open-wc/testing';
import { APPS, inside, mount, sleep, unmount, until } from '../../test/helpers.js';

const FIXTURE = `${APPS}/fixtures/network/`;
const DATA = `${APPS}/fixtures/network/data.json`;
const SLOW = '/__fault/slow/300/fixtures/network/data.json';
const XHR_EVENTS = ['readystatechange', 'loadstart', 'progress', 'abort', 'error', 'load', 'timeout', 'loadend'];
const host = window as unknown as Record<string, unknown>;
const NAMES = ['fetch', 'Request', 'Response', 'XMLHttpRequest', 'EventSource', 'WebSocket', 'navigator'];
const originals = Object.fromEntries(NAMES.map((name) => [name, host[name]]));
const { open, send } = XMLHttpRequest.prototype;
const { json } = Response.prototype;
const { sendBeacon } = Navigator.prototype;

/** Mounts the network fixture and hands its sandbox window to `body`, unmounting afterwards. */
async function withApp(body: (win: Window & Record<string, any>, el: HTMLElement) => Promise<void>) {
  const el = await mount('network', FIXTURE);
  try {
    await body(inside(el).window!, el);
  } finally {
    await unmount(el);
  }
}

/** Records every event of `types` on `target`, through both listeners and `on*` handlers. */
function hear(target: EventTarget & Record<string, any>, types: string[], heard: string[], label = '') {
  for (const type of types) {
    target.addEventListener(type, () => heard.push(`${label}${type}`));
    target[`on${type}`] = () => heard.push(`${label}on${type}`);
  }
}

describe('network patcher', () => {
  it('relative and root-relative URLs of fetch, Request and XHR go to the app origin', () =>
    withApp(async (win, el) => {
      const { root } = inside(el as never);
      for (const id of ['fetch', 'rooted', 'request', 'xhr']) {
        await until(() => root.getElementById(id)!.textContent === 'hello from data.json', 3000, `${id} in the app`);
      }
      expect((await win.fetch('data.json')).url).to.equal(DATA);
      expect((await win.fetch(new URL('/fixtures/network/data.json', 'http://ignored.example/').pathname)).url).to.equal(DATA);
      expect(new win.Request('./data.json').url).to.equal(DATA);
      const xhr = new win.XMLHttpRequest() as XMLHttpRequest;
      xhr.open('GET', '/fixtures/network/data.json');
      const loaded = new Promise((resolve) => (xhr.onload = resolve));
      xhr.send();
      await loaded;
      expect(xhr.responseURL).to.equal(DATA);
      expect(xhr.status).to.equal(200);
    }));

  it('EventSource, WebSocket and navigator.sendBeacon URLs go to the app origin too', () =>
    withApp(async (win) => {
      const source = new win.EventSource('events') as EventSource;
      expect(source.url).to.equal(`${APPS}/fixtures/network/events`);
      source.close();
      const socket = new win.WebSocket('/socket') as WebSocket;
      expect(socket.url).to.equal(`${APPS.replace('http', 'ws')}/socket`);
      socket.close();
      expect(win.navigator.sendBeacon('beacon', 'ping')).to.equal(true);
      await until(() => performance.getEntriesByName(`${APPS}/fixtures/network/beacon`).length, 2000, 'the beacon');
      expect(win.navigator instanceof Navigator, 'navigator instanceof').to.equal(true);
      expect(win.navigator.userAgent).to.equal(navigator.userAgent);
      const unbound = win.navigator.sendBeacon;
      expect(String(unbound)).to.equal('function sendBeacon() { [native code] }');
    }));

  it('gives the app classes and functions that pass for the real ones, and keeps its patches to itself', () =>
    withApp(async (win) => {
      expect(win.fetch === win.fetch, 'stable identity').to.equal(true);
      expect(String(win.fetch)).to.equal('function fetch() { [native code] }');
      for (const name of ['Request', 'XMLHttpRequest', 'EventSource', 'WebSocket']) {
        expect(win[name] !== host[name] && Object.getPrototypeOf(win[name]) === host[name], `${name} subclasses the real one`).to.equal(true);
        expect(String(win[name])).to.equal(`function ${name}() { [native code] }`);
      }
      const xhr = new win.XMLHttpRequest();
      expect(xhr instanceof XMLHttpRequest && xhr instanceof win.XMLHttpRequest, 'instanceof').to.equal(true);
      expect(win.XMLHttpRequest.DONE).to.equal(4);
      expect(String(win.XMLHttpRequest.prototype.open)).to.equal('function open() { [native code] }');
      expect([win.fetch.length, win.XMLHttpRequest.prototype.open.length, win.XMLHttpRequest.prototype.send.length]).to.deep.equal([
        fetch.length,
        open.length,
        send.length,
      ]);
      const response = await win.fetch('data.json');
      expect(response instanceof Response, 'a real Response').to.equal(true);
      expect(await response.clone().json()).to.deep.equal({ message: 'hello from data.json' });
      // What an analytics library does: patch XHR. Only the app's class changes.
      win.XMLHttpRequest.prototype.send = function () {};
      expect(XMLHttpRequest.prototype.send === send, 'the host XHR is unpatched').to.equal(true);
      // The app's own abort still rejects, as natively.
      const controller = new AbortController();
      const pending = win.fetch(SLOW, { signal: controller.signal });
      controller.abort();
      const error = await pending.then(() => null, (e: Error) => e);
      expect(error?.name).to.equal('AbortError');
    }));

  it('aborts a fetch in flight at teardown, whose promise then never settles', async () => {
    const url = `${APPS}${SLOW}?teardown=${Date.now()}`;
    let settled = '';
    await withApp(async (win) => {
      win.fetch(url).then(() => (settled = 'resolved'), () => (settled = 'rejected'));
      await sleep(50);
    });
    await sleep(500);
    expect(settled, 'the promise stays pending').to.equal('');
    // Chromium records an aborted fetch at once with status 0; an unaborted one would have answered 200 by now.
    const [entry] = performance.getEntriesByName(url) as PerformanceResourceTiming[];
    expect(entry?.responseStatus, 'the request was aborted').to.equal(0);
  });

  it('never settles a response body read after teardown', async () => {
    let response: Response | undefined;
    await withApp(async (win) => {
      response = await win.fetch('data.json');
    });
    let settled = '';
    response!.json().then(() => (settled += 'json '), () => (settled += 'json-error '));
    response!.clone().text().then(() => (settled += 'text '), () => (settled += 'text-error '));
    await sleep(200);
    expect(settled).to.equal('');
  });

  it('aborts an XHR in flight at teardown, and none of its listeners or handlers run', async () => {
    const heard: string[] = [];
    let inFlight: XMLHttpRequest | undefined;
    await withApp(async (win) => {
      // Control: before teardown the app hears its own abort, as natively.
      const aborted = new win.XMLHttpRequest() as XMLHttpRequest;
      hear(aborted as never, XHR_EVENTS, heard, 'control ');
      aborted.open('GET', SLOW);
      aborted.send();
      aborted.abort();
      expect(heard).to.include.members(['control abort', 'control onabort', 'control loadend', 'control onloadend']);

      inFlight = new win.XMLHttpRequest() as XMLHttpRequest;
      inFlight.open('GET', SLOW);
      hear(inFlight as never, XHR_EVENTS, heard);
      hear(inFlight.upload as never, XHR_EVENTS, heard, 'upload ');
      inFlight.send();
      await sleep(50);
      heard.length = 0;
    });
    await sleep(500);
    expect(heard).to.deep.equal([]);
    expect(inFlight!.readyState, 'aborted (it would be 4 had it completed)').to.equal(XMLHttpRequest.UNSENT);
  });

  it('closes EventSource and WebSocket at teardown, and their events never reach the app', async () => {
    const heard: string[] = [];
    let source: EventSource | undefined;
    let socket: WebSocket | undefined;
    await withApp(async (win) => {
      // Control: a JSON file is no event stream and no socket, so both fail and the app hears it.
      const failing = new win.EventSource('data.json') as EventSource;
      hear(failing as never, ['error'], heard, 'control source ');
      hear(new win.WebSocket('data.json'), ['error', 'close'], heard, 'control socket ');
      await until(() => heard.includes('control source onerror') && heard.includes('control socket onclose'), 3000, 'control failures');
      failing.close();
      heard.length = 0;

      source = new win.EventSource(SLOW) as EventSource;
      hear(source as never, ['open', 'message', 'error'], heard, 'source ');
      socket = new win.WebSocket(SLOW) as WebSocket;
      hear(socket as never, ['open', 'message', 'error', 'close'], heard, 'socket ');
      await sleep(50);
    });
    // Closed at once: left alone, both would still be connecting (the server answers after 300 ms).
    expect(source!.readyState, 'source closed').to.equal(EventSource.CLOSED);
    expect(socket!.readyState >= WebSocket.CLOSING, 'socket closing').to.equal(true);
    await sleep(600);
    expect(heard).to.deep.equal([]);
    expect(socket!.readyState).to.equal(WebSocket.CLOSED);
  });

  it('leaves the host window untouched', async () => {
    const check = (when: string) => {
      for (const name of NAMES) expect(host[name] === originals[name], `${name} ${when}`).to.equal(true);
      expect(XMLHttpRequest.prototype.open === open && XMLHttpRequest.prototype.send === send, `XHR prototype ${when}`).to.equal(true);
      expect(Response.prototype.json === json && Navigator.prototype.sendBeacon === sendBeacon, `prototypes ${when}`).to.equal(true);
    };
    await withApp(async () => check('while mounted'));
    check('after unmount');
  });
});
