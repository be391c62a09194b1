import { PORTAL_MODULES, portalModuleSource, portalModuleUrl } from '../bus/virtual-modules.js';
import type { AssetCache } from './asset-cache.js';
import { installShims, type ImportShim, type ShimHooks, type Shims } from './esm-shims.js';

/**
 * ES modules of sub-apps (Vite builds) run through es-module-shims in shim
 * mode, so that each module of an app sees that app's sandbox: every module's
 * source gets one import on its first line,
 *   import{window,self,globalThis,document,setTimeout,…}from"https://portico.invalid/sandbox/3.js";
 * whose virtual module exports the sandbox's values. Imports are bound before
 * a module body runs, so even functions called early through a cycle see them.
 * `with` is a SyntaxError in modules, so names not bound this way (say
 * `localStorage`) are the host's; see README.
 *
 * Module instances are keyed by URL, and two instances of one app must not
 * share them: every URL of an app instance carries a `#portico=<id>`
 * fragment, which fetch ignores and which the resolve hook passes from parent
 * to child, so relative imports and `import()` stay in the instance's graph.
 * `import.meta.url` keeps the real URL (the fragment aside).
 *
 * es-module-shims (about 20 kB gzip) loads only when the first app with
 * module scripts mounts, into a private scope (esm-shims.ts): the host's
 * globals and listeners stay as they were.
 */
const VIRTUAL = 'https://portico.invalid/sandbox/';
const MARK = '#portico=';

interface Instance {
  bindings: Record<string, unknown>;
  /** The names a module's source declares at its top level (scan-declarations.ts, passed in so this chunk does not carry it). */
  declares: (source: string) => string[];
  inline: Map<string, string>;
  /** The page's cache of fetched texts: module sources are fetched once per page, like classic scripts. */
  sources?: AssetCache;
}

let ready: Promise<Shims<Instance>> | undefined;
let counter = 0;

/** One app instance's entry to the module loader. */
export interface ModuleScope {
  /** Imports (and runs) a module by absolute URL. */
  importUrl(url: string): Promise<unknown>;
  /** Runs an inline `<script type="module">`, resolving its imports against `baseUrl`. */
  importInline(code: string, baseUrl: string, index: number): Promise<unknown>;
  /** Forgets the instance's module records so a remount loads fresh ones. */
  release(): void;
}

/**
 * Creates the module scope of one app instance; `bindings` are read once, when
 * its first module runs; `declares` lists a source's top-level declarations.
 */
export function createModuleScope(bindings: () => Record<string, unknown>, declares: (source: string) => string[], sources?: AssetCache): ModuleScope {
  const id = String(++counter);
  const instance: Instance = { bindings: {}, declares, inline: new Map(), sources };
  let bound = false;
  const start = async () => {
    const shims = await (ready ??= installShims(hooks));
    if (!bound) {
      // `importShim` is what es-module-shims' rewritten `import()` and `import.meta` call by name.
      instance.bindings = { ...bindings(), importShim: shims.importShim };
      bound = true;
    }
    shims.slots.set(id, instance);
    return shims.importShim;
  };
  let released = false;
  return {
    async importUrl(url) {
      const importShim = await start();
      return importShim(withMark(url, id));
    },
    async importInline(code, baseUrl, index) {
      const importShim = await start();
      const url = new URL(`__portico_inline_module_${index}.js`, baseUrl).href;
      instance.inline.set(url, code);
      return importShim(withMark(url, id));
    },
    release() {
      if (released) return;
      released = true;
      void ready?.then(({ slots, importShim }) => {
        slots.delete(id);
        forget(importShim._r, id);
      });
    },
  };
}

/** Drops an instance's module records (and their blob URLs) from the registry. */
function forget(registry: ImportShim['_r'], id: string): void {
  for (const key of Object.keys(registry)) {
    if (!key.endsWith(MARK + id) && key !== `${VIRTUAL}${id}.js`) continue;
    const blob = registry[key]?.b;
    if (blob?.startsWith('blob:')) URL.revokeObjectURL(blob);
    delete registry[key];
  }
}

