import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, defaultReporter } from '@web/test-runner';
import { isEsModuleShims, wrapServed } from './scripts/esms-wrap.mjs';
import { startAppsServer } from './demo/apps/server.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';

/** Sub-apps and fixtures are served from a second origin, so every load is a real cross-origin one. */
const APPS_PORT = Number(process.env.PORTICO_APPS_PORT ?? 4301);
let apps;

/**
 * TypeScript through esbuild, except the host portals built under demo/hosts/dist/: they are served as their
 * own tool chains wrote them. (esbuild would add "use strict" from our tsconfig to SvelteKit's inline classic
 * bootstrap script, whose undeclared `__sveltekit_*` assignment then throws.) Nor es-module-shims, whose wrap
 * (scripts/esms-wrap.mjs) finds its bundled lexer by a comment esbuild would drop.
 */
function typescript() {
  const plugin = esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' });
  const transform = plugin.transform.bind(plugin);
  plugin.transform = (context) => (context.path.startsWith('/demo/hosts/dist/') || isEsModuleShims(context.path) ? undefined : transform(context));
  return plugin;
}

export default {
  files: ['src/**/*.test.ts', 'demo/hosts/*/host.test.ts'],
  // Tests read the fixtures' origin from here, so PORTICO_APPS_PORT can move it (e.g. two runs at once).
  testRunnerHtml: (testFramework) => `<!doctype html><html><body>
    <script>window.__PORTICO_APPS__ = 'http://127.0.0.1:${APPS_PORT}';</script>
    <script type="module" src="${testFramework}"></script>
  </body></html>`,
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  testsFinishTimeout: 180_000,
  browserStartTimeout: 60_000,
  plugins: [
    typescript(),
    {
      // es-module-shims as the build serves it: a module installing into a private scope.
      name: 'portico-es-module-shims',
      transform(context) {
        const body = wrapServed(context.path, context.body);
        if (body !== undefined) return { body };
      },
    },
    {
      name: 'portico-apps-server',
      async serverStart() {
        apps = await startAppsServer({ port: APPS_PORT });
      },
      async serverStop() {
        await apps?.close();
      },
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        args: [
          '--headless=new',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
          '--disable-quic',
          '--disable-features=NetworkTimeServiceQuerying',
          // window.gc() for the tests that prove a torn-down app is collected (teardown.test.ts).
          '--js-flags=--expose-gc',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 15_000 } },
  reporters: [defaultReporter(), summaryReporter()],
};
