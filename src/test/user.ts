/**
 * Simulated user input for browser tests: real DOM events, dispatched on the
 * element at its centre, `composed` so they cross shadow roots as a user's do.
 * UI libraries listen at different stages (rc-components on mousedown and
 * pointerdown, Element Plus's click-outside on mousedown + mouseup), so each
 * gesture fires the whole sequence a browser would.
 */

/** The centre of an element, in viewport coordinates. */
export function centre(el: Element): { clientX: number; clientY: number } {
  const r = el.getBoundingClientRect();
  return { clientX: r.x + r.width / 2, clientY: r.y + r.height / 2 };
}

/** A user's press at an element's centre: pointer and mouse down/up, then click, dispatched on the element. */
export function press(el: Element): void {
  const init = { bubbles: true, composed: true, cancelable: true, button: 0, ...centre(el) };
  el.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true, buttons: 1 }));
  el.dispatchEvent(new MouseEvent('mousedown', { ...init, buttons: 1 }));
  el.dispatchEvent(new PointerEvent('pointerup', { ...init, pointerId: 1, pointerType: 'mouse', isPrimary: true }));
  el.dispatchEvent(new MouseEvent('mouseup', init));
  el.dispatchEvent(new MouseEvent('click', init));
}

/** The pointer entering an element (tooltips, hover menus). */
export function hover(el: Element): void {
  const init = { bubbles: true, composed: true, ...centre(el) };
  el.dispatchEvent(new PointerEvent('pointerover', { ...init, pointerType: 'mouse' }));
  el.dispatchEvent(new PointerEvent('pointerenter', { ...init, bubbles: false, pointerType: 'mouse' }));
  el.dispatchEvent(new MouseEvent('mouseover', init));
  el.dispatchEvent(new MouseEvent('mouseenter', { ...init, bubbles: false }));
  el.dispatchEvent(new PointerEvent('pointermove', { ...init, pointerType: 'mouse' }));
  el.dispatchEvent(new MouseEvent('mousemove', init));
}

/** A key pressed on the focused element. */
export function key(el: Element, name: string): void {
  el.dispatchEvent(new KeyboardEvent('keydown', { key: name, code: name, bubbles: true, composed: true, cancelable: true }));
  el.dispatchEvent(new KeyboardEvent('keyup', { key: name, code: name, bubbles: true, composed: true, cancelable: true }));
}
