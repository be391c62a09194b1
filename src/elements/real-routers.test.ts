import { expect } from '@open-wc/testing';
import { APPS, sleep, until } from '../test/helpers.js';
import { openTab, type Tab } from '../test/history-helpers.js';
import type { MicroAppElement } from './micro-app.js';

/** Apps built from demo/apps/router-* by scripts/build-fixtures.mjs. */
const VUE = `${APPS}/router-vue/`;
const VUE_HASH = `${APPS}/router-vue/hash.html`;
const REACT = `${APPS}/router-react/`;
/** Waits for `check`, then a little longer, to be sure nothing keeps navigating (routers fighting would). */
async function settles(check: () => boolean, what: string): Promise<void> {
  await until(check, 5000, what);
  await sleep(80);
  expect(check(), `${what}, and it stays`).to.equal(true);
}

/** Loads a UMD build from node_modules into the tab. */
function script(win: Window, src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    win.document.head.append(Object.assign(win.document.createElement('script'), { src, onload: resolve, onerror: reject }));
  });
}

describe('real routers inside <micro-app route>: vue-router 4 and react-router 7', () => {
  let t: Tab;
  const title = (el: MicroAppElement) => t.inside(el).root.querySelector('#title')?.textContent ?? '';
  const visits = (el: MicroAppElement) => [...(t.inside(el).window!.visits as string[])];
  const click = (el: MicroAppElement, selector: string) => (t.inside(el).root.querySelector(selector) as HTMLElement).click();
  const place = (name: string, src: string, route: string) => t.place({ name, src, route });
  const here = () => t.here();
  const history = () => t.win.history;
  beforeEach(async () => {
    t = await openTab();
  });
  afterEach(() => t.close());

  it('vue-router (history mode): deep link, RouterLink, router.push, back, forward and host pushes, each rendered once', async () => {
    history().pushState(null, '', '/shop/42?tab=2');
    const shop = place('shop', VUE, '/shop');
    await settles(() => title(shop) === 'detail 42 tab 2', 'deep link');
    expect(t.inside(shop).window!.__MICRO_APP_BASE_ROUTE__, 'a scoped app is at the root of its paths').to.equal('');
    click(shop, '#link43');
    await settles(() => title(shop) === 'detail 43' && here() === '/shop/43', 'RouterLink');
    t.inside(shop).window!.router.push('/44?tab=1');
    await settles(() => title(shop) === 'detail 44 tab 1' && here() === '/shop/44?tab=1', 'router.push');
    await t.traverse(() => history().back());
    await settles(() => title(shop) === 'detail 43' && here() === '/shop/43', 'back');
    await t.traverse(() => history().back());
    await settles(() => title(shop) === 'detail 42 tab 2', 'back again');
    await t.traverse(() => history().forward());
    await settles(() => title(shop) === 'detail 43', 'forward');
    history().pushState(null, '', '/shop/45');
    await settles(() => title(shop) === 'detail 45', 'the host moved the page inside the route');
    expect(visits(shop)).to.deep.equal(['/42?tab=2', '/43', '/44?tab=1', '/43', '/42?tab=2', '/43', '/45']);
    expect(t.inside(shop).window!.history.state.current, 'vue-router reads its own state back').to.equal('/45');
  });

  it('router-mode="native": an app whose router base is the route (micro-app/qiankun style) sees the full path', async () => {
    history().pushState(null, '', '/native-shop/42');
    const shop = t.place({ name: 'native-shop', src: VUE, route: '/native-shop', 'router-mode': 'native' });
    await settles(() => title(shop) === 'detail 42', 'deep link');
    const win = t.inside(shop).window!;
    expect(win.location.pathname + ' ' + win.__MICRO_APP_BASE_ROUTE__).to.equal('/native-shop/42 /native-shop');
    click(shop, '#link43');
    await settles(() => title(shop) === 'detail 43' && here() === '/native-shop/43', 'RouterLink');
    await t.traverse(() => history().back());
    await settles(() => title(shop) === 'detail 42', 'back');
    shop.navigate('/native-shop/44');
    await settles(() => title(shop) === 'detail 44', 'el.navigate with a full path');
  });

  it('vue-router (hash mode): the hash is the app’s, under the route', async () => {
    history().pushState(null, '', '/hash-shop#/42');
    const shop = place('hash-shop', VUE_HASH, '/hash-shop');
    await settles(() => title(shop) === 'detail 42', 'deep link');
    click(shop, '#link43');
    await settles(() => title(shop) === 'detail 43' && here() === '/hash-shop#/43', 'RouterLink');
    await t.traverse(() => history().back());
    await settles(() => title(shop) === 'detail 42' && here() === '/hash-shop#/42', 'back');
    t.win.location.hash = '#/46';
    await settles(() => title(shop) === 'detail 46', 'a typed hash');
    expect(visits(shop)).to.deep.equal(['/42', '/43', '/42', '/46']);
  });

  it('react-router (createBrowserRouter): deep link, Link, navigate, back and forward', async () => {
    history().pushState(null, '', '/tickets/42');
    const tickets = place('tickets', REACT, '/tickets');
    await settles(() => title(tickets) === 'detail 42', 'deep link');
    click(tickets, '#link44');
    await settles(() => title(tickets) === 'detail 44 tab 2' && here() === '/tickets/44?tab=2', 'Link');
    await t.inside(tickets).window!.router.navigate('/43');
    await settles(() => title(tickets) === 'detail 43' && here() === '/tickets/43', 'router.navigate');
    await t.traverse(() => history().back());
    await settles(() => title(tickets) === 'detail 44 tab 2', 'back');
    await t.traverse(() => history().back());
    await settles(() => title(tickets) === 'detail 42', 'back again');
    await t.traverse(() => history().go(2));
    await settles(() => title(tickets) === 'detail 43', 'forward two');
    expect(t.inside(tickets).window!.history.state.idx, 'react-router counts its own entries').to.equal(2);
  });

  it('vue-router and react-router on one page, same route: each keeps its state, neither loops', async () => {
    history().pushState(null, '', '/desk/42');
    const vue = place('desk-vue', VUE, '/desk');
    const react = place('desk-react', REACT, '/desk');
    await settles(() => title(vue) === 'detail 42' && title(react) === 'detail 42', 'both at the deep link');
    click(vue, '#link43');
    await settles(() => title(vue) === 'detail 43' && title(react) === 'detail 43', 'react follows vue’s push');
    click(react, '#link44');
    await settles(() => title(vue) === 'detail 44 tab 2' && title(react) === 'detail 44 tab 2', 'vue follows react’s push');
    await t.traverse(() => history().back());
    await settles(() => title(vue) === 'detail 43' && title(react) === 'detail 43', 'back');
    expect(t.inside(vue).window!.history.state.current).to.equal('/43');
    expect(t.inside(react).window!.history.state.idx).to.equal(0);
    expect(visits(vue)).to.deep.equal(['/42', '/43', '/44?tab=2', '/43']);
  });

  it('under a host vue-router: host and app routers stay in step without loops, and the host can go back to where the app was', async () => {
    await script(t.win, '/node_modules/vue/dist/vue.global.prod.js');
    await script(t.win, '/node_modules/vue-router/dist/vue-router.global.prod.js');
    const { createApp, h } = t.win.Vue;
    const { createRouter, createWebHistory, RouterView } = t.win.VueRouter;
    history().pushState(null, '', '/home');
    const Shop = { render: () => h('micro-app', { name: 'hosted-shop', src: VUE, route: '/shop' }) };
    const host = createRouter({
      history: createWebHistory('/'),
      routes: [
        { path: '/home', component: { render: () => h('p', 'home') } },
        { path: '/shop/:rest(.*)*', component: Shop },
      ],
    });
    const hostVisits: string[] = [];
    host.afterEach((to: { fullPath: string }) => hostVisits.push(to.fullPath));
    const container = t.win.document.body.appendChild(t.win.document.createElement('div'));
    const app = createApp({ render: () => h(RouterView) }).use(host);
    app.mount(container);
    try {
      await host.isReady();
      await host.push('/shop/42');
      const shop = (await until(() => container.querySelector('micro-app'), 2000, 'shop element')) as MicroAppElement;
      await settles(() => shop.status === 'mounted' && title(shop) === 'detail 42', 'app mounted by the host route');
      click(shop, '#link43');
      await settles(() => title(shop) === 'detail 43' && host.currentRoute.value.fullPath === '/shop/43', 'host router follows the app');
      await host.push('/shop/42');
      await settles(() => title(shop) === 'detail 42' && here() === '/shop/42', 'app follows the host router');
      await t.traverse(() => history().back());
      await settles(() => title(shop) === 'detail 43' && host.currentRoute.value.fullPath === '/shop/43', 'back');
      expect(visits(shop)).to.deep.equal(['/42', '/43', '/42', '/43']);
      expect(hostVisits).to.deep.equal(['/home', '/shop/42', '/shop/43', '/shop/42', '/shop/43']);
      await host.push('/home');
      await settles(() => shop.status === 'unmounted' && !shop.isConnected, 'the host route left: app torn down');
    } finally {
      app.unmount();
      container.remove();
    }
  });
});
