import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';

/** This page's resource-timing entries whose URL contains `part`. */
const fetches = (part: string) => performance.getEntriesByType('resource').filter((e) => e.name.includes(part)) as PerformanceResourceTiming[];

describe('module warm-up', () => {
  it("fetches an entry's module sources while its classic scripts download, and still runs the modules after them", async () => {
    const el = await mount('warm-up', `${APPS}/fixtures/module-warmup/`);
    try {
      expect(el.status).to.equal('mounted');
      const { root, window: win } = inside(el);
      expect(root.getElementById('out')!.textContent).to.equal('hello, warm-up after classic');
      expect(win!.order).to.deep.equal(['classic', 'module']);
      const classic = fetches('/module-warmup/classic.js');
      expect(classic).to.have.length(1);
      for (const file of ['main.js', 'dep.js']) {
        // Portico's own request (a fetch, not the browser's modulepreload of the link) ...
        const own = fetches(`/module-warmup/${file}`).filter((e) => e.initiatorType === 'fetch');
        expect(own, file).to.have.length(1);
        // ... went out before the slow classic script had arrived, and the loader fetched nothing again.
        expect(own[0]!.startTime, file).to.be.lessThan(classic[0]!.responseEnd - 100);
        expect(own[0]!.name, file).not.to.include('#portico');
      }
    } finally {
      await unmount(el);
    }
  });

  it('keeps no failed or non-JavaScript preload for a module: the app mounts, and a remount asks again for those only', async () => {
    const before = fetches('/module-warmup/').length;
    const el = await mount('warm-up-again', `${APPS}/fixtures/module-warmup/`);
    try {
      expect(el.status).to.equal('mounted');
      await until(() => inside(el).root.getElementById('out')!.textContent === 'hello, warm-up after classic', 2000, 'module ran');
      // The modules and the classic script come from the page's cache; the 404 and the stylesheet were
      // never kept, so they are asked for again (as the browser's own modulepreload of the links does).
      const own = () => fetches('/module-warmup/').slice(before).filter((e) => e.initiatorType === 'fetch');
      // An entry is only written once its body is done: an unusable answer's body is cancelled (module-warmup.ts).
      await until(() => own().length >= 2, 2000, 'the two preloads asked for again');
      expect(own().map((e) => e.name.slice(e.name.lastIndexOf('/') + 1)).sort()).to.deep.equal(['missing.js', 'not-a-module.css']);
    } finally {
      await unmount(el);
    }
  });
});
