import type { Patcher } from '../types.js';
import { wrapCreateElement } from './wrap-create-element.js';

/** URL-valued properties (and their attributes) of the elements an app creates. */
const URL_PROPERTIES: Record<string, readonly string[] | undefined> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  img: ['src'],
  iframe: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  embed: ['src'],
  input: ['src'],
  form: ['action'],
  object: ['data'],
};
const SRCSET = new Set(['img', 'source']);
const ABSOLUTE = /^([a-z][a-z0-9+.-]*:|#|\/\/)/i;

/**
 * Relative URLs an app assigns at run time (`img.src = '/logo.png'`,
 * `link.href = 'chunk.css'`, Vite's preload `<link>`s under `base: '/'`) must
 * resolve against the app's base, not the host page's. For elements the app
 * creates through its `document.createElement`, the URL properties and
 * `setAttribute` are given per-instance versions that resolve first; for
 * markup inserted any other way (`innerHTML`), a MutationObserver on the
 * app's root rewrites relative URL attributes as the nodes arrive. Host
 * elements and prototypes are untouched.
 */
export const patchElementUrls: Patcher = (target) => {
  const resolve = (value: string) => (ABSOLUTE.test(value.trim()) || value === '' ? value : new URL(value, target.baseUrl).href);
  const resolveSrcset = (value: string) =>
    value
      .split(',')
      .map((part) => part.trim().replace(/^\S+/, (url) => resolve(url)))
      .join(', ');

  const unwrap = wrapCreateElement(target, (el, tag) => {
    const properties = URL_PROPERTIES[tag];
    if (!properties) return;
    const proto = Object.getPrototypeOf(el) as object;
    for (const name of properties) {
      const native = findDescriptor(proto, name);
      if (!native?.set || !native.get) continue;
      Object.defineProperty(el, name, {
        configurable: true,
        get: () => native.get!.call(el),
        set: (value: unknown) => native.set!.call(el, resolve(String(value))),
      });
    }
    const setAttribute = el.setAttribute;
    Object.defineProperty(el, 'setAttribute', {
      configurable: true,
      writable: true,
      value(name: string, value: string) {
        const lower = name.toLowerCase();
        const fixed = properties.includes(lower) ? resolve(String(value)) : lower === 'srcset' && SRCSET.has(tag) ? resolveSrcset(String(value)) : value;
        return setAttribute.call(el, name, fixed);
      },
    });
  });

  const fix = (el: Element) => {
    const tag = el.localName;
    for (const name of URL_PROPERTIES[tag] ?? []) {
      const value = el.getAttribute(name);
      if (value !== null && !ABSOLUTE.test(value.trim()) && value !== '') el.setAttribute(name, resolve(value));
    }
    const srcset = SRCSET.has(tag) ? el.getAttribute('srcset') : null;
    if (srcset) {
      const fixed = resolveSrcset(srcset);
      if (fixed !== srcset) el.setAttribute('srcset', fixed);
    }
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        fix(node);
        for (const child of node.querySelectorAll('[src], [href], [srcset], [poster], [action], object[data]')) fix(child);
      }
    }
  });
  observer.observe(target.tree.root, { childList: true, subtree: true });

  return () => {
    observer.disconnect();
    unwrap();
  };
};

function findDescriptor(proto: object | null, name: string): PropertyDescriptor | undefined {
  for (; proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor) return descriptor;
  }
  return undefined;
}
