import { expect } from '@open-wc/testing';
import type { MicroAppElement } from '../../elements/micro-app.js';
import { APPS, inside, mount, sleep, unmount, until } from '../../test/helpers.js';
import { clickAt, realClick, resetMouse } from '../../test/mouse.js';

/** The app's element at the centre of `inner` on screen, as the app's own `elementFromPoint` reports it. */
function hitAt(el: MicroAppElement, inner: Element): Element | null {
  const r = inner.getBoundingClientRect();
  return inside(el).document!.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
}
const onTop = (el: MicroAppElement, inner: Element) => {
  const hit = hitAt(el, inner);
  return !!hit && (hit === inner || inner.contains(hit));
};
describe('lifted overlays keep the order they have in the app', () => {
  afterEach(() => resetMouse());

  it('a Bootstrap 5.3 modal inside the app container is above its backdrop, its buttons take real clicks, and its tooltip is above it', async () => {
    const el = await mount('popup-order', `${APPS}/fixtures/popups-nested/`);
    try {
      const { root, window: win } = inside(el);
      const byId = (id: string) => root.getElementById(id)!;
      await realClick(byId('open-modal'));
      await until(() => win!.modalShown, 3000, 'shown.bs.modal');
      const backdrop = root.querySelector('.modal-backdrop.show')!;
      expect(backdrop, 'backdrop shown').to.not.equal(null);
      const dialog = root.querySelector('.modal-content')!;
      await until(() => onTop(el, dialog), 2000, 'the dialog is above its backdrop');
      // The tooltip (appended to body, z-index 1080) shows above the modal (1055).
      win!.tooltip.show();
      const tip = (await until(() => root.querySelector('.tooltip.show .tooltip-inner'), 2000, 'tooltip shown'))!;
      await until(() => onTop(el, tip), 2000, 'the tooltip is above the modal');
      win!.tooltip.hide();
      await realClick(byId('close-modal'));
      await until(() => !win!.modalShown && !root.querySelector('.modal-backdrop'), 3000, 'the real click closed the modal');
      // Opened again: still above its (new) backdrop.
      await realClick(byId('open-modal'));
      await until(() => win!.modalShown, 3000, 'shown again');
      await until(() => onTop(el, dialog), 2000, 'above the new backdrop');
      // A click on the backdrop area (outside the dialog) reaches the backdrop: Bootstrap closes the modal.
      await clickAt(5, window.innerHeight - 5);
      await until(() => !win!.modalShown, 3000, 'a click outside the dialog closed it');
    } finally {
      await unmount(el);
    }
  });

  it("a host <dialog> opened over the app's open modal stays on top while the app keeps changing its overlays", async () => {
    const el = await mount('popup-order-host', `${APPS}/fixtures/popups-nested/`);
    const host = document.createElement('dialog');
    host.innerHTML = '<p style="margin:0;padding:40px">Host dialog</p><button id="host-ok">OK</button>';
    host.style.cssText = 'width: 300px; height: 200px; padding: 0';
    document.body.append(host);
    try {
      const { root, window: win } = inside(el);
      (root.getElementById('open-modal') as HTMLElement).click();
      await until(() => win!.modalShown, 3000, 'app modal shown');
      host.showModal();
      const hostHit = () => {
        const r = host.getBoundingClientRect();
        return document.elementFromPoint(r.x + r.width / 2, r.y + 20);
      };
      expect(host.contains(hostHit()), 'the host dialog is on top').to.equal(true);
      // The app goes on changing its lifted overlays (classes, styles): the host dialog stays on top.
      const modal = root.getElementById('modal')!;
      modal.classList.add('portico-test');
      modal.style.zIndex = '1056';
      await sleep(50);
      await new Promise(requestAnimationFrame);
      expect(host.contains(hostHit()), 'still on top after the app restyled its modal').to.equal(true);
      host.close();
      await until(() => onTop(el, root.querySelector('.modal-content')!), 2000, "the app's modal is on top again");
    } finally {
      host.remove();
      await unmount(el);
    }
  });
});
