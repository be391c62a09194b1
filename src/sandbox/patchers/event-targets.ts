import { pinTarget } from '../pin-target.js';
import type { Patcher } from '../types.js';

/**
 * The user-input and element-state events an app's handlers on its own
 * elements keep and read later. Listing types is what the DOM allows: there
 * is no "every event" listener.
 */
const UI_EVENT_TYPES = [
  'click', 'dblclick', 'auxclick', 'contextmenu',
  'mousedown', 'mouseup', 'mouseover', 'mouseout', 'mouseenter', 'mouseleave', 'mousemove',
  'pointerdown', 'pointerup', 'pointerover', 'pointerout', 'pointerenter', 'pointerleave', 'pointermove', 'pointercancel',
  'touchstart', 'touchend', 'touchmove', 'touchcancel',
  'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'change', 'submit', 'reset', 'invalid', 'select',
  'focus', 'blur', 'focusin', 'focusout',
  'compositionstart', 'compositionupdate', 'compositionend',
  'wheel', 'scroll',
  'dragstart', 'drag', 'dragenter', 'dragover', 'dragleave', 'drop', 'dragend',
  'transitionend', 'animationend', 'toggle',
] as const;

/**
 * Keeps `event.target` set after dispatch for events inside the app, as it is
 * standalone (see {@link pinTarget}): the DOM nulls it for targets in a shadow
 * tree. Bootstrap's modal closes on a backdrop click only when the
 * `mousedown` it kept and the `click` share the modal as target; without
 * this, the kept event's target is null and the modal never closes.
 *
 * One passive capture listener per type on the app's shadow root runs before
 * any of the app's own handlers (capture at the root comes first), costs no
 * prototype patch and leaves the host's events alone. Handlers on the app's
 * `window`/`document` pin through the listener patcher as well.
 */
export const patchEventTargets: Patcher = (target) => {
  const { root } = target.tree;
  const options: AddEventListenerOptions = { capture: true, passive: true };
  for (const type of UI_EVENT_TYPES) root.addEventListener(type, pinTarget, options);
  return () => {
    for (const type of UI_EVENT_TYPES) root.removeEventListener(type, pinTarget, options);
  };
};
