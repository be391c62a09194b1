import { expect } from '@open-wc/testing';
import { releaseParkedApps, setParkingLimit, parkedCount } from './app-pool.js';
import type { MicroAppElement } from './micro-app.js';
import { countEffects } from '../test/effect-counter.js';
import { openTab } from '../test/history-helpers.js';
import { APPS, inside, mount, sleep, unmount, until } from '../test/helpers.js';

const SRC = `${APPS}/fixtures/parking/`;

/** Mounts the parking fixture and records the topics it sends up. */
async function mountParking(setup?: (el: MicroAppElement) => void) {
  const topics: string[] = [];
  const el = await mount('parking', SRC, document.body, (el) => {
    el.addEventListener('micro-app-message', (event) => topics.push((event as Event & { topic: string }).topic));
    setup?.(el);
  });
  return { el, topics };
}

describe('parking apps with lifecycles', () => {
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

  it('releases what mount() started and unmount() forgot, keeps what the scripts set up, and shows nothing while parked', async () => {
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
    expect(win.loadTicks, "the scripts' own interval still runs").to.be.greaterThan(loadTicks);
  });

  it('leaves the host as it found it once parked apps are released', async () => {
    const counter = countEffects();
    try {
      const before = counter.snapshot();
      const { el } = await mountParking();
      await unmount(el);
      const parked = counter.snapshot();
      expect(parked.windowListeners, "parked: the scripts' resize listener stays").to.be.greaterThan(before.windowListeners);
      expect(await releaseParkedApps()).to.equal(1);
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
      const first = await mount('bench-lifecycle', src);
      const button = () => inside(first).root.getElementById('inc');
      await until(() => button(), 3000, 'React render');
      button()!.click();
      button()!.click();
      await until(() => button()!.textContent === 'Clicked 2 times', 2000, 'clicks');
      const win = inside(first).window!;
      await unmount(first);
      expect(first.leakReport!.parked).to.equal(true);

      const second = await mount('bench-lifecycle', src);
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
      const el = await tab.mount({ name: 'parking', src: SRC, route: '/parked' });
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

  it('never parks with `destroy`, after reload(), or beyond the parking limit', async () => {
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
    const other = await mount('parking-2', SRC);
    await unmount(other);
    expect(parkedCount(), 'parking-2 has no lifecycles under its name, so it is torn down').to.equal(1);
    setParkingLimit(0);
    expect(parkedCount()).to.equal(0);
  });
});
