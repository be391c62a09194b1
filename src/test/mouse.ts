/**
 * Real mouse and keyboard input through web-test-runner's `sendMouse` (the browser's own
 * hit testing, unlike `element.click()`). The module is imported by a string
 * typed loosely on purpose: its typings pull in Node's, which clash with the
 * DOM's timer types in this project.
 */
interface Commands {
  sendMouse(payload: { type: 'click' | 'move' | 'down' | 'up'; position?: [number, number] }): Promise<void>;
  resetMouse(): Promise<void>;
  sendKeys(payload: { type: string } | { press: string }): Promise<void>;
}
const commands = (): Promise<Commands> => import('@web/test-runner-commands' as string) as Promise<Commands>;

/** Clicks the real mouse at a point of the viewport. */
export async function clickAt(x: number, y: number): Promise<void> {
  await (await commands()).sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] });
}

/** Clicks the real mouse at the centre of an element's box. */
export async function realClick(el: Element): Promise<void> {
  const r = el.getBoundingClientRect();
  await clickAt(r.x + r.width / 2, r.y + r.height / 2);
}

/** Releases the mouse buttons and moves the pointer to the corner. */
export async function resetMouse(): Promise<void> {
  await (await commands()).resetMouse();
}

/** Types `text` with the real keyboard into whatever has focus. */
export async function typeText(text: string): Promise<void> {
  await (await commands()).sendKeys({ type: text });
}
