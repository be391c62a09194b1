/**
 * Checked by svelte-check only (not part of the app): Portico's Svelte
 * typings declare the tags in `svelte/elements`, accept what a host writes
 * and reject what they must not. Each `@ts-expect-error` fails the check if
 * its line type-checks.
 */
import type { SvelteHTMLElements } from 'svelte/elements';
import type { MicroAppStatusEvent } from 'portico';

type MicroApp = SvelteHTMLElements['micro-app'];
type MicroStore = SvelteHTMLElements['micro-store'];

export const accepted: MicroApp = {
  name: 'orders',
  src: 'https://orders.example/',
  route: '/orders',
  'keep-alive': true,
  'router-mode': 'native',
  timeout: 5000,
  data: { user: 'Ada' },
  'onmicro-app-mounted': (e) => e.status,
  'onmicro-app-message': (e) => e.topic.toUpperCase(),
  'onmicro-app-error': (e) => e.error.code,
  class: 'app',
};
export const store: MicroStore = { name: 'global', persist: 'local', sync: true, 'onmicro-store-change': (e) => e.keys.join() };

// @ts-expect-error timeout is a number
export const badTimeout: MicroApp = { timeout: 'soon' };
// @ts-expect-error router-mode is scoped or native
export const badMode: MicroApp = { 'router-mode': 'hash' };
// @ts-expect-error persist is session or local
export const badPersist: MicroStore = { persist: 'cookie' };
const onMessage = (e: { topic: string }) => e.topic;
// @ts-expect-error a message handler does not take a status event
export const badHandler: MicroApp = { 'onmicro-app-mounted': onMessage };
export const status = (e: MicroAppStatusEvent) => e.status;
