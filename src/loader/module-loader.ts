import { PORTAL_MODULES, portalModuleSource, portalModuleUrl } from '../bus/virtual-modules.js';
import type { CachedAsset } from './asset-cache.js';
import { installShims, type ImportShim, type ShimHooks, type Shims } from './esm-shims.js';
import { importedNames, liveBindingsSource, scanModuleNames, type ModuleNames } from './module-globals.js';

/**
 * ES modules of sub-apps (Vite builds) run through es-module-shims in shim
 * mode, so that each module of an app sees that app's sandbox: every module's
 * source gets one import on its first line,
 *   import{window,document,setTimeout,Zone,…}from"https://portico.invalid/sandbox/3/0.js";
 * of the globals it reads bare, whose virtual module exports the sandbox's
 * values as live bindings (module-globals.ts). Imports are bound before a
 * module body runs, so even functions called early through a cycle see them.
 * `with` is a SyntaxError in modules, so a host global the module reads and
 * the app never set (say `localStorage`) stays the host's; see README.
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

/** The page's cache of module sources, by URL (the AssetCache under its module keys, see lazy-module-scope.ts). */
export interface ModuleSources {
  get(url: string): CachedAsset | undefined;
  set(url: string, asset: CachedAsset): void;
  /** The fetch of `url` the entry's warm-up has in flight (module-warmup.ts), if any. */
  pending(url: string): Promise<CachedAsset | undefined> | undefined;
}

/** What a module scope needs of the app's sandbox: its globals, as modules import them. */
export interface ModuleGlobals {
  /** The names every module of the app imports when it reads them (`window`, `document`, the timers…). */
  names(): string[];
  /** The sandbox's current value of global `name`. */
  read(name: string): unknown;
  /** Whether the app has a global `name` of its own (it wrote it on its window). */
  owns(name: string): boolean;
  /** Calls `onChange(name)` after each write of one of `names` on the app's window. */
  watch(names: readonly string[], onChange: (name: string) => void): void;
}

interface Instance {
  globals: ModuleGlobals;
  /** {@link ModuleGlobals.names}, read when the first module runs, plus `importShim`. */
  standard: Set<string>;
  /** What the generated bindings module calls: a global's value now (`importShim` is the loader's). */
  read(name: string): unknown;
  watch(names: readonly string[], onChange: (name: string) => void): void;
  /** The name lists of the instance's bindings modules (`${VIRTUAL}${id}/${index}.js`), and their indexes. */
  sets: string[][];
  setIndex: Map<string, number>;
  /** The names a module's source declares at its top level (scan-declarations.ts, passed in so this chunk does not carry it). */
  declares: (source: string) => string[];
  inline: Map<string, string>;
  /** The page's cache of fetched texts: module sources are fetched once per page, like classic scripts. */
  sources?: ModuleSources;
}

let ready: Promise<Shims<Instance>> | undefined;
let counter = 0;

/**
 * Loads es-module-shims and compiles its lexer now, if no app has yet: what
 * the first module of the first module app would otherwise wait for
 * (module-warmup.ts).
 */
export function installModuleLoader(): Promise<unknown> {
  return (ready ??= installShims(hooks));
}

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
 * Creates the module scope of one app instance over its sandbox's `globals`;
 * `declares` lists a source's top-level declarations.
 */
export function createModuleScope(globals: ModuleGlobals, declares: (source: string) => string[], sources?: ModuleSources): ModuleScope {
  const id = String(++counter);
  let importShim: ImportShim | undefined;
  const instance: Instance = {
    globals,
    standard: new Set(),
    read: (name) => (name === 'importShim' ? importShim : globals.read(name)),
    watch: globals.watch,
    sets: [],
    setIndex: new Map(),
    declares,
    inline: new Map(),
    sources,
  };
  let bound = false;
  const start = async () => {
    const shims = (await installModuleLoader()) as Shims<Instance>;
    if (!bound) {
      importShim = shims.importShim;
      // `importShim` is what es-module-shims' rewritten `import()` and `import.meta` call by name.
      instance.standard = new Set([...globals.names(), 'importShim']);
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
    if (!key.endsWith(MARK + id) && !key.startsWith(`${VIRTUAL}${id}/`)) continue;
    const blob = registry[key]?.b;
    if (blob?.startsWith('blob:')) URL.revokeObjectURL(blob);
    delete registry[key];
  }
}

const withMark = (url: string, id: string) => `${url.split('#')[0]}${MARK}${id}`;
const markOf = (url: string | undefined) => (url?.includes(MARK) ? url.slice(url.lastIndexOf(MARK) + MARK.length) : undefined);

/** The loader's resolve and source hooks; generated modules read an instance's bindings from `slots` (at `slotsUrl`). */
function hooks(slotsUrl: string, slots: Map<string, Instance>): ShimHooks {
  const slot = (id: string) => `import{slots}from"${slotsUrl}";const b=slots.get(${JSON.stringify(id)});`;
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
        const [id, index] = url.slice(VIRTUAL.length, -3).split('/') as [string, string];
        return { type: 'js', source: liveBindingsSource(slotsUrl, id, instanceOf(id)?.sets[Number(index)] ?? []) };
      }
      const mark = markOf(url);
      const instance = instanceOf(mark);
      if (url.startsWith(PORTAL_MODULES)) return { type: 'js', source: instance ? slot(mark!) + portalModuleSource(url, 'b.read("window")') : portalModuleSource(url, undefined) };
      const plain = url.split('#')[0];
      const inline = instance?.inline.get(plain);
      // A source the entry named may still be on its way (module-warmup.ts).
      const cached = inline === undefined ? (instance?.sources?.get(plain) ?? (await instance?.sources?.pending(plain))) : undefined;
      const loaded =
        inline !== undefined
          ? { type: 'js', source: inline }
          : cached
            ? { type: 'js', source: cached.text, url: cached.url }
            : await defaultSource(url, options, parent);
      if (!instance) return loaded;
      if (inline === undefined && !cached && loaded.type === 'js' && typeof loaded.source === 'string') {
        instance.sources?.set(plain, { url: (loaded.url ?? plain).split('#')[0], text: loaded.source });
      }
      // The response URL becomes the parent of the module's imports: it must keep the mark.
      const marked = { ...loaded, url: withMark(loaded.url ?? url, mark!) };
      return loaded.type === 'js' ? { ...marked, source: prelude(mark!, instance, loaded.source) + loaded.source } : marked;
    },
  };
}

/**
 * What the scan of each module source found, by the source itself: a remount
 * (a new instance, same sources) does not scan a big vendor chunk again. The
 * sources are the very strings the page's cache holds, so this keeps no
 * second copy.
 */
const scanned = new Map<string, ModuleNames>();

/** The line-1 import of the sandbox globals a module reads bare (see module-globals.ts). */
function prelude(id: string, instance: Instance, source: string): string {
  let names = scanned.get(source);
  if (!names) {
    names = scanModuleNames(source, instance.declares);
    // Only sources the page's cache holds are kept here (a `reload()` fetches new strings every time).
    if (instance.sources) scanned.set(source, names);
  }
  const { standard, globals } = instance;
  const wanted = importedNames(names, (name) => standard.has(name) || globals.owns(name));
  // es-module-shims rewrites `import()` and `import.meta` into calls of `importShim` after this hook.
  if (!wanted.includes('importShim')) wanted.push('importShim');
  const key = wanted.join(',');
  let index = instance.setIndex.get(key);
  if (index === undefined) {
    index = instance.sets.push(wanted) - 1;
    instance.setIndex.set(key, index);
  }
  return `import{${key}}from"${VIRTUAL}${id}/${index}.js";`;
}
