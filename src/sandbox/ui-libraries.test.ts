import { expect } from '@open-wc/testing';
import type { MicroAppElement } from '../elements/micro-app.js';
import { APPS, inside, mount, sleep, unmount, until } from '../test/helpers.js';
import { centre, hover, key, press } from '../test/user.js';

/** True when the app's own hit test at the element's centre lands on it: it is on screen, not clipped nor covered. */
function onScreen(app: MicroAppElement, el: Element): boolean {
  const { clientX, clientY } = centre(el);
  const hit = inside(app).document!.elementFromPoint(clientX, clientY);
  return !!hit && (hit === el || el.contains(hit));
}

/** True when the element lies wholly outside the box (below or beside it). */
function outside(box: Element, el: Element): boolean {
  const a = box.getBoundingClientRect();
  const b = el.getBoundingClientRect();
  return b.top >= a.bottom - 1 || b.bottom <= a.top + 1 || b.left >= a.right - 1 || b.right <= a.left + 1;
}

/** True when the element is laid out and not hidden. */
function shown(el: Element | null): boolean {
  return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && getComputedStyle(el).display !== 'none';
}

/**
 * A small, clipped, transformed box in the portal: what would hide or misplace a popup that stayed in it.
 * Its font and colour must not reach the app's popups.
 */
function smallBox(height: number): HTMLElement {
  const box = document.createElement('div');
  box.style.cssText = `width: 560px; height: ${height}px; overflow: hidden; transform: translateX(12px); margin: 30px; font: 20px monospace; color: rgb(128, 0, 128);`;
  document.body.append(box);
  return box;
}

/** The first element matching `selector` in the app's tree, once there is one. */
function found(root: ShadowRoot, selector: string, what: string, timeout = 3000): Promise<Element> {
  return until(() => root.querySelector(selector), timeout, what) as Promise<Element>;
}

/** The first element matching `selector` in the app's tree, once it is shown. */
function whenShown(root: ShadowRoot, selector: string, what: string, timeout = 3000): Promise<Element> {
  return until(() => (shown(root.querySelector(selector)) ? root.querySelector(selector) : null), timeout, what) as Promise<Element>;
}

/** True when the rect covers the whole viewport. */
function coversViewport(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return Math.round(r.left) <= 0 && Math.round(r.top) <= 0 && Math.round(r.right) >= innerWidth && Math.round(r.bottom) >= innerHeight;
}

