import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount } from '../test/helpers.js';
import type { MicroAppElement } from '../elements/micro-app.js';

/**
 * Every native API below takes a Node, a Document or a Window; each case runs
 * as the app's own code (a classic script in its sandbox) and hands it the
 * app's `document` or `window`, which must be accepted and mean what they
 * mean standalone: the app's tree, the viewport, the page's window. A case is
 * `[what, code, expected]`; the code's value is compared with `expected`.
 */
const CASES: Array<[string, string, unknown]> = [
  // Walking and iterating the document.
  ['createTreeWalker(document) starts at the app\'s <html>', 'document.createTreeWalker(document, NodeFilter.SHOW_ELEMENT).nextNode() === document.documentElement', true],
  ['a walker\'s currentNode = document (lit resets its walker so)', 'var w = document.createTreeWalker(document, 129); w.currentNode = document; w.currentNode === document || w.currentNode.nodeType', 11],
  ['createNodeIterator(document) reaches the app\'s nodes', "var it = document.createNodeIterator(document, NodeFilter.SHOW_ELEMENT), n, ids = []; while ((n = it.nextNode())) if (n.id) ids.push(n.id); ids.indexOf('title') >= 0", true],
  // Observers.
  ['MutationObserver.observe(document, { subtree }) hears the app\'s changes', "var mo = new MutationObserver(function () {}); mo.observe(document, { childList: true, subtree: true }); document.body.appendChild(document.createElement('i')); var r = mo.takeRecords(); mo.disconnect(); r.length", 1],
  ['IntersectionObserver with root: document constructs (the viewport)', 'var io = new IntersectionObserver(function () {}, { root: document }); io.observe(document.body); io.disconnect(); io.root === document || io.root === document.defaultView.document || !!io.root', true],
  // Ranges.
  ['document.createRange().selectNodeContents(document)', 'var r = document.createRange(); r.selectNodeContents(document); r.intersectsNode(document.body)', true],
  ['range.setStart(document, 0) / setEnd(document, 1)', 'var r = document.createRange(); r.setStart(document, 0); r.setEnd(document, 1); r.toString().indexOf("Basic") >= 0', true],
  ['range.comparePoint(document, 0) and isPointInRange', 'var r = document.createRange(); r.selectNode(document.body); [r.comparePoint(document, 0), r.isPointInRange(document, 0)].join()', '-1,false'],
  ['new Range().setStartBefore(document.body), setEndAfter', 'var r = new Range(); r.setStartBefore(document.body); r.setEndAfter(document.body); r.toString().indexOf("Basic") >= 0', true],
  ['new StaticRange({ startContainer: document, … })', 'new StaticRange({ startContainer: document, startOffset: 0, endContainer: document, endOffset: 0 }).collapsed', true],
  // Node relations.
  ['document.contains(document)', 'document.contains(document)', true],
  ['appNode.contains(document) is false, as natively', 'document.body.contains(document)', false],
  ['appNode.compareDocumentPosition(document) says "contained by it"', 'document.body.compareDocumentPosition(document) & Node.DOCUMENT_POSITION_CONTAINS ? "contains" : "no"', 'contains'],
  ['document.compareDocumentPosition(appNode)', 'document.compareDocumentPosition(document.body) & Node.DOCUMENT_POSITION_CONTAINED_BY ? "contained" : "no"', 'contained'],
  ['Node.prototype.contains.call(appNode, document)', 'Node.prototype.contains.call(document.documentElement, document)', false],
  ['isSameNode / isEqualNode with document', '[document.isSameNode(document), document.body.isSameNode(document), document.body.isEqualNode(document)].join()', 'true,false,false'],
  ['document.getRootNode() is the document', 'document.getRootNode() === document', true],
  ['importNode / adoptNode through the app\'s document', "var t = document.createElement('template'); t.innerHTML = '<b>x</b>'; var c = document.importNode(t.content, true); var d = document.adoptNode(document.createElement('u')); c.firstChild.tagName + d.tagName", 'BU'],
  // Identity checks.
  ['document instanceof Node / Document / HTMLDocument', '[document instanceof Node, document instanceof Document, document instanceof HTMLDocument].join()', 'true,true,true'],
  ['window instanceof Window / EventTarget', '[window instanceof Window, window instanceof EventTarget].join()', 'true,true'],
  ['Object.prototype.toString of document and window', 'Object.prototype.toString.call(document) + Object.prototype.toString.call(window)', '[object HTMLDocument][object Window]'],
  ['document.nodeType, nodeName', 'document.nodeType + document.nodeName', '9#document'],
  // Serialising.
  ['new XMLSerializer().serializeToString(document)', 'new XMLSerializer().serializeToString(document).indexOf("id=\\"title\\"") >= 0', true],
  // Styles.
  ['getComputedStyle(document.documentElement) / (document.body)', 'getComputedStyle(document.documentElement).display + getComputedStyle(document.body).display', 'blockblock'],
  // Events with a view, a source, a related target.
  ['new MouseEvent(type, { view: window }) dispatches', "var n = 0, b = document.createElement('button'); document.body.appendChild(b); b.addEventListener('click', function () { n++; }); b.dispatchEvent(new MouseEvent('click', { bubbles: true, view: window })); b.remove(); n", 1],
  ['KeyboardEvent, FocusEvent, PointerEvent, WheelEvent, InputEvent, UIEvent with view: window', "['KeyboardEvent','FocusEvent','PointerEvent','WheelEvent','InputEvent','UIEvent','CompositionEvent','DragEvent'].map(function (k) { return new window[k]('x', { view: window }).type; }).join()", 'x,x,x,x,x,x,x,x'],
  ['new FocusEvent with relatedTarget: document', "new FocusEvent('focus', { relatedTarget: document }).type", 'focus'],
  ['document.createEvent("MouseEvents").initMouseEvent(…, window, …)', "var n = 0, b = document.createElement('button'); document.body.appendChild(b); b.onclick = function () { n++; }; var e = document.createEvent('MouseEvents'); e.initMouseEvent('click', true, true, window, 0, 0, 0, 0, 0, false, false, false, false, 0, null); b.dispatchEvent(e); b.remove(); n + (e instanceof MouseEvent ? 'm' : '')", '1m'],
  ['document.createEvent("UIEvents").initUIEvent(…, window, …)', "var e = document.createEvent('UIEvents'); e.initUIEvent('x', true, true, window, 0); e.type", 'x'],
  ['document.createEvent("KeyboardEvent").initKeyboardEvent(…, window, …)', "var e = document.createEvent('KeyboardEvent'); e.initKeyboardEvent('keydown', true, true, window, 'a'); e.type", 'keydown'],
  ['new MessageEvent("message", { source: window })', "new MessageEvent('message', { source: window, data: 1 }).data", 1],
  ['new Touch({ identifier, target: document })', "typeof Touch !== 'function' || new Touch({ identifier: 1, target: document }).identifier === 1", true],
];

