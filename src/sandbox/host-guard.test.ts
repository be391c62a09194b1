import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';

describe('the host guard: what an app patches on the page’s shared prototypes', () => {
  it('routes a replaced addEventListener to the app’s nodes only, and undoes every patch at teardown', async () => {
    const before = {
      add: EventTarget.prototype.addEventListener,
      remove: EventTarget.prototype.removeEventListener,
      warn: console.warn,
      finally: Promise.prototype.finally,
    };
    const el = await mount('host-patches', `${APPS}/fixtures/host-patches/`);
    let report;
    try {
      expect(el.status).to.equal('mounted');
      const { root, window: win } = inside(el);
      // The app's own node goes through the app's wrapper.
      (root.getElementById('app-button') as HTMLElement).click();
      expect(root.getElementById('app-button')!.textContent).to.equal('1');
      expect(win!.wrappedCalls).to.equal(1);
      win!.probeXhr();
      expect(win!.wrappedCalls, 'the app’s XMLHttpRequest').to.equal(2);
      // A host node does not, and its listener comes off as it went on.
      const hostButton = document.createElement('button');
      document.body.append(hostButton);
      let clicks = 0;
      const count = () => clicks++;
      hostButton.addEventListener('click', count);
      hostButton.click();
      expect(win!.wrappedCalls, 'host listener not wrapped').to.equal(2);
      hostButton.removeEventListener('click', count);
      hostButton.click();
      hostButton.remove();
      expect(clicks).to.equal(1);
      // The other patches are on the page while the app runs (a sandbox cannot copy a shared prototype).
      expect(typeof (Array.prototype as any).porticoLast).to.equal('function');
    } finally {
      await unmount(el);
      report = el.leakReport;
    }
    expect(EventTarget.prototype.addEventListener).to.equal(before.add);
    expect(EventTarget.prototype.removeEventListener).to.equal(before.remove);
    expect(console.warn).to.equal(before.warn);
    expect(Promise.prototype.finally).to.equal(before.finally);
    expect('porticoLast' in Array.prototype).to.equal(false);
    expect('porticoFlash' in HTMLElement.prototype).to.equal(false);
    expect(report!.released.hostPatches).to.equal(6);
  });

  it('keeps what the host changed: before the app came, and on top of the app’s patch', async () => {
    const hostThing = () => 'host';
    (Array.prototype as any).hostThing = hostThing;
    const el = await mount('host-patches', `${APPS}/fixtures/host-patches/`);
    const hostWarn = () => undefined;
    try {
      expect(el.status).to.equal('mounted');
      // The host replaces the app's console.warn with its own.
      console.warn = hostWarn;
    } finally {
      await unmount(el);
    }
    try {
      expect(console.warn, 'the host’s replacement stays').to.equal(hostWarn);
      expect((Array.prototype as any).hostThing).to.equal(hostThing);
      expect('porticoLast' in Array.prototype).to.equal(false);
    } finally {
      delete (Array.prototype as any).hostThing;
    }
  });

  it('undoes only its own app’s patches when two apps run side by side', async () => {
    const plain = await mount('plain-neighbour', `${APPS}/fixtures/basic/`);
    const patching = await mount('host-patches', `${APPS}/fixtures/host-patches/`);
    const add = EventTarget.prototype.addEventListener;
    try {
      await unmount(plain);
      expect(plain.leakReport!.released.hostPatches ?? 0).to.equal(0);
      // The neighbour's teardown left the patching app's router in place.
      expect(EventTarget.prototype.addEventListener).to.equal(add);
      const { root, window: win } = inside(patching);
      (root.getElementById('app-button') as HTMLElement).click();
      await until(() => win!.wrappedCalls === 1, 1000, 'the app’s wrapper still runs');
    } finally {
      await unmount(patching);
    }
  });
});
