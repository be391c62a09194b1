import { PORTAL_MODULES, portalModuleSource, portalModuleUrl } from '../bus/virtual-modules.js';
import { scanTopLevelDeclarations } from '../sandbox/scan-declarations.js';

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
 * module scripts mounts.
 */
const VIRTUAL = 'https://portico.invalid/sandbox/';
const MARK = '#portico=';
const REGISTRY = '__PORTICO_ESM__';

interface Instance {
  bindings: Record<string, unknown>;
  inline: Map<string, string>;
}

type ImportShim = ((url: string) => Promise<unknown>) & { _r?: Record<string, { b?: string }> };

let ready: Promise<ImportShim> | undefined;
let counter = 0;
const instances = new Map<string, Instance>();

/** One app instance's entry to the module loader. */
export interface ModuleScope {
  /** Imports (and runs) a module by absolute URL. */
  importUrl(url: string): Promise<unknown>;
  /** Runs an inline `<script type="module">`, resolving its imports against `baseUrl`. */
  importInline(code: string, baseUrl: string, index: number): Promise<unknown>;
  /** Forgets the instance's module records so a remount loads fresh ones. */
  release(): void;
}

/** Creates the module scope of one app instance; `bindings` are read once, when its first module runs. */
export function createModuleScope(bindings: () => Record<string, unknown>): ModuleScope {
  const id = String(++counter);
  const instance: Instance = { bindings: {}, inline: new Map() };
  let bound = false;
  const start = async () => {
    if (!bound) {
      instance.bindings = bindings();
      bound = true;
    }
    instances.set(id, instance);
    return (ready ??= loadShims());
  };
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
      instances.delete(id);
      const registry = (globalThis as unknown as { importShim?: ImportShim }).importShim?._r;
      if (!registry) return;
      for (const key of Object.keys(registry)) {
        if (!key.endsWith(MARK + id) && key !== `${VIRTUAL}${id}.js`) continue;
        const blob = registry[key]?.b;
        if (blob?.startsWith('blob:')) URL.revokeObjectURL(blob);
        delete registry[key];
      }
    },
  };
}

const withMark = (url: string, id: string) => `${url.split('#')[0]}${MARK}${id}`;
const markOf = (url: string | undefined) => (url?.includes(MARK) ? url.slice(url.lastIndexOf(MARK) + MARK.length) : undefined);

async function loadShims(): Promise<ImportShim> {
  const host = globalThis as unknown as Record<string, unknown>;
  Object.defineProperty(host, REGISTRY, { value: instances, configurable: true });
  host.esmsInitOptions = {
    shimMode: true,
    // Hold app modules' load events to the app itself: the host's DOMContentLoaded is long gone.
    noLoadEventRetriggers: true,
    resolve(id: string, parent: string | undefined, defaultResolve: (id: string, parent?: string) => string) {
      const mark = markOf(parent);
      // `portico:store` and `portico:bus`: virtual modules of the app's own bus and stores.
      const portal = portalModuleUrl(id);
      if (portal) return mark ? withMark(portal, mark) : portal;
      const resolved = defaultResolve(id, parent?.split('#')[0]);
      return mark && !resolved.startsWith(VIRTUAL) ? withMark(resolved, mark) : resolved;
    },
    async source(url: string, options: RequestInit, parent: string, defaultSource: Function) {
      if (url.startsWith(VIRTUAL)) return { type: 'js', source: virtualModule(url.slice(VIRTUAL.length, -3)) };
      if (url.startsWith(PORTAL_MODULES)) {
        const id = markOf(url);
        return { type: 'js', source: portalModuleSource(url, id && instances.has(id) ? `${REGISTRY}.get(${JSON.stringify(id)}).bindings.window` : undefined) };
      }
      const mark = markOf(url);
      const instance = mark ? instances.get(mark) : undefined;
      const inline = instance?.inline.get(url.split('#')[0]);
      const loaded = inline !== undefined ? { type: 'js', source: inline } : await defaultSource(url, options, parent);
      if (!instance) return loaded;
      // The response URL becomes the parent of the module's imports: it must keep the mark.
      const marked = { ...loaded, url: withMark(loaded.url ?? url, mark!) };
      return loaded.type === 'js' ? { ...marked, source: prelude(mark!, instance, loaded.source) + loaded.source } : marked;
    },
  };
  // @ts-ignore: es-module-shims ships typings for its globals only, not a module declaration.
  await import('es-module-shims');
  return (globalThis as unknown as { importShim: ImportShim }).importShim;
}

/** The virtual module that hands one instance's sandbox bindings to its modules. */
function virtualModule(id: string): string {
  const instance = instances.get(id);
  const names = Object.keys(instance?.bindings ?? {});
  return `const b=${REGISTRY}.get(${JSON.stringify(id)}).bindings;export const ${names.map((n) => `${n}=b.${n}`).join(',')};`;
}

/** The line-1 import of a module's sandbox bindings, minus names the module declares itself. */
function prelude(id: string, instance: Instance, source: string): string {
  const declared = new Set(scanTopLevelDeclarations(source));
  const names = Object.keys(instance.bindings).filter((name) => !declared.has(name) && !new RegExp(`\\bvar\\s+${name}\\b`).test(source));
  return names.length ? `import{${names.join(',')}}from"${VIRTUAL}${id}.js";` : '';
}
