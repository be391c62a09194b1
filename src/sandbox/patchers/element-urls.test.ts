import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount, until } from '../../test/helpers.js';

describe('URLs an app sets at run time', () => {
  it('resolve against the app, whether set as a property, an attribute, a srcset or through innerHTML', async () => {
    const srcBefore = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src');
    const el = await mount('runtime-urls', `${APPS}/fixtures/runtime-urls/`);
    try {
      const { root } = inside(el);
      const base = `${APPS}/fixtures/runtime-urls/`;
      const img = (id: string) => root.getElementById(id) as HTMLImageElement;
      expect(img('prop').src).to.equal(`${base}pixel.svg`);
      expect(img('rooted').getAttribute('src')).to.equal(`${base}pixel.svg`);
      expect(img('srcset').getAttribute('srcset')).to.equal(`${base}pixel.svg 1x, ${base}pixel.svg 2x`);
      expect((root.getElementById('anchor') as HTMLAnchorElement).href).to.equal(`${base}next.html`);
      await until(() => img('markup').getAttribute('src') === `${base}pixel.svg`, 2000, 'innerHTML img rewritten');
      expect(root.getElementById('hashlink')!.getAttribute('href')).to.equal('#top');
      for (const id of ['prop', 'rooted', 'markup']) {
        await until(() => img(id).complete && img(id).naturalWidth > 0, 2000, `${id} loaded from the app's origin`);
      }
    } finally {
      await unmount(el);
    }
    // Host elements and prototypes are untouched.
    expect(Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!.set === srcBefore!.set).to.equal(true);
    const hostImg = document.createElement('img');
    hostImg.src = './x.png';
    expect(hostImg.src).to.equal(new URL('./x.png', location.href).href);
    expect(Object.prototype.hasOwnProperty.call(hostImg, 'src')).to.equal(false);
  });
});
