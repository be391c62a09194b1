/**
 * Starts the demo: the sub-apps' server on port 4301 (another origin) and
 * the host portal, served by Vite from the repo root, on port 4300.
 * Open http://127.0.0.1:4300/demo/ (any /demo/<path> serves the portal,
 * which routes by URL). The four framework host portals, built by
 * `npm run build:hosts`, are at /demo/hosts/dist/<host>/. Ctrl-C stops both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createServer } from 'vite';
import { startAppsServer } from '../demo/apps/server.mjs';
import { esModuleShimsPlugin } from './esms-wrap.mjs';

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

/**
 * The framework host portals (demo/hosts/dist/<host>/) are served as their
 * tool chains built them, not through Vite's dev transforms; a path with no
 * such file gets that host's index.html, so its router's deep links reload.
 */
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.txt': 'text/plain' };
const builtHosts = {
  name: 'portico-demo-built-hosts',
  configureServer(server) {
    server.middlewares.use((req, res, next) => {
      const url = decodeURIComponent((req.url ?? '').split(/[?#]/)[0]);
      const host = /^\/demo\/hosts\/dist\/(react|vue|angular|svelte)(\/|$)/.exec(url)?.[1];
      if (!host || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
      const dir = path.join(ROOT, 'demo/hosts/dist', host);
      let file = path.join(ROOT, path.normalize(url));
      if (!file.startsWith(dir)) return next();
      if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dir, 'index.html');
      if (!fs.existsSync(file)) return next();
      res.setHeader('content-type', TYPES[path.extname(file)] ?? 'application/octet-stream');
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file).pipe(res);
    });
  },
};

const portal = await createServer({
  root: ROOT,
  configFile: false,
  logLevel: 'warn',
  // The portal runs Portico from src/: es-module-shims must be served wrapped, as the build and the tests do (esms-wrap.mjs).
  plugins: [esModuleShimsPlugin(), builtHosts, spaFallback],
  // Served as the file itself, so the wrap applies (a pre-bundled copy would have another path).
  optimizeDeps: { exclude: ['es-module-shims'] },
  server: { host: HOST, port: 4300, strictPort: true },
});
await portal.listen();
console.log(`sub-apps: ${apps.url}/`);
console.log(`portal:   http://${HOST}:4300/demo/   (Ctrl-C to stop)`);
console.log(`hosts:    http://${HOST}:4300/demo/hosts/dist/{react,vue,angular,svelte}/`);

const stop = async () => {
  await portal.close();
  await apps.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
