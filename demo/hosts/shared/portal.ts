/**
 * What the four host portals (React, Vue, Angular, SvelteKit) share: where
 * the sub-apps are, which ones the portal shows, and how the portal words
 * what it hears from them. Each host renders the same screen with its own
 * framework and router, so one browser test script drives all four
 * (click-through.ts).
 */
import type { MicroAppErrorEvent, MicroAppMessageEvent, MicroAppStatusEvent } from 'portico';

/**
 * The sub-apps' origin: `?apps=` on the first visit (tests pass theirs), kept
 * for the session so the router's navigations keep it; else the demo's
 * sub-app server, same host on port 4301.
 */
export function appsOrigin(): string {
  const given = new URLSearchParams(location.search).get('apps');
  if (given) sessionStorage.setItem('portico-hosts-apps', given);
  return given ?? sessionStorage.getItem('portico-hosts-apps') ?? `${location.protocol}//${location.hostname}:4301`;
}

/** Read once when the portal's code loads, before its router rewrites the URL. */
const ORIGIN = appsOrigin();

/** The portal's three screens: a plain app that greets the user, a Vue 3 Vite build, and one that fails. */
export function subApps(origin = ORIGIN) {
  return {
    profile: { name: 'profile', src: `${origin}/profile/` },
    inventory: { name: 'inventory', src: `${origin}/vue/` },
    broken: { name: 'broken', src: `${origin}/__fault/status/404` },
  } as const;
}

/** The status line after a lifecycle event. */
export const statusOf = (event: MicroAppStatusEvent): string => `${event.app}: ${event.status}`;

/** The status line after an error. */
export const errorOf = (event: MicroAppErrorEvent): string => `${event.app}: error ${event.error.code}`;

/** One line of the portal's message log. */
export const messageOf = (event: MicroAppMessageEvent): string => `${event.app} ${event.topic} ${JSON.stringify(event.detail)}`;

/** The user the portal starts with. */
export const FIRST_USER = 'Ada';
