import { expect } from '@open-wc/testing';
import type { MicroAppErrorEvent, MicroAppMessageEvent, MicroAppStatusEvent } from './events.js';
import { canTransition, Lifecycle, type MicroAppStatus } from './lifecycle.js';
import { APPS, inside, mount, nextEvent, unmount, until } from '../test/helpers.js';

describe('lifecycle state machine', () => {
  it('refuses transitions that skip a step', () => {
    expect(canTransition('idle', 'mounted')).to.equal(false);
    expect(canTransition('mounted', 'loading')).to.equal(false);
    const seen: MicroAppStatus[] = [];
    const lifecycle = new Lifecycle((status) => seen.push(status));
    expect(lifecycle.to('mounted')).to.equal(false);
    expect(lifecycle.to('loading')).to.equal(true);
    expect(lifecycle.to('mounting')).to.equal(true);
    expect(lifecycle.to('mounting')).to.equal(false);
    expect(seen).to.deep.equal(['loading', 'mounting']);
  });
});

describe('<micro-app> lifecycle events and states', () => {
  it('fires bubbling, composed events for every step, and exposes the status as a custom state', async () => {
    const seen: string[] = [];
    const record = (event: Event) => {
      const e = event as MicroAppStatusEvent;
      expect(e.bubbles && e.composed).to.equal(true);
      seen.push(`${e.type}:${e.previous}`);
    };
    const types = ['micro-app-loading', 'micro-app-mounting', 'micro-app-mounted', 'micro-app-unmounting', 'micro-app-unmounted'];
    for (const type of types) document.addEventListener(type, record);
    try {
      const el = await mount('events', `${APPS}/fixtures/basic/`);
      expect(el.matches(':state(mounted)')).to.equal(true);
      // Once removed, the element is out of the tree: its teardown events reach listeners on the element itself.
      for (const type of types.slice(3)) el.addEventListener(type, record);
      await unmount(el);
      expect(el.matches(':state(unmounted)')).to.equal(true);
      expect(seen).to.deep.equal([
        'micro-app-loading:idle',
        'micro-app-mounting:loading',
        'micro-app-mounted:mounting',
        'micro-app-unmounting:mounted',
        'micro-app-unmounted:unmounting',
      ]);
    } finally {
      for (const type of types) document.removeEventListener(type, record);
    }
  });
});

describe('when lifecycles run', () => {
  it("an app with lifecycles mounts without waiting for an image still loading; its load event comes when the image is in", async () => {
    const started = performance.now();
    const el = await mount('life-slow-image', `${APPS}/fixtures/life-slow-image/`);
    try {
      expect(el.status).to.equal('mounted');
      // The image takes 2 s; the mount does not wait for it.
      expect(performance.now() - started).to.be.lessThan(1500);
      const { root, window: win } = inside(el);
      expect(root.getElementById('app')!.textContent).to.equal('mounted');
      expect(getComputedStyle(root.getElementById('app')!).color, 'its styles applied at mount').to.equal('rgb(0, 128, 0)');
      expect(win!.events).to.deep.equal(['bootstrap', 'mount:interactive']);
      await until(() => win!.events.length === 3, 5000, 'load once the image is in');
      expect(win!.events[2]).to.equal('load:complete:true');
    } finally {
      await unmount(el);
    }
  });

  it('with nothing left loading, load has fired by the time the app is mounted', async () => {
    const el = await mount('life-bootstrap', `${APPS}/fixtures/life-bootstrap/`);
    try {
      expect(el.status).to.equal('mounted');
      expect(inside(el).document!.readyState).to.equal('complete');
    } finally {
      await unmount(el);
    }
  });
});

