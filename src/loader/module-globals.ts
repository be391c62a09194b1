/**
 * Which globals an ES module of an app reads as bare identifiers, and the
 * module that hands them over as live import bindings.
 *
 * A module cannot run inside `with (sandbox)`, so a bare identifier in it
 * resolves to the host's global unless the module imports it. Each app
 * module therefore gets, on its first line, an import of the names it uses
 * that are (or may become) the sandbox's:
 * - the names every sandbox binds (`window`, `document`, the timers…);
 * - globals the app already has on its window (set by an earlier script:
 *   `Zone` after zone.js ran, `Promise` once zone.js replaced it);
 * - names the module itself assigns as a property somewhere (`e.Zone = …`):
 *   a global it creates while it runs and then reads bare, as zone.js does.
 * The bindings are live: the generated module re-reads a name whenever the
 * app writes it on its window (sandbox/global-watch.ts), so a module sees
 * `setTimeout` as zone.js patched it, as it would natively.
 *
 * The lists come from a token scan, not a parse: a name that appears bare
 * only inside a string, or only as a local, is imported for nothing (a local
 * shadows it). Names the module declares at its top level (the scanner's
 * `var`/`let`/`const`/`function`/`class`, imports, exports) are never
 * imported, which would be a redeclaration.
 */

/** What the scan of one module source found. */
export interface ModuleNames {
  /** Identifiers that appear bare (not after `.`), less reserved words and the module's own top-level names. */
  bare: string[];
  /** Names the module assigns as a property (`x.name = …`, `x["name"] = …`): globals it may create. */
  assigned: Set<string>;
}

const RESERVED = new Set(
  ('break case catch class const continue debugger default delete do else enum export extends false finally for function ' +
    'if import in instanceof new null return super switch this throw true try typeof var void while with yield let static ' +
    'implements interface package private protected public await arguments eval undefined NaN Infinity ' +
    // Contextual keywords: legal names, but never a global worth importing.
    'as from of get set async target meta').split(' '),
);

/** Scans a module source; `declares` lists the names it declares at its top level (scan-declarations.ts). */
export function scanModuleNames(source: string, declares: (source: string) => string[]): ModuleNames {
  const own = new Set(declares(source));
  // Safety nets for module syntax the classic-script scanner does not read: imports, exports, any `var`.
  for (const m of source.matchAll(/\bvar\s+([\w$]+)/g)) own.add(m[1]!);
  for (const m of source.matchAll(/\bexport\s+(?:default\s+)?(?:async\s+)?(?:function\s*\*?|class|const|let|var)\s*([\w$]+)/g)) own.add(m[1]!);
  for (const m of source.matchAll(/\bimport\s*([\w$]+)?\s*,?\s*(?:\*\s*as\s+([\w$]+)|\{([^}]*)\})?\s*from\s*["']/g)) {
    if (m[1]) own.add(m[1]);
    if (m[2]) own.add(m[2]);
    for (const part of m[3]?.split(',') ?? []) {
      const local = part.trim().split(/\s+as\s+/).pop();
      if (local) own.add(local.replace(/["']/g, ''));
    }
  }
  const bare = new Set<string>();
  for (const m of source.matchAll(/(?<![\w$.#])[A-Za-z_$][\w$]*/g)) bare.add(m[0]);
  for (const name of own) bare.delete(name);
  for (const name of RESERVED) bare.delete(name);
  const assigned = new Set<string>();
  for (const m of source.matchAll(/(?:\.\s*([A-Za-z_$][\w$]*)|\[\s*["']([A-Za-z_$][\w$]*)["']\s*\])\s*(?:\?\?|\|\||&&)?=(?!=)/g)) {
    const name = m[1] ?? m[2]!;
    // Minified bundles name their locals in one or two letters, which also show up as properties.
    if (name.length > 2) assigned.add(name);
  }
  return { bare: [...bare], assigned };
}

/** The names a module imports from its sandbox: see the file comment; `isGlobal` says whether the sandbox has one. */
export function importedNames(names: ModuleNames, isGlobal: (name: string) => boolean): string[] {
  return names.bare.filter((name) => (isGlobal(name) || names.assigned.has(name)) && !name.startsWith(LOCAL));
}

/**
 * The source of a module exporting `names` as live bindings of the instance
 * that `slots.get(id)` holds: each starts with the sandbox's value and is
 * read again when the app writes it.
 */
export function liveBindingsSource(slotsUrl: string, id: string, names: readonly string[]): string {
  // The module's own names are ones no app global can have: an export may be called `slots`, `s` or `n`.
  const read = (name: string) => `${LOCAL}s.read(${JSON.stringify(name)})`;
  return (
    `import{slots as ${LOCAL}slots}from"${slotsUrl}";const ${LOCAL}s=${LOCAL}slots.get(${JSON.stringify(id)});` +
    `export let ${names.map((name) => `${name}=${read(name)}`).join(',')};` +
    `${LOCAL}s.watch(${JSON.stringify(names)},${LOCAL}n=>{switch(${LOCAL}n){${names.map((name) => `case${JSON.stringify(name)}:${name}=${read(name)};break;`).join('')}}});`
  );
}

/** The prefix of the bindings module's own identifiers; names with it are never imported. */
const LOCAL = '__portico_';
