import { expect } from '@open-wc/testing';
import { APPS, inside, mount, nextEvent, sleep, unmount, until } from '../test/helpers.js';

const KEYS = ['leaky-ticks', 'leaky-timeout', 'leaky-frames', 'leaky-window-pings', 'leaky-document-pings'];

/** Runs the leaky fixture, checks it is alive, then applies `teardown` and checks nothing of it is left. */
async function provesTeardown(teardown: (el: HTMLElement) => Promise<void>) {
  for (const key of KEYS) localStorage.removeItem(key);
  const el = await mount('leaky', `${APPS}/fixtures/leaky/`);
  const { root, window: win } = inside(el);
  const appHtml = root.querySelector('html')!;
  expect(win!.leakyGlobal).to.equal('mine');
  expect(win!.implicitGlobal).to.equal('oops');
  for (const key of ['leakyGlobal', 'explicitGlobal', 'implicitGlobal', 'ticks']) expect(key in window, key).to.equal(false);
  await until(() => Number(localStorage.getItem('leaky-ticks')) > 2, 3000, 'interval ticks');
  window.dispatchEvent(new Event('leaky-ping'));
  document.dispatchEvent(new Event('leaky-ping'));
  expect(localStorage.getItem('leaky-window-pings')).to.equal('1');
  expect(localStorage.getItem('leaky-document-pings')).to.equal('1');

  await teardown(el);

  const ticks = localStorage.getItem('leaky-ticks');
  const frames = localStorage.getItem('leaky-frames');
  window.dispatchEvent(new Event('leaky-ping'));
  document.dispatchEvent(new Event('leaky-ping'));
  await sleep(400);
  expect(localStorage.getItem('leaky-ticks'), 'interval stopped').to.equal(ticks);
  expect(localStorage.getItem('leaky-frames'), 'animation frames stopped').to.equal(frames);
  expect(localStorage.getItem('leaky-timeout'), 'pending timeout cancelled').to.equal(null);
  expect(localStorage.getItem('leaky-window-pings'), 'window listener removed').to.equal('1');
  expect(localStorage.getItem('leaky-document-pings'), 'document listener removed').to.equal('1');
  expect(win!.leakyGlobal, 'sandbox globals dropped').to.equal(undefined);
  expect(win!.explicitGlobal).to.equal(undefined);
  expect(appHtml.isConnected, 'app DOM removed').to.equal(false);
  expect(root.getElementById('ticks') === null, 'app DOM removed').to.equal(true);
  for (const key of ['leakyGlobal', 'explicitGlobal', 'implicitGlobal']) expect(key in window, key).to.equal(false);
  el.remove();
}

describe('teardown leaves nothing of the app', () => {
  it('when the element is removed, and the leak report says what the app had left running', () =>
    provesTeardown(async (el) => {
      const { app } = inside(el as never);
      const done = nextEvent(el, 'micro-app-unmounted');
      el.remove();
      await done;
      expect(app!.report!.released).to.deep.include({ intervals: 1, timeouts: 1, animationFrames: 1, listeners: 2 });
      expect(app!.report!.released.globals).to.be.greaterThanOrEqual(4);
      expect(app!.report!.leftBehind).to.deep.equal({});
      expect((el as never as { leakReport: unknown }).leakReport === app!.report, 'el.leakReport').to.equal(true);
    }));


  it('when src changes, and the new app mounts in its place', () =>
    provesTeardown(async (el) => {
      const remounted = nextEvent(el, 'micro-app-mounted');
      el.setAttribute('src', `${APPS}/fixtures/basic/`);
      await remounted;
      expect(inside(el as never).root.getElementById('title')!.textContent).to.equal('Basic');
    }));

  it('when name changes', () =>
    provesTeardown(async (el) => {
      const remounted = nextEvent(el, 'micro-app-mounted');
      el.setAttribute('name', 'leaky-renamed');
      await remounted;
      expect(inside(el as never).window!.leakyGlobal).to.equal('mine');
      await unmount(el as never);
    }));

  it('keeps the app running when the element is only moved', async () => {
    const el = await mount('moved', `${APPS}/fixtures/basic/`);
    const other = document.createElement('section');
    document.body.append(other);
    other.append(el);
    await sleep(50);
    expect(el.status).to.equal('mounted');
    await unmount(el);
    other.remove();
  });
});

describe('an app removed mid-load is not kept reachable', () => {
  /**
   * Collects garbage until `ref` is cleared (needs --js-flags=--expose-gc, see web-test-runner.config.mjs).
   * Asynchronous major GC: run from a task with no JavaScript on the stack, so Blink does not keep
   * DOM objects alive by scanning the test's own stack frames.
   */
  const collected = async (ref: WeakRef<object>) => {
    const gc = (globalThis as { gc?: (options: object) => Promise<void> }).gc!;
    for (let i = 0; i < 20 && ref.deref(); i++) {
      await gc({ type: 'major', execution: 'async' });
      await sleep(50);
    }
    return ref.deref() === undefined;
  };

  it('removed while Portico waits for its stylesheet: its window and tree are collected at once, not after the wait times out', async () => {
    const el = document.createElement('micro-app');
    el.setAttribute('name', 'mid-load');
    el.setAttribute('src', `${APPS}/fixtures/slow-sheet/`);
    document.body.append(el);
    await until(() => inside(el).root.getElementById('out')?.textContent === 'rendered', 5000, 'the app rendered');
    expect(el.status, 'still waiting for the stylesheet').to.equal('mounting');
    const win = new WeakRef(inside(el).window as object);
    const tree = new WeakRef(inside(el).root.querySelector('html') as object);
    const gone = nextEvent(el, 'micro-app-unmounted');
    el.remove();
    await gone;
    expect(el.status).to.equal('unmounted');
    expect(await collected(win), "the app's window").to.equal(true);
    expect(await collected(tree), "the app's tree").to.equal(true);
  });
});
