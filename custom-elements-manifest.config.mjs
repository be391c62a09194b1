/**
 * The Custom Elements Manifest (custom-elements.json), generated from the
 * elements' source and JSDoc by `npm run build` (scripts/build.mjs). Tools
 * find it through package.json's `customElements`; the host typings
 * (scripts/host-typings.mjs) are generated from it.
 */
export default {
  globs: ['src/elements/micro-app.ts', 'src/elements/micro-store.ts', 'src/elements/events.ts', 'src/bus/store-events.ts'],
  exclude: ['**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [publicSurfaceOnly()],
};

/**
 * Keeps what a user of the package can reach: exported declarations only
 * (the analyzer also lists module-private helpers), and named events only
 * (it also records each `dispatchEvent(new SomeEvent(…))` without a name,
 * beside the `@fires` entries that name them).
 */
const shipped = (path) => path.replace(/^\/?src\//, 'dist/').replace(/\.ts$/, '.js');

function publicSurfaceOnly() {
  return {
    name: 'portico-public-surface',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        const exported = new Set((mod.exports ?? []).map((e) => e.declaration?.name ?? e.name));
        mod.declarations = (mod.declarations ?? []).filter((d) => exported.has(d.name));
        // The package ships dist/, built one module per source file: point at what a user imports.
        mod.path = shipped(mod.path);
        for (const e of mod.exports ?? []) if (e.declaration?.module) e.declaration.module = shipped(e.declaration.module);
        for (const d of mod.declarations) {
          if (d.events) d.events = d.events.filter((e) => e.name);
          if (d.superclass?.module) d.superclass.module = shipped(d.superclass.module);
          // Importing the package defines the tags (src/index.ts calls define.ts).
          if (d.customElement && d.tagName) mod.exports.push({ kind: 'custom-element-definition', name: d.tagName, declaration: { name: d.name, module: mod.path } });
        }
      }
    },
  };
}
