import { expect } from '@open-wc/testing';
import { APPS, nextEvent, until } from '../test/helpers.js';
import { openTab, type Tab } from '../test/history-helpers.js';
import type { MicroAppElement } from './micro-app.js';

const PLAIN = `${APPS}/fixtures/routing-plain/`;

describe('an app that navigated is removed: its URL goes with it unless keep-router-state', () => {
  let t: Tab;
  const view = (el: MicroAppElement) => t.inside(el).root.querySelector('#view')?.textContent ?? '';
  const link = (el: MicroAppElement, id: string) => (t.inside(el).root.getElementById(id) as HTMLElement).click();
  const remove = async (el: MicroAppElement) => {
    const gone = nextEvent(el, 'micro-app-unmounted');
    el.remove();
    await gone;
  };
  beforeEach(async () => {
    t = await openTab();
    t.win.history.replaceState(null, '', '/');
  });
  afterEach(() => t.close());

  it('a history-routing app without route: the page goes back to where it was, and the next element starts at its home', async () => {
    const first = await t.mount({ name: 'plain', src: PLAIN });
    expect(view(first)).to.equal('list');
    link(first, 'to43');
    await until(() => view(first) === 'detail 43', 3000, 'navigated');
    expect(t.here()).to.equal('/43');
    let hostHeard = 0;
    t.win.addEventListener('popstate', () => hostHeard++);
    await remove(first);
    expect(t.here(), 'the URL the app pushed is gone').to.equal('/');
    await until(() => hostHeard > 0, 1000, "the host's router hears it");
    const second = await t.mount({ name: 'plain', src: PLAIN });
    expect(view(second), 'starts at its home').to.equal('list');
  });

  it('keep-router-state keeps the URL, and the next element starts where the first left off', async () => {
    const first = await t.mount({ name: 'plain', src: PLAIN, 'keep-router-state': '' });
    link(first, 'to43');
    await until(() => view(first) === 'detail 43', 3000, 'navigated');
    await remove(first);
    expect(t.here()).to.equal('/43');
    const second = await t.mount({ name: 'plain', src: PLAIN });
    expect(view(second)).to.equal('detail 43');
  });

  it('a routed app: the page goes back to the route it entered at', async () => {
    t.win.history.replaceState(null, '', '/orders');
    const first = await t.mount({ name: 'orders', src: PLAIN, route: '/orders' });
    link(first, 'to44q');
    await until(() => view(first) === 'detail 44', 3000, 'navigated');
    link(first, 'to43');
    await until(() => view(first) === 'detail 43', 3000, 'navigated again');
    expect(t.here()).to.equal('/orders/43');
    await remove(first);
    expect(t.here()).to.equal('/orders');
    const second = await t.mount({ name: 'orders', src: PLAIN, route: '/orders' });
    expect(view(second)).to.equal('list');
  });

  it('leaves the URL alone when the host (or the user) moved the page after the app', async () => {
    const first = await t.mount({ name: 'plain', src: PLAIN });
    link(first, 'to43');
    await until(() => view(first) === 'detail 43', 3000, 'navigated');
    t.win.history.pushState(null, '', '/settings');
    await remove(first);
    expect(t.here(), "the host's URL stays").to.equal('/settings');

    const again = await t.mount({ name: 'plain', src: PLAIN });
    link(again, 'to43');
    await until(() => view(again) === 'detail 43', 3000, 'navigated');
    await t.traverse(() => t.win.history.back());
    expect(t.here()).to.equal('/settings');
    await remove(again);
    expect(t.here(), 'after going back, the URL is the user\'s').to.equal('/settings');
  });

  it('reload() restarts the app where it is', async () => {
    const el = await t.mount({ name: 'plain', src: PLAIN });
    link(el, 'to43');
    await until(() => view(el) === 'detail 43', 3000, 'navigated');
    await el.reload();
    await until(() => el.status === 'mounted', 3000, 'reloaded');
    expect(t.here()).to.equal('/43');
    expect(view(el)).to.equal('detail 43');
  });

  it('a history-routing app loading with axios and fetch: its page shows its data, and after removal the next one starts at home', async () => {
    const src = `${APPS}/fixtures/axios-router/`;
    const first = await t.mount({ name: 'users', src });
    expect(view(first)).to.equal('home');
    link(first, 'users');
    await until(() => view(first) === 'Ada, Grace, Linus | 3 by fetch', 3000, 'data by axios and fetch');
    expect(t.here()).to.equal('/users');
    await remove(first);
    expect(t.here()).to.equal('/');
    const second = await t.mount({ name: 'users', src });
    expect(view(second)).to.equal('home');
  });
});
