import { expect } from '@open-wc/testing';
import type { MicroAppElement } from '../elements/micro-app.js';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';

/** Mounts `fixtures/<name>/`, hands its root and sandbox window to `body`, then unmounts it. */
async function withFixture(name: string, body: (root: ShadowRoot, win: Window & Record<string, any>) => Promise<void>) {
  const el: MicroAppElement = await mount(name, `${APPS}/fixtures/${name}/`);
  try {
    expect(el.status).to.equal('mounted');
    const { root, window: win } = inside(el);
    await body(root!, win!);
  } finally {
    await unmount(el);
  }
}

const text = (root: ShadowRoot, id: string) => root.getElementById(id)?.textContent ?? '';
const onHost = (...names: string[]) => names.filter((name) => name in window);

describe('real libraries run unchanged in the sandbox', () => {
  it('lodash attaches _ to the app window only, and works', () =>
    withFixture('lodash', async (root, win) => {
      expect(text(root, 'chunks')).to.equal('[[1,2],[3,4],[5]]');
      await until(() => text(root, 'debounced').startsWith('debounced 2 with lodash 4.'), 2000, 'the debounced call');
      expect(typeof win._.chunk).to.equal('function');
      expect(win._.chunk(['a', 'b', 'c'], 2)).to.deep.equal([['a', 'b'], ['c']]);
      expect(onHost('_')).to.deep.equal([]);
    }));

  it('moment attaches to the app window only, formats dates, and keeps its statics', () =>
    withFixture('moment', async (root, win) => {
      expect(text(root, 'date')).to.equal('Tuesday, January 2nd 2024');
      expect(text(root, 'humanized')).to.equal('2 hours');
      expect(text(root, 'statics')).to.equal('function function function true');
      expect(win.moment().format('YYYY')).to.equal(String(new Date().getFullYear()));
      expect(typeof win.moment.version).to.equal('string');
      expect(onHost('moment')).to.deep.equal([]);
    }));

  it('jQuery attaches $ to the app window only, queries the app tree, handles clicks and loads JSON from the app origin', () =>
    withFixture('jquery', async (root, win) => {
      await until(() => text(root, 'copy') === 'hello from jQuery', 2000, 'jQuery ready');
      expect(win.$('#x').text()).to.equal('hello from jQuery');
      (root.getElementById('btn') as HTMLButtonElement).click();
      (root.getElementById('btn') as HTMLButtonElement).click();
      expect(text(root, 'btn')).to.equal('2');
      await until(() => text(root, 'ajax') !== 'waiting', 3000, '$.getJSON');
      expect(text(root, 'ajax')).to.equal('jQuery got data.json');
      expect(onHost('$', 'jQuery')).to.deep.equal([]);
    }));

  it('Vue 2 renders, and its reactivity keeps working after real clicks', () =>
    withFixture('vue2', async (root, win) => {
      await until(() => text(root, 'inc').trim() === 'Clicked 0 times', 2000, 'Vue render');
      const button = () => root.getElementById('inc') as HTMLButtonElement;
      button().click();
      await until(() => text(root, 'inc').trim() === 'Clicked 1 times', 2000, 'the first re-render');
      button().click();
      await until(() => text(root, 'inc').trim() === 'Clicked 2 times', 2000, 'the second re-render');
      expect(text(root, 'double')).to.equal('Double: 4');
      expect(root.querySelectorAll('#items li').length).to.equal(2);
      expect(win.vm.count).to.equal(2);
      expect(onHost('Vue', 'vm')).to.deep.equal([]);
    }));

  it('native functions and constructors read from the window work unbound and keep their identity', () =>
    withFixture('globals', async (root, win) => {
      await until(() => text(root, 'raf') === 'frame number', 2000, 'the unbound requestAnimationFrame');
      expect(text(root, 'checks')).to.equal('true true true true true true true');
      expect(win.Array === Array && win.Image === Image && win.URL === URL && win.Event === Event, 'same constructors as the host').to.equal(true);
      const raf = win.requestAnimationFrame;
      await new Promise((resolve) => raf(resolve));
    }));
});
