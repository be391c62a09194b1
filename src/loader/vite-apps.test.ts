import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';

const click = (el: Element | null) => (el as HTMLElement).click();

for (const [label, path] of [
  ["base: './'", 'vue'],
  ["Vite's default base: '/' (root-relative asset and preload URLs)", 'vue-root'],
] as const) {
  describe(`a Vue 3 Vite production build with ${label}`, () => {
    it('renders, reacts to clicks, lazy-loads a chunk with its CSS, and resolves import.meta.url assets on its own origin', async () => {
      const el = await mount(`inventory-${path}`, `${APPS}/${path}/`);
      try {
        expect(el.status).to.equal('mounted');
        const { root, window: win } = inside(el);
        await until(() => root.getElementById('total'), 3000, 'Vue render');
        expect(root.getElementById('total')!.textContent).to.equal('Total: 47 units');
        click(root.getElementById('inc-0'));
        await until(() => root.getElementById('total')!.textContent === 'Total: 48 units', 2000, 'reactivity');
        click(root.getElementById('load-chart'));
        await until(() => root.querySelector('#chart .loaded'), 5000, 'lazy chunk');
        // The chunk's scoped CSS arrived through Vite's preload helper into the app's own head.
        await until(() => getComputedStyle(root.getElementById('chart')!).borderTopStyle === 'dashed', 3000, 'chunk CSS');
        const logo = root.getElementById('logo') as HTMLImageElement;
        await until(() => logo.complete, 2000, 'logo');
        expect(logo.naturalWidth).to.be.greaterThan(0);
        expect(new URL(logo.src).origin).to.equal(APPS);
        expect('__VUE__' in window, 'Vue globals stay off the host').to.equal(false);
        expect(win!.__VUE__).to.equal(true);
      } finally {
        await unmount(el);
      }
    });
  });
}
