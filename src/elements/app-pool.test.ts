import { expect } from '@open-wc/testing';
import { releaseParkedApps, setParkingLimit, parkedCount } from './app-pool.js';
import type { MicroAppElement } from './micro-app.js';
import { countEffects } from '../test/effect-counter.js';
import { openTab } from '../test/history-helpers.js';
import { APPS, inside, mount, sleep, unmount, until } from '../test/helpers.js';

const SRC = `${APPS}/fixtures/parking/`;

/** Mounts the parking fixture with `park` and records the topics it sends up. */
async function mountParking(setup?: (el: MicroAppElement) => void) {
  const topics: string[] = [];
  const el = await mount('parking', SRC, document.body, (el) => {
    el.setAttribute('park', '');
    el.addEventListener('micro-app-message', (event) => topics.push((event as Event & { topic: string }).topic));
    setup?.(el);
  });
  return { el, topics };
}

const park = (el: MicroAppElement) => el.setAttribute('park', '');

describe('parking apps with lifecycles (<micro-app park>)', () => {
  afterEach(async () => {
    setParkingLimit(10);
    await releaseParkedApps();
  });

  it('mounts again by calling mount() only: no script runs again, the new element shows the app with its new data', async () => {
    const first = await mountParking((el) => (el.data = { user: 'ada' }));
    expect(first.topics).to.deep.equal(['script-ran', 'mounted']);
    expect(inside(first.el).root.getElementById('root')!.textContent).to.equal('mounted 1 time(s), data {"user":"ada"}');
    const win = inside(first.el).window!;
    await unmount(first.el);
    expect(first.el.leakReport!.parked).to.equal(true);
    expect(parkedCount()).to.equal(1);

    const second = await mountParking((el) => (el.data = { user: 'grace' }));
    expect(second.topics, 'the script did not run again').to.deep.equal(['mounted']);
    expect(inside(second.el).window === win, 'same sandbox').to.equal(true);
    expect(inside(second.el).root.getElementById('root')!.textContent).to.equal('mounted 2 time(s), data {"user":"grace"}');
    expect(parkedCount()).to.equal(0);
    await unmount(second.el);
  });

  it('releases what mount() started and unmount() forgot, and keeps what the scripts set up dormant until the next mount', async () => {
    const { el } = await mountParking();
    const win = inside(el).window!;
    const appRoot = inside(el).root;
    await until(() => win.mountTicks > 2 && win.loadTicks > 2, 2000, 'both intervals tick');
    await unmount(el);
    expect(el.leakReport!.released).to.deep.equal({ intervals: 1, listeners: 1 });
    expect(appRoot.host.isConnected, 'the app tree left the page').to.equal(false);
    const [mountTicks, loadTicks] = [win.mountTicks, win.loadTicks];
    await sleep(60);
    expect(win.mountTicks, 'the interval started by mount() stopped').to.equal(mountTicks);
    expect(win.loadTicks, "the scripts' own interval is paused while parked").to.equal(loadTicks);
    const back = await mountParking();
    expect(inside(back.el).window === win).to.equal(true);
    await until(() => win.loadTicks > loadTicks + 2, 2000, "the scripts' interval ticks again");
    await unmount(back.el);
  });

  it('leaves nothing on the host while parked (the scripts\' listeners and timers, Portico\'s own), and nothing once released', async () => {
    const counter = countEffects();
    try {
      const before = counter.snapshot();
      const { el } = await mountParking();
      expect(counter.snapshot().windowListeners, 'mounted: its listeners are on the page').to.be.greaterThan(before.windowListeners);
      await unmount(el);
      expect(counter.snapshot(), 'parked: nothing of it on the page').to.deep.equal(before);
      expect(await releaseParkedApps()).to.equal(1);
      expect(counter.snapshot()).to.deep.equal(before);
    } finally {
      counter.restore();
    }
  });

  it('a parked jQuery app hears no page event, runs no timer, and comes back with its delegated handlers working', async () => {
    const counter = countEffects();
    try {
      const before = counter.snapshot();
      const first = await mount('life-jquery', `${APPS}/fixtures/life-jquery/`, document.body, park);
      const win = inside(first).window!;
      document.body.click();
      expect(win.heard.clicks, 'mounted, it hears page clicks as standalone').to.equal(1);
      await unmount(first);
      expect(counter.snapshot(), 'nothing of it on the page').to.deep.equal(before);
      const heard = { ...win.heard };
      document.body.click();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
      window.dispatchEvent(new Event('resize'));
      await sleep(60);
      expect(win.heard, 'parked: no click, key, resize or tick reached it').to.deep.equal(heard);

      const second = await mount('life-jquery', `${APPS}/fixtures/life-jquery/`, document.body, park);
      expect(inside(second).window === win, 'the parked app came back').to.equal(true);
      const root = inside(second).root;
      // Its script state is kept (two mounts, two items); the delegated click handler on document works again.
      expect(root.querySelector('.count')!.textContent).to.equal('2 item(s)');
      root.querySelector<HTMLElement>('.add')!.click();
      expect(root.querySelector('.count')!.textContent).to.equal('3 item(s)');
      window.dispatchEvent(new Event('resize'));
      expect(win.heard.resizes).to.equal(heard.resizes + 1);
      await until(() => win.heard.ticks > heard.ticks, 2000, 'its interval runs again');
      await unmount(second);
      await releaseParkedApps();
      expect(counter.snapshot()).to.deep.equal(before);
    } finally {
      counter.restore();
    }
  });

  it('a parked Vue 2 app renders, counts and ticks again when it comes back', async () => {
    const src = `${APPS}/fixtures/life-vue2/`;
    const first = await mount('life-vue2', src, document.body, park);
    const inc = (el: MicroAppElement) => inside(el).root.getElementById('inc');
    await until(() => inc(first), 2000, 'Vue render');
    inc(first)!.click();
    await until(() => inc(first)!.textContent === 'Clicked 1 times', 2000, 'click');
    await unmount(first);
    expect(first.leakReport!.parked).to.equal(true);

    const second = await mount('life-vue2', src, document.body, park);
    expect(inside(second).window!.mounts, 'mount() ran again, the script did not').to.equal(2);
    await until(() => inc(second)?.textContent === 'Clicked 0 times', 2000, 'a new Vue instance renders');
    inc(second)!.click();
    await until(() => inside(second).root.getElementById('double')!.textContent === 'Double: 2', 2000, 'reactive after parking');
    const ticks = () => Number(inside(second).root.getElementById('ticks')!.textContent);
    const now = ticks();
    await until(() => ticks() > now, 2000, 'its interval ticks');
    await unmount(second);
  });

  it('a parked Bootstrap app keeps none of its delegated document handlers on the page, and its modal opens again when it is back', async () => {
    const src = `${APPS}/fixtures/life-bootstrap/`;
    const counter = countEffects();
    try {
      const before = counter.snapshot();
      const first = await mount('life-bootstrap', src, document.body, park);
      expect(counter.snapshot().documentListeners, "Bootstrap's delegated handlers are on the page while mounted").to.be.greaterThan(before.documentListeners);
      await unmount(first);
      expect(counter.snapshot(), 'parked: none left').to.deep.equal(before);

      const second = await mount('life-bootstrap', src, document.body, park);
      const root = inside(second).root;
      root.getElementById('open')!.click();
      await until(() => root.getElementById('dialog')!.classList.contains('show'), 3000, 'the modal opens');
      expect(root.querySelector('.modal-body')!.textContent).to.equal('Mounted 2 time(s)');
      root.getElementById('close')!.click();
      await until(() => !root.getElementById('dialog')!.classList.contains('show'), 3000, 'the modal closes');
      await unmount(second);
      await releaseParkedApps();
      await sleep(50);
      expect(counter.snapshot()).to.deep.equal(before);
    } finally {
      counter.restore();
    }
  });

  it('a real React 19 lifecycle app (webpack UMD) renders and handles clicks again after parking, and leaves nothing once released', async () => {
    const src = `${APPS}/fixtures/bench-lifecycle/`;
    const counter = countEffects();
    try {
      const before = counter.snapshot();
      const first = await mount('bench-lifecycle', src, document.body, park);
      const button = () => inside(first).root.getElementById('inc');
      await until(() => button(), 3000, 'React render');
      button()!.click();
      button()!.click();
      await until(() => button()!.textContent === 'Clicked 2 times', 2000, 'clicks');
      const win = inside(first).window!;
      await unmount(first);
      expect(first.leakReport!.parked).to.equal(true);

      const second = await mount('bench-lifecycle', src, document.body, park);
      expect(inside(second).window === win, 'the same sandbox, scripts not run again').to.equal(true);
      const again = () => inside(second).root.getElementById('inc');
      await until(() => again()?.textContent === 'Clicked 0 times', 3000, 'React renders afresh');
      again()!.click();
      await until(() => again()!.textContent === 'Clicked 1 times', 2000, 'click after parking');
      await unmount(second);
      await releaseParkedApps();
      await sleep(50);
      expect(counter.snapshot()).to.deep.equal(before);
    } finally {
      counter.restore();
    }
  });

  it("hears nothing while parked, and where the page went meanwhile once it is back", async () => {
    const tab = await openTab();
    try {
      tab.win.history.pushState(null, '', '/parked/a');
      const el = await tab.mount({ name: 'parking', src: SRC, route: '/parked', park: '' });
      const win = tab.inside(el).window!;
      tab.win.history.pushState(null, '', '/elsewhere');
      await until(() => el.status === 'unmounted', 3000, 'parked');
      tab.win.history.pushState(null, '', '/elsewhere/again');
      tab.win.history.pushState(null, '', '/parked/b');
      await until(() => el.status === 'mounted', 3000, 'back');
      expect(tab.inside(el).window === win, 'the parked sandbox came back').to.equal(true);
      await until(() => win.popstates.length > 0, 2000, 'popstate');
      expect(win.popstates).to.deep.equal(['/b']);
    } finally {
      await tab.close();
    }
  });

  it('never parks without `park`, with `destroy`, after reload(), or beyond the parking limit', async () => {
    const bare = await mount('parking', SRC);
    await unmount(bare);
    expect(bare.leakReport!.parked, 'the bare tag tears down').to.equal(undefined);
    expect(parkedCount()).to.equal(0);
    const destroyed = await mountParking((el) => el.setAttribute('destroy', ''));
    await unmount(destroyed.el);
    expect(destroyed.el.leakReport!.parked).to.equal(undefined);
    expect(parkedCount()).to.equal(0);

    const reloaded = await mountParking();
    await reloaded.el.reload();
    await until(() => reloaded.el.status === 'mounted', 3000, 'reloaded');
    expect(reloaded.topics, 'a reload runs the scripts again').to.deep.equal(['script-ran', 'mounted', 'script-ran', 'mounted']);
    await unmount(reloaded.el);

    setParkingLimit(1);
    const other = await mount('parking-2', SRC, document.body, park);
    await unmount(other);
    expect(parkedCount(), 'parking-2 has no lifecycles under its name, so it is torn down').to.equal(1);
    setParkingLimit(0);
    expect(parkedCount()).to.equal(0);
  });
});