describe('sub-apps written for other shells run unchanged', () => {
  it('qiankun: finds UMD lifecycles, passes props, injects the public path, calls update and unmount', async () => {
    localStorage.removeItem('qiankun-umd-unmounted');
    const el = await mount('qiankun', `${APPS}/fixtures/qiankun-umd/`, document.body, (e) => (e.data = { user: 'ada' }));
    const { root, window: win } = inside(el);
    expect(el.status).to.equal('mounted');
    expect(root.getElementById('root')!.textContent).to.equal('qiankun app mounted as qiankun (ada)');
    expect(win!.__webpack_public_path__).to.equal(`${APPS}/fixtures/qiankun-umd/`);
    el.data = { user: 'grace' };
    const calls: string[] = win!.calls;
    await until(() => calls.length === 3, 2000, 'update');
    expect(calls).to.deep.equal(['bootstrap', 'mount', 'update:grace']);
    await unmount(el);
    expect(calls.at(-1)).to.equal('unmount');
    // Torn down by default (parking is `park`, see app-pool.test.ts): nothing of it is left.
    expect(el.leakReport!.parked).to.equal(undefined);
    expect(win!.calls, 'globals are gone').to.equal(undefined);
    expect(localStorage.getItem('qiankun-umd-unmounted')).to.not.equal(null);
  });

  it('micro-app: UMD-mode lifecycles and window.microApp data both ways', async () => {
    const el = document.createElement('micro-app');
    el.setAttribute('name', 'ma');
    el.setAttribute('url', `${APPS}/fixtures/micro-app-umd/`);
    el.data = { greeting: 'hi' };
    const message = nextEvent<MicroAppMessageEvent>(el, 'micro-app-message');
    const mounted = nextEvent(el, 'micro-app-mounted', 'micro-app-error');
    document.body.append(el);
    expect((await mounted).type).to.equal('micro-app-mounted');
    const { root } = inside(el);
    expect(root.getElementById('app')!.textContent).to.equal('micro-app sees hi');
    const sent = await message;
    expect([sent.topic, sent.detail]).to.deep.equal(['data', { from: 'ma' }]);
    el.data = { greeting: 'hello again' };
    await until(() => root.getElementById('app')!.textContent === 'micro-app sees hello again', 2000, 'data listener');
    await unmount(el);
  });

  it('wujie: __WUJIE_MOUNT and __WUJIE_UNMOUNT with $wujie.props', async () => {
    localStorage.removeItem('wujie-unmounted');
    const el = await mount('wj', `${APPS}/fixtures/wujie-app/`, document.body, (e) => (e.data = { greeting: 'salut' }));
    const { root, window: win } = inside(el);
    expect(root.getElementById('app')!.textContent).to.equal('wujie props: salut');
    const calls: string[] = win!.wujieCalls;
    await unmount(el);
    expect(calls).to.deep.equal(['mount', 'unmount']);
    expect(localStorage.getItem('wujie-unmounted')).to.equal('1');
  });

  it('Portico API: registered lifecycles (hook arrays too), props, update, and messages up to the host', async () => {
    localStorage.removeItem('register-unmounted');
    const el = document.createElement('micro-app');
    el.setAttribute('name', 'reg');
    el.setAttribute('src', `${APPS}/fixtures/portico-register/`);
    el.data = { user: 'lin' };
    const ready = nextEvent<MicroAppMessageEvent>(el, 'micro-app-message');
    const mounted = nextEvent(el, 'micro-app-mounted');
    document.body.append(el);
    await mounted;
    const { root } = inside(el);
    expect(root.getElementById('app')!.textContent).to.equal('hello lin from reg');
    const first = await ready;
    expect([first.topic, first.detail, first.app]).to.deep.equal(['ready', { name: 'reg' }, 'reg']);
    el.data = { user: 'max' };
    await until(() => root.getElementById('app')!.textContent === 'hello max from reg', 2000, 'update');
    const clicked = nextEvent<MicroAppMessageEvent>(document, 'micro-app-message');
    (root.getElementById('app') as HTMLElement).click();
    expect((await clicked).topic).to.equal('clicked');
    await unmount(el);
    expect(localStorage.getItem('register-unmounted')).to.equal('bootstrap-1,bootstrap-2,mount,update');
  });

  it('zero-change apps with no lifecycles mount too', async () => {
    const el = await mount('plain', `${APPS}/fixtures/basic/`);
    expect(el.status).to.equal('mounted');
    expect(inside(el).app!.lifecycles).to.equal(undefined);
    await unmount(el);
  });
});

describe('lifecycle failures', () => {
  it('a rejecting mount leaves the element in error with PORTICO_LIFECYCLE_REJECTED and nothing of the app', async () => {
    const el = await mount('rejects', `${APPS}/fixtures/rejecting-mount/`);
    expect(el.status).to.equal('error');
    const { root } = inside(el);
    expect(root.querySelector('html') === null, 'no app DOM left').to.equal(true);
    await unmount(el);
  });

  it('a mount that never settles times out with PORTICO_LIFECYCLE_TIMEOUT', async () => {
    const el = document.createElement('micro-app');
    el.setAttribute('name', 'stuck');
    el.setAttribute('src', `${APPS}/fixtures/never-settles/`);
    el.setAttribute('timeout', '300');
    const failed = nextEvent<MicroAppErrorEvent>(el, 'micro-app-error');
    document.body.append(el);
    const event = await failed;
    event.preventDefault();
    expect(event.error.code).to.equal('PORTICO_LIFECYCLE_TIMEOUT');
    expect(event.error.message).to.match(/^\[portico\] app "stuck": mount\(\) did not settle within 300 ms \(PORTICO_LIFECYCLE_TIMEOUT\)/);
    await unmount(el);
  });
});
