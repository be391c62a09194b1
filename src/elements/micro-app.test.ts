import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount } from '../test/helpers.js';

describe('<micro-app> loading an HTML entry', () => {
  it('mounts the entry in a closed shadow root that the page cannot reach', async () => {
    const el = await mount('basic', `${APPS}/fixtures/basic/`);
    try {
      expect(el.status).to.equal('mounted');
      expect(el.shadowRoot === null, 'shadowRoot is hidden').to.equal(true);
      expect((el as unknown as { renderRoot: unknown }).renderRoot).to.equal(el);
      expect(document.getElementById('title') === null, 'app DOM is not in the page').to.equal(true);
      const { root } = inside(el);
      expect(root.querySelector('h1')!.textContent).to.equal('Basic');
      expect(root.querySelector('html > body > h1')).to.not.equal(null);
    } finally {
      await unmount(el);
    }
  });

  it('resolves relative and root-relative URLs against the entry, not the host', async () => {
    const el = await mount('urls', `${APPS}/fixtures/basic/`);
    try {
      const { root } = inside(el);
      const base = `${APPS}/fixtures/basic/`;
      expect(root.querySelector('#logo')!.getAttribute('src')).to.equal(`${base}pixel.svg`);
      expect(root.querySelector('#logo')!.getAttribute('srcset')).to.equal(`${base}pixel.svg 1x, ${base}pixel.svg 2x`);
      expect(root.querySelector('#rooted')!.getAttribute('src')).to.equal(`${base}pixel.svg`);
      expect(root.querySelector('#link')!.getAttribute('href')).to.equal(`${base}page2.html`);
      expect(root.querySelector('#hash')!.getAttribute('href')).to.equal('#section');
      expect(root.querySelector('link[rel=stylesheet]')!.getAttribute('href')).to.equal(`${base}style.css`);
      // Loaded from the entry's origin: decode() rejects for a broken image. (naturalWidth is not
      // used: Chromium 150 reports 0 for a srcset image the page already has in its memory cache.)
      const logo = root.querySelector('#logo') as HTMLImageElement;
      expect(logo.currentSrc).to.equal(`${base}pixel.svg`);
      await logo.decode();
      // Inline <style> and style attributes: url() rewritten, root-relative onto the entry's origin.
      const bg = (id: string) => getComputedStyle(root.getElementById(id)!).backgroundImage;
      expect(bg('bg')).to.equal(`url("${base}pixel.svg")`);
      const probe = root.ownerDocument.createElement('div');
      probe.className = 'root-bg';
      root.querySelector('body')!.append(probe);
      expect(getComputedStyle(probe).backgroundImage).to.equal(`url("${base}pixel.svg")`);
    } finally {
      await unmount(el);
    }
  });

  it('applies linked and inline stylesheets inside the root only', async () => {
    const el = await mount('styles', `${APPS}/fixtures/basic/`);
    const outside = document.createElement('h1');
    outside.className = 'from-linked-sheet';
    document.body.append(outside);
    try {
      const { root } = inside(el);
      expect(getComputedStyle(root.getElementById('styled')!).color).to.equal('rgb(200, 0, 0)');
      expect(getComputedStyle(root.getElementById('styled')!).backgroundImage).to.equal(`url("${APPS}/fixtures/basic/pixel.svg")`);
      expect(getComputedStyle(root.getElementById('title')!).color).to.equal('rgb(10, 20, 30)');
      expect(getComputedStyle(outside).color).to.not.equal('rgb(200, 0, 0)');
      expect(getComputedStyle(outside).color).to.not.equal('rgb(10, 20, 30)');
    } finally {
      outside.remove();
      await unmount(el);
    }
  });

  it('runs classic, inline, defer and async scripts in browser order, with DOMContentLoaded and load', async () => {
    const el = await mount('order', `${APPS}/fixtures/basic/`);
    try {
      const win = inside(el).window!;
      expect(win.order).to.deep.equal(['head-inline', 'external', 'body-inline', 'deferred', 'DOMContentLoaded', 'load']);
      expect(win.asyncRan).to.equal(true);
      expect(win.readyAtHead).to.equal('loading');
      expect(win.readyInDefer).to.equal('interactive');
      expect(win.document.readyState).to.equal('complete');
      expect(win.currentScriptSrc).to.equal(`${APPS}/fixtures/basic/external.js`);
    } finally {
      await unmount(el);
    }
  });

  it('shares top-level var, function, class and const across scripts, off the host window', async () => {
    const el = await mount('globals', `${APPS}/fixtures/basic/`);
    try {
      const { root, window: win } = inside(el);
      expect(root.getElementById('out')!.textContent).to.equal('fn:from-head|42|external:from-head');
      expect(win!.sharedVar).to.equal('from-head');
      expect(typeof win!.sharedFn).to.equal('function');
      for (const key of ['sharedVar', 'sharedFn', 'externalValue', 'order', 'asyncRan']) {
        expect(key in window, key).to.equal(false);
      }
      expect(win!.bodyFound).to.equal(true);
      expect(win!.headIsHead).to.equal(true);
      expect(win!.topThis).to.equal(true);
    } finally {
      await unmount(el);
    }
  });
});

describe('<micro-app> public surface', () => {
  it('reflects name, src and route set as properties, as frameworks set them, so attribute selectors still match', async () => {
    const el = document.createElement('micro-app') as HTMLElement & { name: string; src: string; route: string; updateComplete: Promise<unknown> };
    el.name = 'reflected';
    el.route = '/never-visited-by-this-test';
    el.src = `${APPS}/fixtures/basic/`;
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(el.getAttribute('name')).to.equal('reflected');
      expect(el.getAttribute('src')).to.equal(`${APPS}/fixtures/basic/`);
      expect(el.getAttribute('route')).to.equal('/never-visited-by-this-test');
      expect(document.querySelector('micro-app[name="reflected"]')).to.equal(el);
      // micro-app's `url` attribute is an alias: it sets the property, which reflects as `src`.
      el.setAttribute('url', `${APPS}/fixtures/other/`);
      await el.updateComplete;
      expect(el.src).to.equal(`${APPS}/fixtures/other/`);
      expect(el.getAttribute('src')).to.equal(`${APPS}/fixtures/other/`);
    } finally {
      el.remove();
    }
  });
});