describe("the app's document and window are accepted where the browser takes a Node or a Window", () => {
  let el: MicroAppElement;
  before(async () => {
    el = await mount('views', `${APPS}/fixtures/basic/`);
  });
  after(() => unmount(el));

  const run = (code: string) => {
    const { app, window: win } = inside(el);
    win!.__case = undefined;
    app!.sandbox.run(`window.__case = (function () { return eval(${JSON.stringify(code)}); })();`, `${APPS}/fixtures/basic/case.js`);
    return win!.__case;
  };

  for (const [what, code, expected] of CASES) {
    it(what, () => expect(run(code)).to.deep.equal(expected));
  }

  it('a message the app posts to its window reaches its listener with its own window as the source', async () => {
    const { app, window: win } = inside(el);
    app!.sandbox.run(
      "window.__heard = new Promise(function (done) { window.addEventListener('message', function on(e) { if (e.data !== 'ping') return; window.removeEventListener('message', on); done(e.source === window); }); }); window.postMessage('ping', '*');",
      `${APPS}/fixtures/basic/case.js`,
    );
    expect(await win!.__heard).to.equal(true);
  });

  it('an ES module of the app gets the same classes: new MouseEvent(type, { view: window }), new Range() on its document', async () => {
    const modular = await mount('views-module', `${APPS}/fixtures/modules/`);
    try {
      const { app, window: win } = inside(modular);
      await app!.modules!.importInline(
        "const b = document.createElement('button'); document.body.append(b); let n = 0; b.addEventListener('click', () => n++);" +
          "b.dispatchEvent(new MouseEvent('click', { view: window })); const r = new Range(); r.selectNodeContents(document);" +
          'window.__moduleCase = [n, r.intersectsNode(document.body), MouseEvent === window.MouseEvent].join(); b.remove();',
        `${APPS}/fixtures/modules/`,
        99,
      );
      expect(win!.__moduleCase).to.equal('1,true,true');
    } finally {
      await unmount(modular);
    }
  });

  it("leaves the host's prototypes and the page's own calls as they were once the app is gone", async () => {
    const other = await mount('views-2', `${APPS}/fixtures/basic/`);
    const patched = Node.prototype.contains;
    await unmount(other);
    expect(Node.prototype.contains, 'still patched while `views` is mounted').to.equal(patched);
    await unmount(el);
    for (const name of ['contains', 'compareDocumentPosition', 'isSameNode', 'isEqualNode'] as const) {
      expect(Function.prototype.toString.call(Node.prototype[name]), name).to.contain('[native code]');
    }
    expect(document.body.contains(document.body)).to.equal(true);
    el = await mount('views', `${APPS}/fixtures/basic/`);
  });
});
