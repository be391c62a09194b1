import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount } from '../../test/helpers.js';

/**
 * demo/fixtures/host-patches wraps `EventTarget.prototype.addEventListener`
 * as zone.js does (counting `wrappedCalls`) and reads its FileReader, media
 * query list and IndexedDB listeners back (`probeTargets`).
 */
describe('the app’s own event targets that are not nodes', () => {
  it('routes the app’s FileReader, media query lists, IndexedDB requests and animations to the app’s wrapper, and the host’s own to the original; closes its connections', async () => {
    let version = 0;
    const globals = { FileReader: window.FileReader, matchMedia: window.matchMedia, indexedDB: window.indexedDB };
    const el = await mount('host-patches', `${APPS}/fixtures/host-patches/`);
    try {
      expect(el.status).to.equal('mounted');
      const { window: win } = inside(el);
      expect(await win!.probeTargets()).to.equal(5);
      expect(win!.indexedDB).to.be.instanceOf(IDBFactory);
      expect(String(win!.indexedDB)).to.equal('[object IDBFactory]');
      // The host's own instances of the same classes, while the app's wrapper is on the page.
      const calls = win!.wrappedCalls;
      const hostXhr = new XMLHttpRequest();
      hostXhr.addEventListener('probe', () => undefined);
      hostXhr.dispatchEvent(new Event('probe'));
      const hostReader = new FileReader();
      const read = new Promise((resolve) => hostReader.addEventListener('load', resolve));
      hostReader.readAsText(new Blob(['host']));
      await read;
      const hostList = matchMedia('(min-width: 1px)');
      hostList.addEventListener('change', () => undefined);
      hostList.dispatchEvent(new Event('change'));
      const hostAnimation = document.body.animate([{ opacity: 0.5 }, { opacity: 1 }], 10);
      await new Promise((resolve) => hostAnimation.addEventListener('finish', resolve));
      expect(win!.wrappedCalls, 'host event targets not wrapped').to.equal(calls);
      // The app's classes still take the host's instances for theirs.
      expect(hostReader instanceof win!.FileReader).to.equal(true);
      expect(new win!.FileReader() instanceof FileReader).to.equal(true);
      version = await win!.openAndKeep();
    } finally {
      await unmount(el);
    }
    expect(window.FileReader).to.equal(globals.FileReader);
    expect(window.matchMedia).to.equal(globals.matchMedia);
    expect(window.indexedDB).to.equal(globals.indexedDB);
    // The connection the app left open is closed: an upgrade does not wait for it ('blocked').
    const upgrade = indexedDB.open('portico-kept', version + 1);
    const outcome = await new Promise((resolve) => {
      upgrade.onblocked = () => resolve('blocked');
      upgrade.onsuccess = () => resolve('success');
    });
    if (outcome === 'success') upgrade.result.close();
    expect(outcome).to.equal('success');
  });
});
