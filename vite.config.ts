import { defineConfig } from 'vite';
// @ts-ignore: a plain .mjs helper shared with web-test-runner.config.mjs.
import { esModuleShimsPlugin } from './scripts/esms-wrap.mjs';

/**
 * Two library builds of `src/index.ts`, picked by `--mode`:
 * - `dist` (default): ES modules for bundlers, one file per source module,
 *   `lit` left external so an app that already uses lit does not ship two.
 * - `cdn`: one self-contained, minified ES module with lit inlined, for
 *   `<script type="module" src="…/portico.js">`; it defines the elements on load.
 * `scripts/build.mjs` runs both and reports the CDN file's gzip size.
 * Both serve es-module-shims as a module that installs into a private scope
 * (scripts/esms-wrap.mjs), so it never touches the host's globals.
 */
export default defineConfig(({ mode }) => {
  const cdn = mode === 'cdn';
  return {
    publicDir: false,
    plugins: [esModuleShimsPlugin()],
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
