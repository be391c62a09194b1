/**
 * Starts the demo: the sub-apps' server on port 4301 (another origin) and
 * the host portal, served by Vite from the repo root, on port 4300.
 * Open http://127.0.0.1:4300/demo/ (any /demo/<path> serves the portal,
 * which routes by URL). Ctrl-C stops both.
 */
import path from 'node:path';
import { createServer } from 'vite';
import { startAppsServer } from '../demo/apps/server.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const HOST = process.env.HOST ?? '127.0.0.1';

const apps = await startAppsServer({ port: 4301, host: HOST });
/**
 * The portal routes by path (/demo/todos, /demo/shop/42…): a reload or a
 * shared link on such a path must get the portal page, as an SPA host's
 * server would serve it. Paths with a file extension (portal.ts, portal.css)
 * are left to Vite.
 */
const spaFallback = {
  name: 'portico-demo-spa-fallback',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const path = (req.url ?? '').split(/[?#]/)[0];
      if ((req.method === 'GET' || req.method === 'HEAD') && path.startsWith('/demo/') && !/\.[a-z0-9]+$/i.test(path)) req.url = '/demo/index.html';
      next();
    });
  },
};

const portal = await createServer({
  root: ROOT,
  configFile: false,
  logLevel: 'warn',
  plugins: [spaFallback],
  server: { host: HOST, port: 4300, strictPort: true },
});
await portal.listen();
console.log(`sub-apps: ${apps.url}/`);
console.log(`portal:   http://${HOST}:4300/demo/   (Ctrl-C to stop)`);

const stop = async () => {
  await portal.close();
  await apps.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
