/**
 * Compiled by `tsc --noEmit` only (not part of the app): proves Portico's
 * React typings accept the tag as a host writes it and reject what it must
 * not. Every `@ts-expect-error` fails the check if its line type-checks.
 */
import { useRef } from 'react';
import type { MicroAppElement, MicroAppMessageEvent, MicroAppStatusEvent } from 'portico';

export function Accepted() {
  const ref = useRef<MicroAppElement>(null);
  return (
    <>
      <micro-app
        ref={ref}
        name="orders"
        src="https://orders.example/"
        route="/orders"
        keep-alive
        router-mode="native"
        timeout={5000}
        retry={2}
        data={{ user: 'Ada' }}
        onmicro-app-mounted={(e: MicroAppStatusEvent) => e.status satisfies string}
        onmicro-app-message={(e) => e.topic.toUpperCase()}
        onmicro-app-error={(e) => e.error.code.startsWith('PORTICO_')}
        className="app"
      />
      <micro-store name="global" persist="local" sync onmicro-store-change={(e) => e.keys.join()} />
    </>
  );
}

export function Rejected() {
  const onMessage = (e: MicroAppMessageEvent) => e.topic;
  return (
    <>
      {/* @ts-expect-error timeout is a number */}
      <micro-app name="a" src="b" timeout="soon" />
      {/* @ts-expect-error router-mode is scoped or native */}
      <micro-app name="a" src="b" router-mode="hash" />
      {/* @ts-expect-error a message handler does not take a status event */}
      <micro-app name="a" src="b" onmicro-app-mounted={onMessage} />
      {/* @ts-expect-error persist is session or local */}
      <micro-store persist="cookie" />
      {/* @ts-expect-error no such attribute */}
      <micro-app name="a" src="b" keepalive />
    </>
  );
}
