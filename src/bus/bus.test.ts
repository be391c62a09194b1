import { expect } from '@open-wc/testing';
import { PorticoError } from '../errors.js';
import { createBus } from './bus.js';
import { busFor } from './portal.js';

/** Runs `fn` with window errors (reportError) captured instead of failing the test. */
async function capturingErrors(fn: (errors: unknown[]) => void | Promise<void>): Promise<void> {
  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => {
    errors.push(event.error);
    event.preventDefault();
  };
  window.addEventListener('error', onError);
  const previous = window.onerror;
  window.onerror = () => true;
  try {
    await fn(errors);
  } finally {
    window.removeEventListener('error', onError);
    window.onerror = previous;
  }
}

const codeOf = (error: unknown) => (error instanceof PorticoError ? error.code : String(error));

describe('the bus: publish/subscribe', () => {
  it('delivers synchronously, in order, to every subscriber of the topic, with who sent it', () => {
    const bus = createBus();
    const a = bus.connect('a');
    const seen: string[] = [];
    bus.subscribe('t', (payload, message) => seen.push(`host:${payload}:${message.from}`));
    a.subscribe('t', (payload, message) => seen.push(`a:${payload}:${message.from}`));
    a.subscribe('other', () => seen.push('wrong topic'));
    bus.publish('t', 1);
    a.publish('t', 2);
    expect(seen).to.deep.equal(['host:1:null', 'a:1:null', 'host:2:a', 'a:2:a']);
  });

  it('keeps the order when a listener publishes while a message is being delivered', () => {
    const bus = createBus();
    const a = bus.connect('a');
    const seen: string[] = [];
    bus.subscribe('first', () => {
      seen.push('host got first');
      bus.publish('second', null);
      seen.push('host publish returned');
    });
    a.subscribe('first', () => seen.push('a got first'));
    a.subscribe('second', () => seen.push('a got second'));
    bus.publish('first', null);
    expect(seen).to.deep.equal(['host got first', 'host publish returned', 'a got first', 'a got second']);
  });

  it('never drops a message between live ends: 10,000 in a row arrive in order', () => {
    const bus = createBus();
    const [a, b] = [bus.connect('a'), bus.connect('b')];
    const got: number[] = [];
    b.subscribe('n', (n) => got.push(n as number));
    for (let i = 0; i < 10_000; i++) a.publish('n', i);
    expect(got.length).to.equal(10_000);
    expect(got.every((n, i) => n === i)).to.equal(true);
  });

  it('gives other ends a deep-frozen copy, made once per publish, and its own subscribers the object itself', () => {
    const bus = createBus();
    const [a, b, c] = [bus.connect('a'), bus.connect('b'), bus.connect('c')];
    const payload = { user: { name: 'ada' }, tags: ['x'] };
    const got: Record<string, any> = {};
    a.subscribe('p', (value) => (got.a = value));
    b.subscribe('p', (value) => (got.b = value));
    c.subscribe('p', (value) => (got.c = value));
    a.publish('p', payload);
    expect(got.a === payload, 'the sender hears its own object').to.equal(true);
    expect(got.b === payload, 'another app gets a copy').to.equal(false);
    expect(got.b === got.c, 'one copy serves every other app').to.equal(true);
    expect(got.b).to.deep.equal(payload);
    expect(Object.isFrozen(got.b) && Object.isFrozen(got.b.user) && Object.isFrozen(got.b.tags)).to.equal(true);
    payload.user.name = 'changed later';
    expect(got.b.user.name).to.equal('ada');
  });

  it('copies values that are not plain data with structuredClone, once per receiver', () => {
    const bus = createBus();
    const [a, b, c] = [bus.connect('a'), bus.connect('b'), bus.connect('c')];
    const got: Map<string, number>[] = [];
    b.subscribe('m', (value) => got.push(value as Map<string, number>));
    c.subscribe('m', (value) => got.push(value as Map<string, number>));
    a.publish('m', new Map([['x', 1]]));
    expect(got.length).to.equal(2);
    expect(got[0] instanceof Map && got[0].get('x') === 1).to.equal(true);
    expect(got[0] === got[1], 'each receiver has its own Map').to.equal(false);
  });

  it('throws PORTICO_BUS_UNCLONEABLE to the sender when another app listens and the payload cannot be copied', () => {
    const bus = createBus();
    const [a, b] = [bus.connect('a'), bus.connect('b')];
    b.subscribe('f', () => undefined);
    let error: unknown;
    try {
      a.publish('f', { callback: () => 1 });
    } catch (thrown) {
      error = thrown;
    }
    expect(codeOf(error)).to.equal('PORTICO_BUS_UNCLONEABLE');
    expect((error as Error).message).to.contain('app "a"');
  });

  it('stops delivering on unsubscribe, on an aborted signal, and to a disposed end (also mid-delivery)', () => {
    const bus = createBus();
    const [a, b] = [bus.connect('a'), bus.connect('b')];
    const seen: string[] = [];
    const off = a.subscribe('t', () => seen.push('a'));
    const controller = new AbortController();
    bus.subscribe('t', () => seen.push('host'), { signal: controller.signal });
    b.subscribe('t', () => {
      seen.push('b');
      b.dispose();
    });
    b.subscribe('t', () => seen.push('b-second'));
    bus.publish('t', 0);
    expect(seen).to.deep.equal(['a', 'host', 'b']);
    off();
    controller.abort();
    bus.publish('t', 1);
    b.publish('t', 2);
    expect(seen).to.deep.equal(['a', 'host', 'b']);
  });

  it('reports a throwing listener and still delivers to the others', async () => {
    await capturingErrors((errors) => {
      const bus = createBus();
      const seen: string[] = [];
      bus.subscribe('t', () => {
        throw new Error('boom');
      });
      bus.connect('a').subscribe('t', () => seen.push('a'));
      bus.publish('t', 1);
      expect(seen).to.deep.equal(['a']);
      expect((errors[0] as Error).message).to.equal('boom');
    });
  });

  it('busFor(document) is one bus per page', () => {
    expect(busFor(document) === busFor(document)).to.equal(true);
    const other = document.implementation.createHTMLDocument('x');
    expect(busFor(other) === busFor(document)).to.equal(false);
  });
});

