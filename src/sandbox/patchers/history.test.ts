import { expect } from '@open-wc/testing';
import type { MicroAppElement } from '../../elements/micro-app.js';
import { APPS, nextEvent, sleep, until } from '../../test/helpers.js';
import { openTab, type Tab } from '../../test/history-helpers.js';

const PLAIN = `${APPS}/fixtures/routing-plain/`;
const APPS_ORIGIN = new URL(APPS).origin;

describe('scoped location and history (patchers/history.ts)', () => {
  let t: Tab;
  const text = (el: MicroAppElement, selector = '#view') => t.inside(el).root.querySelector(selector)?.textContent ?? '';
  const log = (el: MicroAppElement) => t.inside(el).window!.log as Array<Record<string, any>>;
  const orders = () => t.mount({ name: 'orders', src: PLAIN, route: '/orders' });
  beforeEach(async () => {
    t = await openTab();
  });
  afterEach(() => t.close());

  it('the app sees its own path under its route, on its own origin; its pushState moves the page and keeps the host state', async () => {
    t.win.history.replaceState({ host: 'kept' }, '', '/orders/42?tab=2#notes');
    const el = await orders();
    const win = t.inside(el).window!;
    expect(win.location.pathname).to.equal('/42');
    expect(win.location.search).to.equal('?tab=2');
    expect(win.location.hash).to.equal('#notes');
    expect(win.location.origin).to.equal(APPS_ORIGIN);
    expect(win.location.href).to.equal(`${APPS_ORIGIN}/42?tab=2#notes`);
    expect(String(win.location)).to.equal(`${APPS_ORIGIN}/42?tab=2#notes`);
    expect(win.document.location === win.location && win.document.URL === win.location.href).to.equal(true);
    expect(win.location instanceof t.win.Location && win.history instanceof t.win.History).to.equal(true);
    expect(text(el)).to.equal('detail 42');

    win.go('/43', { n: 1 });
    expect(t.here()).to.equal('/orders/43');
    expect(win.history.state).to.deep.equal({ n: 1 });
    expect(t.win.history.state.host, 'the host state travels into the new entry').to.equal('kept');
    expect(text(el)).to.equal('detail 43');
    win.history.replaceState({ n: 2 }, '', `${APPS_ORIGIN}/43?x=1`);
    expect(t.here()).to.equal('/orders/43?x=1');
    win.history.pushState(null, '', '/');
    expect(t.here(), 'the app root is the route itself').to.equal('/orders');
    await sleep(10);
    expect(log(el).length, 'no popstate for its own pushes').to.equal(0);
    expect(() => win.history.pushState(null, '', 'https://elsewhere.example/')).to.throw(/cannot be created/);
  });

  it('back and forward fire the app’s popstate with its own state, and history.back() inside the app moves the page', async () => {
    t.win.history.replaceState(null, '', '/orders/1');
    const el = await orders();
    const win = t.inside(el).window!;
    win.go('/2', { n: 2 });
    win.go('/3', { n: 3 });
    await t.traverse(() => t.win.history.back());
    expect(t.here()).to.equal('/orders/2');
    expect(log(el).map((e) => [e.type, e.url, e.state?.n, e.current?.n, e.self])).to.deep.equal([['popstate', '/2', 2, 2, true]]);
    expect(text(el)).to.equal('detail 2');
    await t.traverse(() => win.history.forward());
    expect(log(el).at(-1)!.state).to.deep.equal({ n: 3 });
    expect(text(el)).to.equal('detail 3');
    await t.traverse(() => t.win.history.go(-2));
    expect(log(el).at(-1)!.url).to.equal('/1');
    expect(log(el).at(-1)!.state, 'an entry the app never wrote has no state for it').to.equal(null);
  });

  it('location.href, assign, replace, window.location = and a bare location = navigate inside the app, without a page load', async () => {
    t.win.history.replaceState(null, '', '/orders');
    const el = await orders();
    const win = t.inside(el).window!;
    const first = t.entryKey();
    win.location.href = '/50';
    expect(t.here()).to.equal('/orders/50');
    await until(() => text(el) === 'detail 50', 2000, 'popstate render');
    expect(t.entryKey(), 'a new entry').not.to.equal(first);
    win.eval('window.location = "/51"');
    await until(() => text(el) === 'detail 51', 2000, 'window.location =');
    win.eval('location = "/52?q=1"');
    await until(() => text(el) === 'detail 52', 2000, 'location =');
    expect(t.here()).to.equal('/orders/52?q=1');
    const before = t.entryKey();
    win.location.replace('/53');
    await until(() => text(el) === 'detail 53', 2000, 'replace');
    expect(t.entryKey(), 'replace adds no entry').to.equal(before);
    win.document.location.assign('54');
    await until(() => text(el) === 'detail 54', 2000, 'relative assign');
    win.location.pathname = '/55';
    await until(() => text(el) === 'detail 55', 2000, 'pathname =');
    expect(log(el).filter((e) => e.type === 'popstate').length).to.equal(6);
  });

  it('location.hash is a fragment navigation: popstate then hashchange, with the app’s URLs', async () => {
    t.win.history.replaceState(null, '', '/orders/7');
    const el = await orders();
    const win = t.inside(el).window!;
    const changed = nextEvent(t.win, 'hashchange');
    win.location.hash = 'notes';
    expect(t.here()).to.equal('/orders/7#notes');
    await changed;
    await sleep(0);
    expect(log(el).map((e) => e.type)).to.deep.equal(['popstate', 'hashchange']);
    expect(log(el)[1]).to.deep.include({ oldURL: `${APPS_ORIGIN}/7`, newURL: `${APPS_ORIGIN}/7#notes` });
  });

  it('links inside the app navigate within it; fragment links, target=_blank and prevented clicks are left alone', async () => {
    t.win.history.replaceState(null, '', '/orders/1');
    let leaked = 0;
    // A link that was not taken over would load another page into the tab.
    t.win.addEventListener('click', (event: Event) => {
      if (!event.defaultPrevented) {
        event.preventDefault();
        leaked++;
      }
    });
    const el = await orders();
    const { root } = t.inside(el);
    (root.querySelector('#to43') as HTMLElement).click();
    expect(t.here()).to.equal('/orders/43');
    await until(() => text(el) === 'detail 43', 2000, 'link render');
    (root.querySelector('#to44q') as HTMLElement).click();
    await until(() => text(el) === 'detail 44', 2000, 'link with query');
    expect(t.here()).to.equal('/orders/44?tab=2');
    const link = root.querySelector('#home') as HTMLElement;
    link.addEventListener('click', (e) => e.preventDefault(), { once: true });
    link.click();
    (root.querySelector('#blank') as HTMLElement).click();
    await sleep(10);
    expect(t.here(), 'prevented and _blank clicks do not navigate the app').to.equal('/orders/44?tab=2');
    expect(leaked, 'only the _blank link reached the page').to.equal(1);
  });

  it('two apps keep their states apart and hear only changes of their own URL or entries', async () => {
    t.win.history.replaceState(null, '', '/b/1');
    const whole = await t.mount({ name: 'whole', src: PLAIN });
    const b = await t.mount({ name: 'b', src: PLAIN, route: '/b' });
    const wholeWin = t.inside(whole).window!;
    const bWin = t.inside(b).window!;
    expect(`${wholeWin.location.pathname} ${bWin.location.pathname}`).to.equal('/b/1 /1');
    wholeWin.history.replaceState({ mine: 'whole' }, '');
    bWin.history.pushState({ mine: 'b' }, '');
    await sleep(10);
    expect(log(whole).length + log(b).length, 'a state-only push is nobody else’s change').to.equal(0);
    expect(wholeWin.history.state).to.deep.equal({ mine: 'whole' });
    bWin.go('/2', { mine: 'b2' });
    await sleep(10);
    expect(log(b).length, 'not its own push').to.equal(0);
    expect(log(whole).map((e) => [e.url, e.state?.mine])).to.deep.equal([['/b/2', 'whole']]);
    await t.traverse(() => t.win.history.back());
    expect(log(b).map((e) => [e.url, e.state?.mine])).to.deep.equal([['/1', 'b']]);
    expect(log(whole).length).to.equal(2);
    await t.traverse(() => t.win.history.back());
    expect(log(b).map((e) => e.state && e.state.mine), 'b crossed its own entry').to.deep.equal(['b', null]);
    expect(log(whole).length, 'whole did not: same URL, same entry').to.equal(2);
  });

  it('an app’s own dispatchEvent(popstate) reaches only its listeners, and onpopstate works', async () => {
    t.win.history.replaceState(null, '', '/orders/3');
    const el = await orders();
    const win = t.inside(el).window!;
    let host = 0;
    t.win.addEventListener('popstate', () => host++);
    let handler = 0;
    win.onpopstate = function (this: unknown) {
      if (this === win) handler++;
    };
    win.dispatchEvent(new t.win.PopStateEvent('popstate', { state: { x: 1 } }));
    expect(log(el).length + handler).to.equal(2);
    expect(host).to.equal(0);
    win.onpopstate = null;
    win.dispatchEvent(new t.win.PopStateEvent('popstate'));
    expect(handler).to.equal(1);
  });

  it('host pushes inside the route reach the app as popstate; after unmount nothing does', async () => {
    t.win.history.replaceState(null, '', '/orders/1');
    const el = await orders();
    t.win.history.pushState(null, '', '/orders/9');
    await until(() => text(el) === 'detail 9', 2000, 'host push seen');
    const seen = log(el);
    const gone = nextEvent(el, 'micro-app-unmounted');
    el.remove();
    await gone;
    t.win.history.pushState(null, '', '/orders/10');
    await sleep(10);
    expect(seen.length).to.equal(1);
  });
});
