import { expect } from '@open-wc/testing';
import { APPS, inside, mount, unmount, until } from '../test/helpers.js';

describe('sandbox semantics, as code inside a <micro-app> sees them', () => {
  it('globals, self-references, eval, Function, string timers and natives behave as they do natively, off the host', async () => {
    const el = await mount('semantics', `${APPS}/fixtures/semantics/`);
    try {
      const win = inside(el).window!;
      await until(() => win.rafRan && win.timerGlobal, 2000, 'timer and frame');
      expect({ ...win.results }).to.deep.equal({
        topThis: true,
        selfNames: true,
        defaultView: true,
        inOperator: true,
        keys: true,
        deleted: true,
        defineProperty: true,
        hasOwn: true,
        directEval: 6,
        indirectEvalThis: true,
        windowEval: 3,
        functionThis: true,
        functionArgs: 42,
        functionInstance: true,
        nativeToString: true,
        constructible: true,
        sameBuiltins: true,
        undeclaredTypeof: true,
      });
      expect(win.evalVar).to.equal('from-indirect-eval');
      expect(win.fnGlobal).to.equal('from-Function');
      expect(win.timerGlobal).to.equal('from-string-timer');
      for (const key of ['results', 'evalVar', 'fnGlobal', 'timerGlobal', 'rafRan', 'defined', 'raf']) {
        expect(key in window, `${key} stays off the host`).to.equal(false);
      }
    } finally {
      await unmount(el);
    }
  });
});
