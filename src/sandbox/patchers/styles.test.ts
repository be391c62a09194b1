import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount, until } from '../../test/helpers.js';

describe('styles inside the shadow root', () => {
  it('host CSS does not restyle the app, app CSS does not restyle the host, and :root, html, body and CSSOM rules apply inside', async () => {
    const loud = document.createElement('style');
    loud.textContent = `
      body { font-family: fantasy !important; color: rgb(128, 0, 128); }
      h1 { color: rgb(0, 128, 0) !important; }
      .box { border-left: 9px solid red; }
    `;
    document.head.append(loud);
    const hostH1 = document.createElement('h1');
    hostH1.textContent = 'host';
    document.body.append(hostH1);
    const el = await mount('styles', `${APPS}/fixtures/styles/`);
    try {
      const { root } = inside(el);
      const style = (id: string) => getComputedStyle(root.getElementById(id)!);
      await until(() => style('title').color === 'rgb(10, 20, 30)', 3000, 'linked :root custom property');
      expect(style('accent').color, 'inline :root custom property').to.equal('rgb(1, 2, 3)');
      expect(style('para').borderLeftWidth, 'host .box rule does not apply').to.equal('0px');
      expect(style('para').fontFamily, "the portal's font is not inherited").to.not.contain('fantasy');
      expect(style('para').color, "the portal's colour is not inherited").to.equal('rgb(0, 0, 0)');
      const body = getComputedStyle(root.querySelector('body')!);
      expect([body.marginTop, body.paddingTop], 'body rules apply').to.deep.equal(['0px', '7px']);
      expect(getComputedStyle(root.querySelector('html')!).display).to.equal('block');
      expect(style('runtime').borderTopColor, 'insertRule').to.equal('rgb(4, 5, 6)');
      // The app's h1 rule stays inside.
      expect(getComputedStyle(hostH1).color).to.equal('rgb(0, 128, 0)');
      expect(getComputedStyle(hostH1).fontFamily).to.contain('fantasy');
    } finally {
      loud.remove();
      hostH1.remove();
      await unmount(el);
    }
  });

  it('a <style> the app adds at run time, alone or inside other markup, or rewrites later, has its :root rules applied', async () => {
    const el = await mount('late-styles', `${APPS}/fixtures/styles/`);
    try {
      const { root, document: doc } = inside(el);
      const outline = () => getComputedStyle(root.getElementById('para')!).outlineColor;
      const style = doc!.createElement('style');
      style.textContent = ':root { --late: rgb(7, 8, 9); } #para { outline: 1px solid var(--late); }';
      doc!.head.append(style);
      await until(() => outline() === 'rgb(7, 8, 9)', 3000, 'a <style> added by script');
      style.textContent = ':root { --late: rgb(9, 8, 7); } #para { outline: 1px solid var(--late); }';
      await until(() => outline() === 'rgb(9, 8, 7)', 3000, 'its text rewritten');
      const wrapper = doc!.createElement('div');
      wrapper.innerHTML = '<span></span><style>:root { --later: rgb(1, 1, 1); } #para { outline-color: var(--later); }</style>';
      doc!.body.append(wrapper);
      await until(() => outline() === 'rgb(1, 1, 1)', 3000, 'a <style> inside added markup');
    } finally {
      await unmount(el);
    }
  });

  it('@font-face works, and two apps declaring the same family with different files each get their own', async () => {
    const sheetsBefore = document.adoptedStyleSheets.length;
    const a = await mount('font-a', `${APPS}/fixtures/font-a/`);
    const b = await mount('font-b', `${APPS}/fixtures/font-b/`);
    try {
      const family = (el: HTMLElement) => getComputedStyle(inside(el as never).root.getElementById('icon')!).fontFamily;
      await until(() => family(a).includes('AppIcons__') && family(b).includes('AppIcons__'), 3000, 'renamed families');
      expect(family(a)).to.not.equal(family(b));
      await document.fonts.ready;
      const faces = [...document.fonts].filter((face) => face.family.replace(/"/g, '').startsWith('AppIcons__'));
      await Promise.all(faces.map((face) => face.load()));
      expect(faces.length).to.equal(2);
      expect(faces.every((face) => face.status === 'loaded'), 'both font files loaded').to.equal(true);
      // The two icon glyphs render with different fonts: different widths.
      const width = (el: HTMLElement) => inside(el as never).root.getElementById('icon')!.getBoundingClientRect().width;
      expect(Math.abs(width(a) - width(b))).to.be.greaterThan(0.5);
    } finally {
      await unmount(a);
      await unmount(b);
    }
    expect(document.adoptedStyleSheets.length, 'the copies are gone').to.equal(sheetsBefore);
    expect([...document.fonts].some((face) => face.family.includes('AppIcons__'))).to.equal(false);
  });
});
