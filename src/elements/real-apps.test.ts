import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';

const click = (el: Element | null) => (el as HTMLElement).click();

describe('real third-party apps run unchanged', () => {
  it('a jQuery app with globals shared between scripts renders and responds to clicks', async () => {
    const el = await mount('todos', `${APPS}/jquery/`);
    try {
      const { root, window: win } = inside(el);
      // jQuery runs ready handlers in a timeout after DOMContentLoaded, as it does standalone.
      await until(() => root.getElementById('count')!.textContent === '2 items', 2000, 'jQuery ready');
      click(root.getElementById('add'));
      expect(root.getElementById('count')!.textContent).to.equal('3 items');
      expect(root.querySelectorAll('#list li').length).to.equal(3);
      expect(typeof win!.jQuery).to.equal('function');
      expect(win!.todos.length).to.equal(3);
      for (const key of ['jQuery', '$', 'todos', 'render', 'addTodo']) expect(key in window, key).to.equal(false);
      // The logo, a relative <img>, came from the app's origin.
      expect((root.querySelector('img') as HTMLImageElement).naturalWidth).to.be.greaterThan(0);
    } finally {
      await unmount(el);
    }
  });

  it('a React 19 webpack build renders, handles clicks, and loads a lazy JSONP chunk into its sandbox', async () => {
    const el = await mount('orders', `${APPS}/react/`);
    try {
      const { root, window: win } = inside(el);
      await until(() => root.getElementById('inc'), 3000, 'React render');
      click(root.getElementById('inc'));
      await until(() => root.getElementById('inc')!.textContent === 'Clicked 1 times', 2000, 'React click');
      click(root.getElementById('details'));
      await until(() => root.textContent!.includes('Order details loaded'), 5000, 'lazy chunk');
      // The chunk ran in the sandbox: its JSONP array is the app's, and the host has none.
      expect(Object.keys(window).some((key) => key.startsWith('webpackChunk'))).to.equal(false);
      expect(Object.keys(win!.webpackChunkportico_demo_react).length).to.be.greaterThan(0);
    } finally {
      await unmount(el);
    }
  });

  it('two instances of the same app under two names stay isolated', async () => {
    const a = await mount('todos-a', `${APPS}/jquery/`);
    const b = await mount('todos-b', `${APPS}/jquery/`);
    try {
      for (const el of [a, b]) await until(() => inside(el).root.getElementById('count')!.textContent === '2 items', 2000, 'ready');
      click(inside(a).root.getElementById('add'));
      click(inside(a).root.getElementById('add'));
      expect(inside(a).root.getElementById('count')!.textContent).to.equal('4 items');
      expect(inside(b).root.getElementById('count')!.textContent).to.equal('2 items');
      expect(inside(a).window!.todos).to.not.equal(inside(b).window!.todos);
      expect(inside(a).window!.jQuery).to.not.equal(inside(b).window!.jQuery);
    } finally {
      await unmount(a);
      await unmount(b);
    }
  });

  it('several different apps on one page at once', async () => {
    const apps = await Promise.all([
      mount('m-jquery', `${APPS}/jquery/`),
      mount('m-react', `${APPS}/react/`),
      mount('m-basic', `${APPS}/fixtures/basic/`),
      mount('m-qiankun', `${APPS}/fixtures/qiankun-umd/`),
    ]);
    try {
      expect(apps.map((el) => el.status)).to.deep.equal(['mounted', 'mounted', 'mounted', 'mounted']);
      await until(() => inside(apps[1]!).root.getElementById('inc'), 3000, 'React render');
      await until(() => inside(apps[0]!).root.getElementById('count')!.textContent === '2 items', 2000, 'jQuery ready');
      click(inside(apps[0]!).root.getElementById('add'));
      expect(inside(apps[0]!).root.getElementById('count')!.textContent).to.equal('3 items');
    } finally {
      for (const el of apps) await unmount(el);
    }
  });
});