describe('UI libraries: popups, click-outside and modals from an app in a small clipped box', () => {
  it('Element Plus (Vite, ES modules): el-select dropdown, tooltip, el-dialog and ElMessage', async () => {
    const box = smallBox(200);
    const el = await mount('element-plus', `${APPS}/element-plus/`, box);
    try {
      expect(el.status).to.equal('mounted');
      const { root } = inside(el);
      const q = (selector: string) => root.querySelector(selector);
      await found(root, '#theme-select', 'the app rendered', 5000);
      const select = q('#theme-select')!.closest('.el-select')!.querySelector('.el-select__wrapper')!;
      // The dropdown opens on a click and shows on the viewport, below the box that would clip it.
      press(select);
      const popper = await whenShown(root, '.theme-popper', 'select dropdown shown');
      const dark = (await until(() => popper.querySelector('.theme-dark'), 2000, 'option'))!;
      const last = popper.querySelector('.theme-system')!;
      await until(() => onScreen(el, dark) && onScreen(el, last), 2000, 'options visible on screen');
      expect(outside(box, last), 'the last option lies outside the box').to.equal(true);
      // Styled by the app's CSS, inheriting the app's body font, nothing of the portal's.
      expect(getComputedStyle(dark).fontFamily).to.contain('Helvetica Neue');
      expect(getComputedStyle(dark).color).to.not.equal('rgb(128, 0, 128)');
      expect(getComputedStyle(popper).boxShadow).to.not.equal('none');
      // Placed at the select, not off by the box's offset.
      const sr = select.getBoundingClientRect();
      const pr = popper.getBoundingClientRect();
      expect(Math.abs(pr.left - sr.left), 'dropdown aligned with the select').to.be.lessThan(4);
      expect(pr.top - sr.bottom, 'dropdown just below the select').to.be.within(0, 20);
      // A click inside the dropdown (its padding) keeps it open; picking an option updates the select.
      press(popper);
      await sleep(100);
      expect(shown(q('.theme-popper')), 'still open after an inside click').to.equal(true);
      press(dark);
      await until(() => q('#summary')!.textContent!.includes('dark'), 2000, 'select updated');
      await until(() => !shown(q('.theme-popper')), 2000, 'dropdown closes after picking');
      expect(select.textContent).to.contain('Dark');
      // Reopened, a click elsewhere in the portal closes it.
      press(select);
      await whenShown(root, '.theme-popper', 'dropdown reopened');
      press(document.body);
      await until(() => !shown(q('.theme-popper')), 2000, 'outside click closes the dropdown');
      // Tooltip on hover, on screen below the box.
      hover(q('#digest-help')!);
      const tip = await whenShown(root, '.digest-tip', 'tooltip shown');
      await until(() => onScreen(el, tip), 2000, 'tooltip visible on screen');
      expect(outside(box, tip), 'tooltip lies outside the box').to.equal(true);
      // Modal dialog: its overlay covers the viewport, focus moves into it, Escape and its buttons work.
      press(q('#open-reset')!);
      const overlay = await whenShown(root, '.el-overlay', 'dialog overlay');
      expect(coversViewport(overlay), 'overlay covers the viewport').to.equal(true);
      const dialog = q('.reset-dialog')!;
      const dr = dialog.getBoundingClientRect();
      expect(Math.abs(dr.left + dr.width / 2 - innerWidth / 2), 'dialog centred on the viewport').to.be.lessThan(4);
      await until(() => !!root.activeElement && dialog.contains(root.activeElement), 2000, 'focus trapped in the dialog');
      key(root.activeElement!, 'Escape');
      await until(() => !shown(q('.el-overlay')), 3000, 'Escape closes the dialog');
      press(q('#open-reset')!);
      await whenShown(root, '.el-overlay', 'dialog reopened');
      // A select inside the dialog: its dropdown shows above the dialog's overlay, and picking works.
      press(q('#reset-scope')!.closest('.el-select')!.querySelector('.el-select__wrapper')!);
      const scope = await whenShown(root, '.scope-popper', 'select in the dialog opened');
      const themeOnly = scope.querySelector('.scope-theme')!;
      await until(() => onScreen(el, themeOnly), 2000, 'its option above the overlay');
      press(themeOnly);
      await until(() => !shown(q('.scope-popper')), 2000, 'select in the dialog closed');
      expect(shown(q('.el-overlay')), 'picking in the dialog keeps the dialog open').to.equal(true);
      const confirm = q('#reset-confirm')!;
      await until(() => onScreen(el, confirm), 2000, 'dialog button on top of its overlay');
      press(confirm);
      await until(() => q('#summary')!.textContent!.includes('system'), 2000, 'dialog confirm ran');
      expect(q('#summary')!.textContent, 'only the theme was reset').to.contain('Ada Lovelace');
      await until(() => !shown(q('.el-overlay')), 3000, 'dialog closed');
      // ElMessage appends to body and shows at the top of the viewport.
      press(q('#save')!);
      const message = await found(root, '.saved-message', 'message', 2000);
      await until(() => onScreen(el, message), 2000, 'message visible');
      expect(message.getBoundingClientRect().top, 'message at the top of the viewport').to.be.lessThan(60);
    } finally {
      await unmount(el);
      box.remove();
    }
  });

  it('antd 5 + React 19 (webpack, classic scripts): Select, Dropdown, Modal, message and notification', async () => {
    const box = smallBox(140);
    const el = await mount('antd', `${APPS}/antd/`, box);
    try {
      expect(el.status).to.equal('mounted');
      const { root } = inside(el);
      const q = (selector: string) => root.querySelector(selector);
      const summary = () => q('#summary')?.textContent ?? '';
      await found(root, '.status-select .ant-select-selector', 'the app rendered', 5000);
      // antd's CSS-in-JS styled the app inside its root.
      expect(getComputedStyle(q('#open-cancel')!).borderTopStyle).to.equal('solid');
      const selector = q('.status-select .ant-select-selector')!;
      // Select: opens on mousedown, its options show outside the box at the select, picking one updates it.
      press(selector);
      const popup = await whenShown(root, '.status-popup', 'select popup shown');
      const closed = (await until(() => popup.querySelector('.status-closed'), 2000, 'option'))!;
      await until(() => onScreen(el, closed), 2000, 'option visible on screen');
      expect(outside(box, closed), 'the last option lies outside the box').to.equal(true);
      // antd's CSS-in-JS rules reach the popup: its font, white background, shadow; nothing of the portal's.
      expect(getComputedStyle(closed).fontFamily).to.contain('-apple-system');
      expect(getComputedStyle(closed).color).to.not.equal('rgb(128, 0, 128)');
      expect(getComputedStyle(popup).backgroundColor).to.equal('rgb(255, 255, 255)');
      expect(getComputedStyle(popup).boxShadow).to.not.equal('none');
      const sr = selector.getBoundingClientRect();
      const pr = popup.getBoundingClientRect();
      expect(Math.abs(pr.left - sr.left), 'popup aligned with the select').to.be.lessThan(4);
      expect(pr.top - sr.bottom, 'popup just below the select').to.be.within(0, 12);
      press(closed);
      await until(() => summary().includes('status: closed'), 2000, 'select updated');
      await until(() => !shown(q('.status-popup')), 2000, 'select popup closes after picking');
      // Select again: an outside click closes it.
      press(selector);
      await whenShown(root, '.status-popup', 'select popup reopened');
      press(document.body);
      await until(() => !shown(q('.status-popup')), 2000, 'outside click closes the select popup');
      // Dropdown: opens on click, an inside click keeps it, an outside click closes it, a menu item runs.
      press(q('#actions')!);
      const menu = await whenShown(root, '.actions-popup', 'dropdown shown');
      const refund = menu.querySelector('.action-refund')!;
      await until(() => onScreen(el, refund), 2000, 'menu item visible on screen');
      press(menu.querySelector('.ant-dropdown-menu')!);
      await sleep(100);
      expect(shown(q('.actions-popup')), 'still open after an inside click').to.equal(true);
      press(document.body);
      await until(() => !shown(q('.actions-popup')), 2000, 'outside click closes the dropdown');
      press(q('#actions')!);
      await whenShown(root, '.actions-popup', 'dropdown reopened');
      await until(() => onScreen(el, refund), 2000, 'menu item visible again');
      press(refund);
      await until(() => summary().includes('last action: refund'), 2000, 'menu item ran');
      // message.success from the click: shown at the top of the viewport.
      const message = await found(root, '.action-message', 'message', 2000);
      await until(() => onScreen(el, message), 2000, 'message visible');
      expect(message.getBoundingClientRect().top, 'message at the top of the viewport').to.be.lessThan(60);
      // Modal: mask covers the viewport, content on top, Keep closes, OK runs.
      press(q('#open-cancel')!);
      const mask = await whenShown(root, '.ant-modal-mask', 'modal mask');
      expect(coversViewport(mask), 'mask covers the viewport').to.equal(true);
      const keep = await found(root, '#cancel-keep', 'modal buttons', 2000);
      await until(() => onScreen(el, keep), 3000, 'modal button on top of its mask');
      press(keep);
      await until(() => !shown(q('.cancel-modal')), 3000, 'Keep closes the modal');
      expect(summary()).to.contain('active');
      press(q('#open-cancel')!);
      await whenShown(root, '.cancel-modal', 'modal reopened');
      const ok = q('#cancel-ok')!;
      await until(() => onScreen(el, ok), 3000, 'OK on top');
      press(ok);
      await until(() => summary().includes('cancelled'), 2000, 'modal OK ran');
      // notification.info: shown at the top right of the viewport.
      press(q('#notify')!);
      const note = await found(root, '.notified', 'notification', 2000);
      await until(() => onScreen(el, note), 2000, 'notification visible');
      expect(note.getBoundingClientRect().right, 'notification at the right of the viewport').to.be.greaterThan(innerWidth - 60);
    } finally {
      await unmount(el);
      box.remove();
    }
  });
});
