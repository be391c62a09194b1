import { expect } from '@open-wc/testing';
import { PorticoError } from '../errors.js';
import { give, share } from './copy.js';

describe('copies that cross between apps', () => {
  it('copies plain data once, deep-frozen, and gives that same copy to every receiver', () => {
    const value = { a: [1, { b: 'x' }], n: null, u: undefined, nested: Object.assign(Object.create(null), { deep: true }) };
    const copy = share(value, 'app', 'test');
    expect(copy === value).to.equal(false);
    expect(copy).to.deep.equal(value);
    expect(Object.isFrozen(copy) && Object.isFrozen(copy.a) && Object.isFrozen(copy.a[1]) && Object.isFrozen(copy.nested)).to.equal(true);
    expect(Object.getPrototypeOf(copy.nested) === null).to.equal(true);
    expect(give(copy) === copy).to.equal(true);
    expect(share(42, 'app', 'test')).to.equal(42);
  });

  it('falls back to structuredClone for Map, Date, cycles, own "__proto__" keys and a polluted Object.prototype; receivers then get their own clone', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    const tricky = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}');
    for (const value of [new Map([[1, 2]]), { when: new Date(0) }, cyclic, tricky]) {
      const copy = share(value, 'app', 'test');
      expect(Object.isFrozen(copy)).to.equal(false);
      expect(give(copy) === copy, 'each receiver clones').to.equal(false);
    }
    const copied = share(cyclic, 'app', 'test') as Record<string, unknown>;
    expect(copied.self === copied).to.equal(true);
    const trickyCopy = share(tricky, 'app', 'test');
    expect(Object.prototype.hasOwnProperty.call(trickyCopy, '__proto__') && !('polluted' in {})).to.equal(true);
    (Object.prototype as Record<string, unknown>).leak = 1;
    try {
      const copy = share({ a: 1 }, 'app', 'test');
      expect(Object.keys(copy)).to.deep.equal(['a']);
    } finally {
      delete (Object.prototype as Record<string, unknown>).leak;
    }
  });

  it('throws PORTICO_BUS_UNCLONEABLE for functions, symbols and DOM nodes', () => {
    for (const value of [() => 1, { f: () => 1 }, Symbol('s'), [document.body]]) {
      let error: unknown;
      try {
        share(value, 'shop', 'the payload of "x"');
      } catch (thrown) {
        error = thrown;
      }
      expect(error instanceof PorticoError && error.code === 'PORTICO_BUS_UNCLONEABLE').to.equal(true);
      expect((error as Error).message).to.contain('app "shop": the payload of "x" cannot be copied');
    }
  });
});
