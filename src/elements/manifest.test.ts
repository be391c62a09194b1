import { expect } from '@open-wc/testing';
import { APPS, mount, nextEvent, unmount, until } from '../test/helpers.js';
import type { MicroAppElement } from './micro-app.js';

/**
 * The Custom Elements Manifest (custom-elements.json, written by `npm run
 * build` from the source's JSDoc) is what IDEs, Storybook and the host
 * typings read. These tests hold it to what the live elements do: every
 * attribute they observe, every reactive property, and every event and CSS
 * state seen while a real app mounts, messages, fails and goes.
 */
interface Declaration {
  tagName: string;
  attributes?: { name: string; fieldName?: string }[];
  members?: { name: string; kind: string }[];
  events?: { name: string; type?: { text: string } }[];
  cssStates?: { name: string }[];
  slots?: { name: string }[];
}

async function declarations(): Promise<Map<string, Declaration>> {
  const response = await fetch('/custom-elements.json');
  expect(response.ok, 'custom-elements.json is built (npm run build)').to.equal(true);
  const manifest = (await response.json()) as { modules: { declarations?: (Declaration & { customElement?: boolean })[] }[] };
  return new Map(manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement).map((d) => [d.tagName, d]));
}

type LitClass = CustomElementConstructor & { observedAttributes: string[]; elementProperties: Map<string, unknown> };

describe('custom-elements.json', () => {
  for (const tag of ['micro-app', 'micro-store']) {
    it(`lists every attribute ${tag} observes and every reactive property it has`, async () => {
      const declared = (await declarations()).get(tag)!;
      expect(declared, `${tag} is declared`).to.not.equal(undefined);
      const ctor = customElements.get(tag) as LitClass;
      const attributes = new Set(declared.attributes!.map((a) => a.name));
      expect(ctor.observedAttributes.filter((a) => !attributes.has(a)), 'observed but not in the manifest').to.deep.equal([]);
      const members = new Set(declared.members!.map((m) => m.name));
      expect([...ctor.elementProperties.keys()].filter((p) => !members.has(String(p))), 'properties not in the manifest').to.deep.equal([]);
    });
  }

  it('names, with its class, every event micro-app fires and every CSS state it takes while an app mounts, messages, fails and goes', async () => {
    const declared = (await declarations()).get('micro-app')!;
    const events = new Map(declared.events!.map((e) => [e.name, e.type?.text]));
    const states = new Set(declared.cssStates!.map((s) => s.name));
    const statesOf = (el: Element) => [...states].filter((s) => el.matches(`:state(${s})`));
    expect(declared.slots!.map((s) => s.name).sort()).to.deep.equal(['error', 'loading']);

    const fired: { type: string; className: string; states: string[] }[] = [];
    const record = (el: MicroAppElement) => {
      const dispatch = el.dispatchEvent.bind(el);
      el.dispatchEvent = (event: Event) => {
        fired.push({ type: event.type, className: event.constructor.name, states: statesOf(el) });
        return dispatch(event);
      };
    };
    // The profile demo app greets the portal (a message) when it mounts.
    const profile = await mount('manifest-profile', `${APPS}/profile/`, document.body, record);
    await until(() => fired.some((f) => f.type === 'micro-app-message'), 5000, 'the profile app greeted');
    await unmount(profile);
    const broken = document.createElement('micro-app') as MicroAppElement;
    record(broken);
    broken.setAttribute('name', 'manifest-broken');
    broken.setAttribute('src', `${APPS}/no-such-app-here/`);
    const failed = nextEvent(broken, 'micro-app-error');
    document.body.append(broken);
    await failed;
    const errorStates = statesOf(broken);
    broken.remove();

    const seen = new Set(fired.map((f) => f.type));
    for (const type of ['micro-app-loading', 'micro-app-mounting', 'micro-app-mounted', 'micro-app-message', 'micro-app-unmounting', 'micro-app-unmounted', 'micro-app-error']) {
      expect(seen.has(type), `${type} was fired`).to.equal(true);
    }
    for (const f of fired.filter((e) => e.type.startsWith('micro-app-'))) {
      expect(events.get(f.type), `${f.type} is in the manifest with its class`).to.equal(f.className);
    }
    const taken = new Set([...fired.flatMap((f) => f.states), ...errorStates]);
    // Only states the manifest names are probed, so each one seen is both declared and real.
    for (const state of ['loading', 'mounting', 'mounted', 'unmounting', 'error']) expect(taken.has(state), `:state(${state}) is declared and was taken`).to.equal(true);
  });
});
