import { expect } from '@open-wc/testing';
import '../index.js';
import type { MicroStoreElement } from '../elements/micro-store.js';
import { createBus } from './bus.js';

// Compile-time checks: `npx tsc -p tsconfig.test.json` fails if a line marked
// as an expected error type-checks, or if a typed call does not.

interface Topics {
  'cart.added': { sku: string; qty: number };
  'user.logout': null;
}
interface Requests {
  'user.get': (id: number) => { name: string };
  'stock.count': (sku: string) => Promise<number>;
}
interface State {
  user: { name: string } | null;
  theme: 'light' | 'dark';
}

describe('typed bus and store (checked by tsc)', () => {
  it('a bus declared with topic and request maps checks names, payloads and answers', async () => {
    const bus = createBus<Topics, Requests>();
    const seen: number[] = [];
    bus.subscribe('cart.added', (item, message) => {
      const sku: string = item.sku;
      const topic: 'cart.added' = message.topic;
      seen.push(item.qty, sku.length, topic.length);
    });
    bus.publish('cart.added', { sku: 'a1', qty: 2 });
    bus.respond('user.get', (id) => ({ name: `user ${id + 1}` }));
    bus.respond('stock.count', async (sku) => sku.length);
    const user: { name: string } = await bus.request('user.get', 1);
    const count: number = await bus.request('stock.count', 'abc');
    // Never called: each line must fail to type-check.
    const wrong = () => {
      // @ts-expect-error: not a topic of the map
      bus.publish('cart.removed', { sku: 'a1', qty: 2 });
      // @ts-expect-error: wrong payload
      bus.publish('cart.added', { sku: 1, qty: 2 });
      // @ts-expect-error: the answer must be { name: string }
      bus.respond('user.get', () => 42);
      // @ts-expect-error: the request payload is a number
      void bus.request('user.get', 'one');
    };

    const app = bus.connect('shop');
    app.publish('user.logout', null);
    expect([seen, user.name, count, app.app, typeof wrong]).to.deep.equal([[2, 2, 10], 'user 2', 3, 'shop', 'function']);
  });

  it('a store element declared with a state type checks keys and values', () => {
    const el = document.createElement('micro-store') as unknown as MicroStoreElement<State>;
    el.setAttribute('name', 'typed-store');
    document.body.append(el);
    try {
      el.set({ theme: 'dark' });
      el.set('user', { name: 'ada' });
      const wrong = () => {
        // @ts-expect-error: not a theme
        el.set({ theme: 'blue' });
        // @ts-expect-error: not a key of the state
        el.set('colour', 'red');
      };
      const names: string[] = [];
      el.subscribe('user', (user, change) => names.push(`${user?.name}<-${change.previous?.name}`));
      el.subscribe((state) => names.push(String(state.theme)));
      el.set('user', { name: 'grace' });
      const theme: 'light' | 'dark' | undefined = el.get('theme');
      expect([theme, names, typeof wrong]).to.deep.equal(['dark', ['dark', 'grace<-ada'], 'function']);
    } finally {
      el.remove();
    }
  });
});
