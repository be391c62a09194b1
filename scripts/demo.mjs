/**
 * Starts the demo: the sub-apps' server on port 4301 (another origin) and
 * the host portal, served by Vite from the repo root, on port 4300.
 * Open http://127.0.0.1:4300/demo/ . Ctrl-C stops both.
 */
import path from 'node:path';
import { createServer } from 'vite';
import { startAppsServer } from '../demo/apps/server.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const HOST = process.env.HOST ?? '127.0.0.1';

const apps = await startAppsServer({ port: 4301, host: HOST });
const portal = await createServer({
  root: ROOT,
  configFile: false,
  logLevel: 'warn',
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
