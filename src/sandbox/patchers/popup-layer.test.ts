import { expect } from '@open-wc/testing';
import type { MicroAppElement } from '../../elements/micro-app.js';
import { APPS, inside, mount, unmount, until } from '../../test/helpers.js';

/** What is on screen at an element's centre, as the app sees it (null when clipped or covered). */
function onScreen(el: MicroAppElement, inner: Element): boolean {
  const r = inner.getBoundingClientRect();
  const hit = inside(el).document!.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return !!hit && (hit === inner || inner.contains(hit));
}

/** Whether the popup layer's sheet (which undoes the UA popover look) is adopted by the app's root. */
const hasLayerSheet = (root: ShadowRoot) => root.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('data-portico-layer')));

describe('popups appended to document.body show on the real viewport', () => {
  it('an app that lifts nothing gets no layer sheet, and its renders into its own elements cost no style reads', async () => {
    const el = await mount('no-popups', `${APPS}/fixtures/basic/`);
    const real = window.getComputedStyle;
    try {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      expect(hasLayerSheet(inside(el).root)).to.equal(false);
      // An app rendering into an element of its markup (React into #root): the popup layer must not force a
      // style pass for it (it would run before the app's own observers, on every render).
      let reads = 0;
      window.getComputedStyle = (...args) => (reads++, real(...args));
      const doc = inside(el).document!;
      const title = doc.getElementById('title')!;
      for (let i = 0; i < 20; i++) title.append(doc.createElement('span'));
      await new Promise((resolve) => setTimeout(resolve));
      expect(reads).to.equal(0);
    } finally {
      window.getComputedStyle = real;
      await unmount(el);
    }
  });

  it('Bootstrap 5 modal and tooltip, and SweetAlert2, from an app in a small, clipped, transformed box', async () => {
    const box = document.createElement('div');
    box.style.cssText = 'width: 320px; height: 50px; overflow: hidden; transform: translateX(10px); margin: 40px;';
    document.body.append(box);
    const el = await mount('popups', `${APPS}/fixtures/popups/`, box);
    try {
      const { root } = inside(el);
      const byId = (id: string) => root.getElementById(id)!;
      // Tooltip: appended to body below the 50 px box, yet visible on the viewport.
      inside(el).window!.tooltip.show();
      await until(() => root.querySelector('.tooltip.show'), 2000, 'tooltip shown');
      const tip = root.querySelector('.tooltip-inner')!;
      expect(tip.getBoundingClientRect().top, 'tooltip lies outside the box').to.be.greaterThan(box.getBoundingClientRect().bottom - 5);
      await until(() => onScreen(el, tip), 2000, 'tooltip visible outside the clipping box');
      inside(el).window!.tooltip.hide();
      // Modal: covers the real viewport, its content is on top of its backdrop, and it closes.
      (byId('open-modal') as HTMLElement).click();
      await until(() => byId('modal').classList.contains('show'), 3000, 'modal shown');
      const modal = byId('modal').getBoundingClientRect();
      expect([Math.round(modal.left), Math.round(modal.top)]).to.deep.equal([0, 0]);
      expect(Math.round(modal.width)).to.be.closeTo(window.innerWidth, 20);
      expect(root.querySelector('.modal-backdrop.show') !== null, 'backdrop shown').to.equal(true);
      await until(() => onScreen(el, byId('modal-body')), 2000, 'modal content on top');
      await until(() => inside(el).window!.modalShown, 2000, 'shown.bs.modal');
      // Bootstrap measured the real viewport's scrollbar (none here), not the 320 px box.
      expect(byId('modal').style.paddingRight || '0px').to.equal('0px');
      (byId('close-modal') as HTMLElement).click();
      await until(() => !byId('modal').classList.contains('show') && !root.querySelector('.modal-backdrop'), 3000, 'modal closed');
      // SweetAlert2 appends its container to body.
      (byId('swal') as HTMLElement).click();
      await until(() => root.querySelector('.swal2-popup'), 2000, 'SweetAlert2 popup');
      const popup = root.querySelector('.swal2-popup')!;
      await until(() => onScreen(el, popup), 2000, 'SweetAlert2 visible');
      const r = popup.getBoundingClientRect();
      expect(Math.abs(r.left + r.width / 2 - window.innerWidth / 2), 'centred on the viewport').to.be.lessThan(20);
    } finally {
      await unmount(el);
      box.remove();
    }
  });

  it('lifts popups rendered into a portal container (a run-time, empty <div> on body), not an app root made by script', async () => {
    const box = document.createElement('div');
    box.style.cssText = 'width: 320px; height: 50px; overflow: hidden; transform: translateX(10px); margin: 40px;';
    document.body.append(box);
    const el = await mount('popups-portal', `${APPS}/fixtures/popups/`, box);
    try {
      const doc = inside(el).document!;
      const lifted = (node: Element) => node.matches(':popover-open');
      // A portal container holding an absolutely placed popup, two static levels down (React portals, Element Plus).
      const portal = doc.createElement('div');
      portal.innerHTML = '<div><div id="portal-popup" style="position: absolute; left: 20px; top: 200px; width: 80px; height: 30px; z-index: 5">popup</div></div>';
      doc.body.append(portal);
      const popup = doc.getElementById('portal-popup')!;
      await until(() => lifted(popup), 2000, 'popup in a portal container lifted');
      expect(hasLayerSheet(inside(el).root), 'the layer sheet is in the app root').to.equal(true);
      expect(lifted(portal), 'the container itself stays in place').to.equal(false);
      // Placed against the page, as standalone: not against the transformed box, and not clipped by it.
      const r = popup.getBoundingClientRect();
      expect([Math.round(r.left), Math.round(r.top)]).to.deep.equal([20, 200]);
      expect(onScreen(el, popup), 'popup visible').to.equal(true);
      // The app's <html> reports the page's origin, as standalone (popper libraries place popups by it).
      const page = document.documentElement.getBoundingClientRect();
      const html = doc.documentElement.getBoundingClientRect();
      expect([html.left, html.top]).to.deep.equal([page.left, page.top]);
      // Moved out and back in (a framework re-inserting it): shown again.
      const parent = popup.parentElement!;
      popup.remove();
      parent.append(popup);
      await until(() => lifted(popup), 2000, 're-inserted popup shown again');
      // An app root created by script, with in-flow content: its positioned descendants stay in the box.
      const appRoot = doc.createElement('div');
      appRoot.innerHTML = '<p>content</p><span id="badge" style="position: absolute; top: 0">badge</span>';
      doc.body.append(appRoot);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(lifted(doc.getElementById('badge')!), 'a badge in app content is not lifted').to.equal(false);
    } finally {
      await unmount(el);
      box.remove();
    }
  });
});
