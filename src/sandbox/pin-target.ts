const nativeTarget = Object.getOwnPropertyDescriptor(Event.prototype, 'target')!.get!;

/**
 * Keeps `event.target` readable after dispatch. For a target inside a shadow
 * tree the DOM clears `target` once dispatch ends
 * (https://dom.spec.whatwg.org/#concept-event-dispatch, "clearTargets"), so an
 * app handler that reads `e.target` in a timeout, after an `await`, or from a
 * later event's handler (Bootstrap's modal compares the `mousedown` target
 * when the `click` comes) would get null, which it never does standalone.
 * During dispatch the native value is returned unchanged, so listeners
 * outside the app still see only the `<micro-app>` element.
 */
export function pinTarget(event: Event): void {
  if (Object.prototype.hasOwnProperty.call(event, 'target')) return;
  const pinned = nativeTarget.call(event) as EventTarget | null;
  if (!(pinned instanceof Node) || !(pinned.getRootNode() instanceof ShadowRoot)) return;
  Object.defineProperty(event, 'target', {
    configurable: true,
    get(this: Event) {
      // While dispatching, the native value (retargeted for listeners outside the app); after, the pinned one.
      return this.eventPhase === Event.NONE ? pinned : nativeTarget.call(this);
    },
  });
}
