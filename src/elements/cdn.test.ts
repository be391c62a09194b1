import { expect } from '@open-wc/testing';
import { APPS, until } from '../test/helpers.js';

describe('the CDN build', () => {
  it('loaded cross-origin with <script type="module" src>, defines <micro-app> with no set-up call and mounts an app, even when loaded twice', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 600px; height: 400px';
    frame.srcdoc = `<!doctype html>
      <script>window.errors = []; addEventListener('error', (e) => errors.push(e.message));</script>
      <script type="module" src="${APPS}/cdn/portico.js"></script>
      <script type="module" src="${APPS}/cdn/portico.js?second-copy"></script>
      <micro-app name="from-cdn" src="${APPS}/fixtures/basic/"></micro-app>`;
    document.body.append(frame);
    try {
      const win = frame.contentWindow as Window & typeof globalThis & { errors: string[] };
      await until(() => win.document?.querySelector('micro-app'), 5000, 'iframe document');
      const el = win.document.querySelector('micro-app')!;
      await until(() => el.status === 'mounted' || el.status === 'error', 10_000, 'CDN app to mount');
      expect(el.status).to.equal('mounted');
      expect(win.customElements.get('micro-app')).to.not.equal(undefined);
      expect(el.shadowRoot === null).to.equal(true);
      // The app rendered: its <h1> takes up room in the iframe's layout.
      expect(el.getBoundingClientRect().height).to.be.greaterThan(20);
      expect(win.errors).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
