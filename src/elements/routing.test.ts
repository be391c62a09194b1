import { expect } from '@open-wc/testing';
import { APPS, nextEvent, sleep, until } from '../test/helpers.js';
import { openTab, type Tab } from '../test/history-helpers.js';
import { inRoute, normalizeRoute } from '../sandbox/patchers/route-level.js';
import type { MicroAppElement } from './micro-app.js';

const PLAIN = `${APPS}/fixtures/routing-plain/`;
const mounted = (el: MicroAppElement) => el.status === 'mounted';

describe('<micro-app route>: activation, deep links, back/forward, keep-alive, nesting', () => {
  let t: Tab;
  const text = (el: MicroAppElement, selector = '#view') => t.inside(el).root.querySelector(selector)?.textContent ?? '';
  const put = (name: string, attributes: Record<string, string> = {}) => t.place({ name, src: PLAIN, ...attributes });
  const shown = (el: MicroAppElement) => t.win.getComputedStyle(el).display !== 'none';
  beforeEach(async () => {
    t = await openTab();
  });
  afterEach(() => t.close());

  it('a route is a path prefix, matched segment by segment', () => {
    expect(['orders', '/orders/', ' /orders// ', '', '/', '/über'].map(normalizeRoute)).to.deep.equal(['/orders', '/orders', '/orders', '', '', '/%C3%BCber']);
    expect(['/orders', '/orders/', '/orders/1', '/ordersx', '/', '/order'].map((path) => inRoute('/orders', path))).to.deep.equal([true, true, true, false, false, false]);
    expect(inRoute('', '/anything')).to.equal(true);
  });

  it('mounts when the page URL enters its route and unmounts when it leaves; no route means always', async () => {
    t.win.history.pushState(null, '', '/elsewhere');
    const orders = put('orders', { route: '/orders' });
    const always = put('always');
    await until(() => mounted(always), 5000, 'the route-less app');
    await sleep(50);
    expect(orders.status).to.equal('idle');
    expect(orders.active).to.equal(false);
    t.win.history.pushState(null, '', '/orders/42');
    await until(() => mounted(orders) && text(orders) === 'detail 42', 5000, 'orders mounted at /42');
    expect(orders.active).to.equal(true);
    expect(text(always), 'the route-less app follows the page path').to.equal('not found /orders/42');
    t.win.history.pushState(null, '', '/ordersx');
    await until(() => orders.status === 'unmounted', 5000, 'orders unmounted');
    expect(mounted(always)).to.equal(true);
  });

  it('a deep link lands on the same screen when the page is reloaded, with several apps active', async () => {
    t.win.history.replaceState(null, '', '/shop/42?tab=2#notes');
    for (let load = 0; load < 2; load++) {
      const shop = put('shop', { route: '/shop' });
      const cart = put('cart', { route: '/shop/42' });
      await until(() => mounted(shop) && mounted(cart), 5000, 'both apps');
      expect(text(shop)).to.equal('detail 42');
      expect(text(cart)).to.equal('list');
      expect(t.inside(shop).root.querySelector('#view')!.getAttribute('data-url')).to.equal('/42?tab=2#notes');
      // A reload: everything goes, the URL stays, fresh elements start from it.
      for (const el of [shop, cart]) {
        const gone = nextEvent(el, 'micro-app-unmounted');
        el.remove();
        await gone;
      }
    }
  });

  it('back and forward across two apps land on the same screens', async () => {
    t.win.history.pushState(null, '', '/a/1');
    const a = put('a', { route: '/a' });
    const b = put('b', { route: '/b' });
    await until(() => mounted(a), 5000, 'a');
    t.inside(a).window!.go('/2');
    t.win.history.pushState(null, '', '/b/5');
    await until(() => mounted(b) && a.status === 'unmounted', 5000, 'b in, a out');
    await t.traverse(() => t.win.history.back());
    await until(() => mounted(a) && text(a) === 'detail 2' && b.status === 'unmounted', 5000, 'a back at /2');
    await t.traverse(() => t.win.history.back());
    await until(() => text(a) === 'detail 1', 5000, 'a at /1 (its own popstate)');
    await t.traverse(() => t.win.history.go(2));
    await until(() => mounted(b) && text(b) === 'detail 5' && a.status === 'unmounted', 5000, 'b forward at /5');
  });

  it('rapid route changes settle on the last one', async () => {
    t.win.history.pushState(null, '', '/');
    const a = put('a', { route: '/a' });
    const b = put('b', { route: '/b' });
    for (const path of ['/a/1', '/b/1', '/a/2', '/b/2', '/a/3']) t.win.history.pushState(null, '', path);
    await until(() => mounted(a) && text(a) === 'detail 3', 5000, 'a at /3');
    await sleep(50);
    expect(b.status === 'idle' || b.status === 'unmounted').to.equal(true);
  });

  it('the route changed back and forth 1,000 times, mid-load too: the final state is right and no instance is left over', async function () {
    this.timeout(60_000);
    t.win.history.pushState(null, '', '/');
    const a = put('a', { route: '/a' });
    const b = put('b', { route: '/b' });
    for (let i = 0; i < 1000; i++) {
      t.win.history.replaceState(null, '', i % 2 ? `/b/${i}` : `/a/${i}`);
      // Now and then let loads start, so that later switches land mid-load.
      if (i % 50 === 0) await sleep(i % 100 === 0 ? 0 : 30);
    }
    t.win.history.replaceState(null, '', '/a/7');
    await until(() => mounted(a) && text(a) === 'detail 7', 10_000, 'a at /7');
    await sleep(300);
    expect(b.status === 'idle' || b.status === 'unmounted', `b is ${b.status}`).to.equal(true);
    expect(t.inside(a).root.querySelectorAll('html').length, 'one instance of a').to.equal(1);
    expect(t.inside(b).root.querySelectorAll('html').length, 'no instance of b').to.equal(0);
  });

  it('keep-alive hides the app outside its route and shows it, untouched, when the URL comes back', async () => {
    t.win.history.pushState(null, '', '/a/1');
    const a = put('a', { route: '/a', 'keep-alive': '' });
    await until(() => mounted(a), 5000, 'a');
    const { window: win, root } = t.inside(a);
    const scroller = root.querySelector('#scroller')!;
    scroller.scrollTop = 100;
    win!.kept = 'state';
    const hidden = nextEvent(a, 'micro-app-hidden');
    t.win.history.pushState(null, '', '/b');
    await hidden;
    expect(shown(a)).to.equal(false);
    expect(a.status).to.equal('mounted');
    expect(a.matches(':state(hidden)')).to.equal(true);
    const ticks = win!.ticks as number;
    t.win.history.pushState(null, '', '/b/2');
    await until(() => win!.ticks > ticks + 2, 2000, 'timers keep running while hidden');
    expect(win!.log.length, 'a hidden app hears nothing').to.equal(0);

    const shownEvent = nextEvent(a, 'micro-app-shown');
    await t.traverse(() => t.win.history.go(-2));
    await shownEvent;
    expect(shown(a) && t.inside(a).window === win && win!.kept === 'state').to.equal(true);
    expect(scroller.scrollTop).to.equal(100);
    expect(win!.log.length, 'its URL and entry are where it left them: no popstate').to.equal(0);
    expect(text(a)).to.equal('detail 1');

    t.win.history.pushState(null, '', '/b');
    await nextEvent(a, 'micro-app-hidden');
    t.win.history.pushState(null, '', '/a/7');
    await nextEvent(a, 'micro-app-shown');
    await until(() => text(a) === 'detail 7', 2000, 'a shown at a new path hears popstate');
  });

  it('el.navigate() moves the page inside the app’s route; __PORTICO__.navigate() moves the portal', async () => {
    t.win.history.pushState(null, '', '/');
    const orders = put('orders', { route: '/orders' });
    let hostPops = 0;
    t.win.addEventListener('popstate', () => hostPops++);
    orders.navigate('/42?tab=1');
    expect(t.here()).to.equal('/orders/42?tab=1');
    await until(() => mounted(orders) && text(orders) === 'detail 42', 5000, 'mounted at /42');
    orders.navigate('/43');
    await until(() => text(orders) === 'detail 43', 2000, 'the running app follows');
    expect(hostPops, 'the host router heard each move once').to.equal(2);
    t.inside(orders).window!.__PORTICO__.navigate('/todos');
    expect(t.here()).to.equal('/todos');
    await until(() => orders.status === 'unmounted', 5000, 'left its route');
  });

  it('location.reload() inside the app restarts the app, not the page', async () => {
    t.win.history.pushState(null, '', '/orders/5');
    const orders = put('orders', { route: '/orders' });
    await until(() => mounted(orders), 5000, 'mounted');
    const first = t.inside(orders).window;
    t.inside(orders).window!.location.reload();
    await until(() => mounted(orders) && t.inside(orders).window !== first, 5000, 'restarted');
    expect(text(orders)).to.equal('detail 5');
  });

  it('an app can host its own <micro-app route>, relative to its own path', async () => {
    t.win.history.pushState(null, '', '/outer/inner/7');
    const outer = t.place({ name: 'outer', route: '/outer', src: `${APPS}/fixtures/routing-nest/` });
    await until(() => mounted(outer), 5000, 'outer');
    const inner = () => t.inside(outer).root.querySelector('micro-app') as MicroAppElement;
    await until(() => mounted(inner()), 5000, 'inner');
    expect(text(outer, '#outer')).to.equal('outer at /inner/7');
    expect(text(inner())).to.equal('detail 7');
    t.inside(inner()).window!.go('/8');
    expect(t.here()).to.equal('/outer/inner/8');
    await until(() => text(outer, '#outer') === 'outer at /inner/8', 2000, 'outer hears its path move');
    expect(t.inside(inner()).window!.log.length).to.equal(0);
    t.win.history.pushState(null, '', '/outer/other');
    await until(() => inner().status === 'unmounted', 5000, 'inner left its route');
    expect(mounted(outer)).to.equal(true);
    await t.traverse(() => t.win.history.back());
    await until(() => mounted(inner()) && text(inner()) === 'detail 8', 5000, 'inner back at /8');
  });
});
