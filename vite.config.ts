import { defineConfig } from 'vite';

/**
 * Two library builds of `src/index.ts`, picked by `--mode`:
 * - `dist` (default): ES modules for bundlers, one file per source module,
 *   `lit` left external so an app that already uses lit does not ship two.
 * - `cdn`: one self-contained, minified ES module with lit inlined, for
 *   `<script type="module" src="…/portico.js">`; it defines the elements on load.
 * `scripts/build.mjs` runs both and reports the CDN file's gzip size.
 */
export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
    publicDir: false,
    build: {
      target: 'es2022',
      outDir: cdn ? 'cdn' : 'dist',
      emptyOutDir: true,
      minify: cdn,
      sourcemap: true,
      lib: {
        entry: 'src/index.ts',
        formats: ['es'],
        fileName: () => (cdn ? 'portico.js' : 'index.js'),
      },
      rolldownOptions: {
        external: cdn ? [] : [/^lit(\/.*)?$/, /^@lit\//],
        output: cdn
          ? { minify: true }
          : { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
      },
    },
  };
});
