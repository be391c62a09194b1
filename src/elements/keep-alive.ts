/** The custom state a hidden keep-alive `<micro-app>` has: `micro-app:state(hidden)`. */
export const HIDDEN_STATE = 'hidden';

let sheet: CSSStyleSheet | undefined;

/**
 * `display: none` from inside the element's own root. `!important` in a
 * shadow tree's `:host` rule wins over the page's rules, even important
 * ones (https://drafts.csswg.org/css-cascade-5/#cascade-context), so a portal
 * stylesheet saying `micro-app { display: block }` cannot show a hidden app.
 */
function hiddenSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`:host(:state(${HIDDEN_STATE})) { display: none !important; }`);
  }
  return sheet;
}

/**
 * Hides a kept-alive app without touching it: its DOM, state, sandbox,
 * timers and listeners stay as they are (see README, "Keep-alive"). Returns
 * the function that shows it again, with the scroll offsets its elements had
 * (browsers differ on whether `display: none` keeps them).
 */
export function hideApp(root: ShadowRoot, internals: ElementInternals, content: ParentNode = root): () => void {
  const scrolled: Array<[Element, number, number]> = [];
  for (const el of content.querySelectorAll('*')) {
    if (el.scrollTop || el.scrollLeft) scrolled.push([el, el.scrollTop, el.scrollLeft]);
  }
  // Re-added each time: other code may have replaced the root's adopted sheets since.
  if (!root.adoptedStyleSheets.includes(hiddenSheet())) root.adoptedStyleSheets = [...root.adoptedStyleSheets, hiddenSheet()];
  internals.states.add(HIDDEN_STATE);
  return () => {
    internals.states.delete(HIDDEN_STATE);
    for (const [el, top, left] of scrolled) {
      if (el.scrollTop !== top || el.scrollLeft !== left) el.scrollTo(left, top);
    }
  };
}
