import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';

/**
 * The corpus of known ways out of a same-window sandbox. Closed ones must
 * reach the sandbox window; the ones Portico cannot close without patching
 * the host's own intrinsics are listed in README ("Isolation guarantees") and
 * asserted here as open, so that closing or opening one is noticed.
 */
const OPEN = new Set([
  // A sloppy-mode function called with no receiver gets the realm's global as `this`.
  'sloppy function this',
  // Array's constructor's constructor is the realm's Function: reaching it needs no global name.
  'constructor.constructor',
  'function constructor',
  // The shadow root's host lives in the host document.
  'getRootNode().host.ownerDocument.defaultView',
  // An iframe's parent is the real window.
  'iframe.contentWindow.parent',
]);

describe('sandbox escape corpus', () => {
  it('closes every way out that can be closed without touching the host, and documents the rest', async () => {
    const el = await mount('escapes', `${APPS}/fixtures/escapes/`);
    try {
      const win = inside(el).window!;
      await until(() => win.timerThis, 2000, 'string timer');
      const outcome: Record<string, 'sandbox' | 'real window' | 'other'> = {};
      for (const [name, probe] of Object.entries(win.probes as Record<string, () => unknown>)) {
        const reached = probe();
        outcome[name] = reached === win ? 'sandbox' : reached === window ? 'real window' : 'other';
      }
      const expected = Object.fromEntries(Object.keys(outcome).map((name) => [name, OPEN.has(name) ? 'real window' : 'sandbox']));
      expect(outcome).to.deep.equal(expected);
    } finally {
      await unmount(el);
    }
  });
});
