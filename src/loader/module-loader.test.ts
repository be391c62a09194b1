import { expect } from '@open-wc/testing';
import { APPS, inside, mount, sleep, unmount, until } from '../test/helpers.js';

describe('ES module sub-apps run through es-module-shims inside the sandbox', () => {
  it('runs module scripts after classic ones and before DOMContentLoaded, with window/self/globalThis/document bound to the sandbox', async () => {
    const el = await mount('mods', `${APPS}/fixtures/modules/`);
    try {
      expect(el.status).to.equal('mounted');
      const { root, window: win } = inside(el);
      expect(win!.order).to.deep.equal([
        'classic-head',
        'classic-body',
        'main-module:shared#1',
        'inline-module:shared#2',
        'DOMContentLoaded',
      ]);
      expect(root.getElementById('out')!.textContent).to.equal('module ran');
      expect(win!.moduleGlobal).to.equal('set-by-module');
      expect(win!.viaGlobalThis && win!.viaSelf && win!.sameWindow).to.equal(true);
      expect(win!.metaUrl.startsWith(`${APPS}/fixtures/modules/main.js`)).to.equal(true);
      for (const key of ['moduleGlobal', 'viaGlobalThis', 'viaSelf', 'order']) expect(key in window, key).to.equal(false);
    } finally {
      await unmount(el);
    }
  });

  it("a module's own top-level var, function and const named like a sandbox binding are its own (no clashing import)", async () => {
    const el = await mount('mods-declare', `${APPS}/fixtures/modules/`);
    try {
      const { app, window: win } = inside(el);
      await app!.modules!.importInline(
        'var fetch = 1; function setTimeout() { return 2; } const history = 3; var name$1 = 4;' +
          'window.__declared = [fetch, setTimeout(), history, name$1, typeof document.createElement].join();',
        `${APPS}/fixtures/modules/`,
        98,
      );
      expect(win!.__declared).to.equal('1,2,3,4,function');
    } finally {
      await unmount(el);
    }
  });

  it('resolves dynamic import() against the module, sharing the instance graph', async () => {
    const el = await mount('mods-lazy', `${APPS}/fixtures/modules/`);
    try {
      const { root } = inside(el);
      (root.getElementById('lazy') as HTMLElement).click();
      await until(() => root.getElementById('out')!.textContent!.startsWith('lazy'), 3000, 'lazy module');
      expect(root.getElementById('out')!.textContent).to.equal('lazy loaded with shared#3 from /fixtures/modules/x');
    } finally {
      await unmount(el);
    }
  });

  it('gives two instances of one module app separate module instances', async () => {
    const a = await mount('mods-a', `${APPS}/fixtures/modules/`);
    const b = await mount('mods-b', `${APPS}/fixtures/modules/`);
    try {
      expect(inside(a).window!.order[2]).to.equal('main-module:shared#1');
      expect(inside(b).window!.order[2]).to.equal('main-module:shared#1');
      expect(inside(a).window!.moduleGlobal).to.equal('set-by-module');
    } finally {
      await unmount(a);
      await unmount(b);
    }
  });

  it('releases the timers and listeners a module set when the app unmounts, and remounts fresh', async () => {
    localStorage.removeItem('module-pinged');
    const el = await mount('mods-leak', `${APPS}/fixtures/modules/`);
    await until(() => localStorage.getItem('module-ticks'), 2000, 'module interval');
    await unmount(el);
    const ticks = localStorage.getItem('module-ticks');
    window.dispatchEvent(new Event('module-ping'));
    await sleep(150);
    expect(localStorage.getItem('module-ticks')).to.equal(ticks);
    expect(localStorage.getItem('module-pinged')).to.equal(null);
    const again = await mount('mods-leak', `${APPS}/fixtures/modules/`);
    expect(inside(again).window!.order[2]).to.equal('main-module:shared#1');
    await unmount(again);
  });
});
