import { expect } from '@open-wc/testing';
import { APPS, until } from '../../src/test/helpers.js';
import { clickAt, resetMouse, typeText } from '../../src/test/mouse.js';

/**
 * Drives one host portal (demo/hosts/<host>/, built into dist/<host>/) as a
 * user would, in an iframe of the test page: real clicks on the router's
 * links and inside the sub-app, real typing into the portal's user field.
 * The sub-apps live in closed shadow roots, so what they show is read where
 * a user of the portal sees it answered: the portal's status line and
 * message log, filled from the elements' events.
 */
export async function clickThrough(host: 'react' | 'vue' | 'angular' | 'svelte'): Promise<void> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'position: fixed; left: 0; top: 0; width: 900px; height: 600px; border: 0; background: #fff';
  frame.src = `/demo/hosts/dist/${host}/?apps=${encodeURIComponent(APPS)}`;
  document.body.append(frame);
  try {
    await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    const win = frame.contentWindow!;
    const doc = () => frame.contentDocument!;
    const $ = (selector: string) => doc().querySelector<HTMLElement>(selector);
    const status = () => $('#status')?.textContent?.trim();
    const messages = () => [...doc().querySelectorAll('#messages li')].map((li) => li.textContent!.trim());
    const base = `/demo/hosts/dist/${host}`;
    /** A real click at the centre of an element of the portal (frame and page coordinates agree: it is at 0, 0). */
    const click = async (selector: string) => {
      const el = await until(() => $(selector), 10_000, `${host}: ${selector} rendered`);
      const r = el!.getBoundingClientRect();
      await clickAt(r.x + r.width / 2, r.y + r.height / 2);
    };
    const microApp = (name: string) => doc().querySelector<HTMLElement>(`micro-app[name="${name}"]`);

    // The portal's home route renders before any app is picked.
    await until(() => $('#home')?.textContent?.trim() === 'Pick an app above.', 10_000, `${host}: the home route rendered`);

    // The router's link mounts the profile app; the data the portal passes down is what it greets.
    await click('#to-profile');
    await until(() => status() === 'profile: mounted', 10_000, `${host}: profile mounted`);
    expect(win.location.pathname).to.equal(`${base}/profile`);
    await until(() => messages().includes('profile greeted {"user":"Ada"}'), 5000, `${host}: the app greeted the portal's user`);

    // Typing in the portal's field changes `data`; the app greets the new user once.
    const input = $('#user') as HTMLInputElement;
    input.focus();
    input.select();
    await typeText('Grace');
    await until(() => messages().includes('profile greeted {"user":"Grace"}'), 5000, `${host}: the new data reached the app`);
    // Each new `data` is heard once: no update loop between the framework and the element. (A framework may
    // batch two keystrokes into one render, as zoneless Angular does, so some prefixes may be skipped.)
    const greeted = messages().filter((m) => m.startsWith('profile greeted')).map((m) => JSON.parse(m.slice('profile greeted '.length)).user as string);
    expect(greeted[0]).to.equal('Ada');
    expect(greeted.at(-1)).to.equal('Grace');
    const typed = greeted.slice(1);
    expect(typed.every((name, i) => 'Grace'.startsWith(name) && (i === 0 || name.length > typed[i - 1].length)), `each greeting once, in order: ${typed}`).to.equal(true);

    // A real click inside the app (its wave button fills its first 48 px) reaches the app, whose message the portal shows.
    const box = microApp('profile')!.getBoundingClientRect();
    await clickAt(box.x + 30, box.y + 20);
    await until(() => messages().includes('profile wave {"user":"Grace","waves":1}'), 5000, `${host}: the click inside the app`);

    // The router switches to the Vue 3 Vite app: the profile element is gone, the other one is up.
    await click('#to-inventory');
    await until(() => status() === 'inventory: mounted', 15_000, `${host}: inventory mounted`);
    expect(win.location.pathname).to.equal(`${base}/inventory`);
    expect(microApp('profile'), 'the profile element left with its route').to.equal(null);

    // A broken app: the portal hears the error; the fallback the portal gave is in the element's error slot.
    await click('#to-broken');
    await until(() => status() === 'broken: error PORTICO_ENTRY_HTTP', 10_000, `${host}: the error event`);
    const fallback = $('#fallback')!;
    // (A closed root hides `assignedSlot`: what shows is what counts. Slotted content of a hidden slot is not rendered.)
    expect(fallback.checkVisibility() && fallback.getBoundingClientRect().height > 0, 'the fallback shows').to.equal(true);

    // Back to the profile: a fresh app (bare tag: full teardown), greeting the current user, counting from 1 again.
    await click('#to-profile');
    await until(() => status() === 'profile: mounted', 10_000, `${host}: profile mounted again`);
    await until(() => messages().filter((m) => m === 'profile greeted {"user":"Grace"}').length === 2, 5000, `${host}: greeted again`);
    const again = microApp('profile')!.getBoundingClientRect();
    await clickAt(again.x + 30, again.y + 20);
    await until(() => messages().filter((m) => m === 'profile wave {"user":"Grace","waves":1}').length === 2, 5000, `${host}: a fresh app counts from 1`);
  } finally {
    await resetMouse();
    frame.remove();
  }
}