const withMark = (url: string, id: string) => `${url.split('#')[0]}${MARK}${id}`;
const markOf = (url: string | undefined) => (url?.includes(MARK) ? url.slice(url.lastIndexOf(MARK) + MARK.length) : undefined);

/** The loader's resolve and source hooks; generated modules read an instance's bindings from `slots` (at `slotsUrl`). */
function hooks(slotsUrl: string, slots: Map<string, Instance>): ShimHooks {
  const slot = (id: string) => `import{slots}from"${slotsUrl}";const b=slots.get(${JSON.stringify(id)}).bindings;`;
  const instanceOf = (mark: string | undefined) => (mark ? slots.get(mark) : undefined);
  return {
    resolve(id, parent, defaultResolve) {
      if (id === slotsUrl) return id;
      const mark = markOf(parent);
      // `portico:store` and `portico:bus`: virtual modules of the app's own bus and stores.
      const portal = portalModuleUrl(id);
      if (portal) return mark ? withMark(portal, mark) : portal;
      const resolved = defaultResolve(id, parent?.split('#')[0]);
      return mark && !resolved.startsWith(VIRTUAL) ? withMark(resolved, mark) : resolved;
    },
    async source(url, options, parent, defaultSource) {
      if (url.startsWith(VIRTUAL)) {
        const id = url.slice(VIRTUAL.length, -3);
        return { type: 'js', source: slot(id) + virtualExports(instanceOf(id)) };
      }
      const mark = markOf(url);
      const instance = instanceOf(mark);
      if (url.startsWith(PORTAL_MODULES)) return { type: 'js', source: instance ? slot(mark!) + portalModuleSource(url, 'b.window') : portalModuleSource(url, undefined) };
      const plain = url.split('#')[0];
      const inline = instance?.inline.get(plain);
      const cached = instance?.sources?.get(moduleKey(plain));
      const loaded =
        inline !== undefined
          ? { type: 'js', source: inline }
          : cached
            ? { type: 'js', source: cached.text, url: cached.url }
            : await defaultSource(url, options, parent);
      if (!instance) return loaded;
      if (inline === undefined && !cached && loaded.type === 'js' && typeof loaded.source === 'string') {
        instance.sources?.set(moduleKey(plain), { url: (loaded.url ?? plain).split('#')[0], text: loaded.source });
      }
      // The response URL becomes the parent of the module's imports: it must keep the mark.
      const marked = { ...loaded, url: withMark(loaded.url ?? url, mark!) };
      return loaded.type === 'js' ? { ...marked, source: prelude(mark!, instance, loaded.source) + loaded.source } : marked;
    },
  };
}

/** The exports of the virtual module that hands one instance's sandbox bindings to its modules. */
function virtualExports(instance: Instance | undefined): string {
  const names = Object.keys(instance?.bindings ?? {});
  return `export const ${names.map((n) => `${n}=b.${n}`).join(',')};`;
}

/** The cache key of a module source: never the key of a classic script at the same URL. */
const moduleKey = (url: string) => `module ${url}`;

/**
 * The names each module source imports from the sandbox, by the set of
 * binding names and then by the source itself: a remount (a new instance,
 * same sources and names) does not scan a big vendor chunk again. The
 * sources are the very strings the page's cache holds, so this keeps no
 * second copy.
 */
const imported = new Map<string, Map<string, string[]>>();

/** The line-1 import of a module's sandbox bindings, minus names the module declares itself. */
function prelude(id: string, instance: Instance, source: string): string {
  const all = Object.keys(instance.bindings);
  const key = all.join(',');
  const bySource = imported.get(key) ?? new Map<string, string[]>();
  imported.set(key, bySource);
  let names = bySource.get(source);
  if (!names) {
    const declared = new Set(instance.declares(source));
    // And every `var x` anywhere (a module-level one would clash with the import), in one pass over the source.
    for (const match of source.matchAll(/\bvar\s+([\w$]+)/g)) declared.add(match[1]!);
    names = all.filter((name) => !declared.has(name));
    // Only sources the page's cache holds are kept here (a `reload()` fetches new strings every time).
    if (instance.sources) bySource.set(source, names);
  }
  return names.length ? `import{${names.join(',')}}from"${VIRTUAL}${id}.js";` : '';
}