describe('the bus: request/response', () => {
  it('answers with the latest responder, across ends, as a copy', async () => {
    const bus = createBus();
    const [a, b] = [bus.connect('a'), bus.connect('b')];
    b.respond('user.get', (id, context) => ({ id, name: 'old', from: context.from }));
    b.respond('user.get', async (id, context) => ({ id, name: 'ada', from: context.from }));
    const answer = (await a.request('user.get', 7)) as { id: number; name: string; from: string };
    expect(answer).to.deep.equal({ id: 7, name: 'ada', from: 'a' });
    expect(Object.isFrozen(answer)).to.equal(true);
  });

  it('rejects at once with PORTICO_BUS_NO_RESPONDER when nobody answers the topic', async () => {
    const bus = createBus();
    const error = await bus.connect('a').request('nobody', 1).catch((e: unknown) => e);
    expect(codeOf(error)).to.equal('PORTICO_BUS_NO_RESPONDER');
    expect((error as Error).message).to.contain('"nobody"');
    expect((error as Error).message).to.contain('bus.respond');
  });

  it('rejects with PORTICO_BUS_TIMEOUT and aborts the responder signal when the answer is late', async () => {
    const bus = createBus();
    let responderSignal: AbortSignal | undefined;
    bus.connect('b').respond('slow', (_payload, context) => {
      responderSignal = context.signal;
      return new Promise(() => undefined);
    });
    const error = await bus.connect('a').request('slow', null, { timeout: 30 }).catch((e: unknown) => e);
    expect(codeOf(error)).to.equal('PORTICO_BUS_TIMEOUT');
    expect((error as Error).message).to.contain('within 30 ms');
    expect(responderSignal!.aborted).to.equal(true);
  });

  it('cancels with an AbortSignal: rejects with its reason and aborts the responder', async () => {
    const bus = createBus();
    let responderSignal: AbortSignal | undefined;
    bus.respond('slow', (_payload, context) => {
      responderSignal = context.signal;
      return new Promise(() => undefined);
    });
    const controller = new AbortController();
    const pending = bus.connect('a').request('slow', null, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort(new DOMException('user left', 'AbortError'));
    const error = (await pending) as DOMException;
    expect(error.name).to.equal('AbortError');
    expect(error.message).to.equal('user left');
    expect(responderSignal!.aborted).to.equal(true);
    const already = await bus.request('slow', null, { signal: controller.signal }).catch((e: unknown) => e);
    expect((already as DOMException).name).to.equal('AbortError');
  });

  it('wraps a responder failure in PORTICO_BUS_RESPONDER_REJECTED with a copy of the cause', async () => {
    const bus = createBus();
    bus.connect('b').respond('fails', () => {
      throw new RangeError('out of stock');
    });
    const error = (await bus.connect('a').request('fails', 1).catch((e: unknown) => e)) as PorticoError;
    expect(error.code).to.equal('PORTICO_BUS_RESPONDER_REJECTED');
    expect(error.message).to.contain('RangeError: out of stock');
    expect((error.cause as Error).message).to.equal('out of stock');
  });

  it("drops a disposed app's requests (they never settle) and fails requests its responders were answering", async () => {
    const bus = createBus();
    const [a, b] = [bus.connect('a'), bus.connect('b')];
    let settled = false;
    b.respond('slow', () => new Promise(() => undefined));
    void a.request('slow', null).then(
      () => (settled = true),
      () => (settled = true),
    );
    a.dispose();
    const c = bus.connect('c');
    const pending = c.request('slow', null).catch((e: unknown) => e);
    b.dispose();
    const error = (await pending) as PorticoError;
    expect(error.code).to.equal('PORTICO_BUS_NO_RESPONDER');
    expect(error.message).to.contain('was unmounted before it answered');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).to.equal(false);
    expect(codeOf(await c.request('slow', null).catch((e: unknown) => e))).to.equal('PORTICO_BUS_NO_RESPONDER');
  });
});
