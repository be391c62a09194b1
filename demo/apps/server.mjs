/**
 * Static server for the demo sub-apps and test fixtures, meant to run on a
 * second origin (default http://127.0.0.1:4301) so the shell fetches them
 * cross-origin. Every response is CORS-open and uncacheable.
 *
 * URL layout:
 *   /<name>/...          demo/apps/<name>/dist/... (or demo/apps/<name>/... when there is no dist)
 *   /fixtures/<name>/... demo/fixtures/<name>/...
 *   /cdn/...             cdn/...
 *   /assets/...          demo/apps/vue-root/dist/assets/... (vue-root is built with Vite's default
 *                        `base: '/'`, so its index.html at /vue-root/ points at /assets/...)
 *   /__fault/...         misbehaving responses for tests (see FAULTS below)
 *
 * Run directly with `node demo/apps/server.mjs [port]`.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const DEFAULT_ROOT = path.resolve(import.meta.dirname, '..', '..');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const COMMON_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Cache-Control': 'no-store',
};

const MAX_SLOW_MS = 120_000;
const MAX_BIG_MB = 100;

/**
 * Starts the apps server.
 * @param {object} [options]
 * @param {number} [options.port=4301] Port to listen on (0 picks a free one).
 * @param {string} [options.host='127.0.0.1']
 * @param {string} [options.root] Repository root; defaults to two levels above this file.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} `url` has no trailing slash.
 */
export async function startAppsServer({ port = 4301, host = '127.0.0.1', root = DEFAULT_ROOT } = {}) {
  const repoRoot = path.resolve(root);
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(COMMON_HEADERS)) res.setHeader(name, value);
    res.on('error', () => {}); // a client vanishing mid-response is not our problem
    handle(req, res, repoRoot).catch((error) => {
      if (!res.headersSent) sendText(res, 500, `Internal error: ${error.message}`);
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => console.error('[apps-server]', error));

  const address = server.address();
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${urlHost}:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // also aborts pending /__fault/slow requests
      }),
  };
}

/** Routes one request. */
async function handle(req, res, repoRoot) {
  if (req.method === 'OPTIONS') {
    res.writeHead(204).end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed');
    return;
  }
  const [rawPath, query = ''] = (req.url ?? '/').split(/\?(.*)/s);
  await route(req, res, repoRoot, rawPath, query ? `?${query}` : '');
}

async function route(req, res, repoRoot, rawPath, search) {
  if (rawPath.startsWith('/__fault/')) return fault(req, res, repoRoot, rawPath.slice('/__fault/'.length), search);
  return serveStatic(req, res, repoRoot, rawPath, search);
}

/** Maps a URL path to a file under the repository, or null when it has no mapping. */
function resolveFile(repoRoot, urlPath) {
  const segments = urlPath.split('/').filter(Boolean);
  if (segments.length === 0) return null;
  const [first, ...rest] = segments;
  if (first === 'cdn') return path.join(repoRoot, 'cdn', ...rest);
  if (first === 'fixtures') return path.join(repoRoot, 'demo', 'fixtures', ...rest);
  if (first === 'assets') return path.join(repoRoot, 'demo', 'apps', 'vue-root', 'dist', 'assets', ...rest);
  const appDir = path.join(repoRoot, 'demo', 'apps', first);
  const distDir = path.join(appDir, 'dist');
  return path.join(isDirectory(distDir) ? distDir : appDir, ...rest);
}

async function serveStatic(req, res, repoRoot, rawPath, search) {
  let urlPath;
  try {
    urlPath = decodeURIComponent(rawPath);
  } catch {
    return sendText(res, 400, 'Bad request: malformed URL');
  }
  if (urlPath.includes('\0') || urlPath.includes('\\') || urlPath.split('/').includes('..')) {
    return sendText(res, 403, 'Forbidden');
  }
  if (urlPath === '/') return sendIndex(res, repoRoot);
  if (urlPath === '/favicon.ico') return void res.writeHead(204).end(); // keeps browser consoles quiet

  let file = resolveFile(repoRoot, urlPath);
  if (!file) return sendText(res, 404, `Not found: ${urlPath}`);
  if (file !== repoRoot && !file.startsWith(repoRoot + path.sep)) return sendText(res, 403, 'Forbidden');

  if (urlPath.endsWith('/')) file = path.join(file, 'index.html');
  else if (isDirectory(file)) {
    // Without the slash, relative URLs inside the page would resolve against the parent.
    res.writeHead(301, { Location: `${rawPath}/${search}` }).end();
    return;
  }

  let body;
  try {
    body = await fs.promises.readFile(file);
  } catch {
    return sendText(res, 404, `Not found: ${urlPath}`);
  }
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** A tiny landing page listing the apps. */
function sendIndex(res, repoRoot) {
  let names = [];
  try {
    names = fs
      .readdirSync(path.join(repoRoot, 'demo', 'apps'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {}
  const items = names.map((name) => `<li><a href="/${name}/">${name}</a></li>`).join('');
  sendHtml(res, 200, `<!doctype html><title>Portico demo apps</title><h1>Demo apps</h1><ul>${items}</ul>`);
}

/**
 * Fault routes; `spec` is the path after `/__fault/`.
 *   status/<code>        that status with a small HTML body
 *   slow/<ms>/<rest>     waits, then serves /<rest>
 *   redirect/<rest>      302 to /<rest>
 *   flaky/<key>/<n>/<rest>  the first <n> requests for <key> answer 503, later ones serve /<rest>
 *   drop                 socket destroyed, no response
 *   truncated            Content-Length: 100000 but only a partial body
 *   binary               text/html made of random bytes (with NULs)
 *   big/<mb>             a valid HTML page of about <mb> MB that sets window.bigLoaded
 */
/** Requests seen so far by each `flaky/<key>` route. */
const flakyCounts = new Map();

async function fault(req, res, repoRoot, spec, search) {
  const [kind, arg = '', ...more] = spec.split('/');
  switch (kind) {
    case 'status': {
      const code = Number(arg);
      if (!Number.isInteger(code) || code < 200 || code > 599) return sendText(res, 400, `Bad status: ${arg}`);
      return sendHtml(res, code, `<!doctype html><title>${code}</title><h1>Status ${code}</h1>`);
    }
    case 'slow': {
      const ms = Number(arg);
      if (!Number.isFinite(ms) || ms < 0 || ms > MAX_SLOW_MS) return sendText(res, 400, `Bad delay: ${arg}`);
      const aborted = await delay(ms, res);
      if (aborted) return;
      return route(req, res, repoRoot, `/${more.join('/')}`, search);
    }
    case 'flaky': {
      const [count = '', ...rest] = more;
      const seen = (flakyCounts.get(arg) ?? 0) + 1;
      flakyCounts.set(arg, seen);
      if (seen <= Number(count)) return sendHtml(res, 503, `<!doctype html><title>503</title><h1>Flaky ${seen}/${count}</h1>`);
      return route(req, res, repoRoot, `/${rest.join('/')}`, search);
    }
    case 'redirect':
      res.writeHead(302, { Location: `/${spec.slice('redirect/'.length)}${search}`, 'Content-Length': 0 }).end();
      return;
    case 'drop':
      req.socket.destroy();
      return;
    case 'truncated': {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': 100_000 });
      const partial = '<!doctype html><html><head><title>Truncated</title></head><body><p>This page never ';
      res.write(partial, () => setTimeout(() => req.socket.destroy(), 20));
      return;
    }
    case 'binary':
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(randomBytes(2048));
      return;
    case 'big': {
      const mb = Number(arg);
      if (!Number.isFinite(mb) || mb <= 0 || mb > MAX_BIG_MB) return sendText(res, 400, `Bad size: ${arg}`);
      const body = bigPage(mb);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    default:
      return sendText(res, 404, `Unknown fault: ${spec}`);
  }
}

/** Resolves to true if the response closed (client went away) before `ms` elapsed. */
function delay(ms, res) {
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(false);
    }, ms);
    res.once('close', onClose);
  });
}

function randomBytes(size) {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = i % 64 === 0 ? 0 : Math.floor(Math.random() * 256);
  return bytes;
}

function bigPage(mb) {
  const paragraph =
    '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore ' +
    'et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ' +
    'ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore.</p>\n';
  const count = Math.max(1, Math.round((mb * 1024 * 1024) / paragraph.length));
  const head = '<!doctype html><html><head><meta charset="utf-8"><title>Big page</title></head><body>\n<h1>Big page</h1>\n';
  const tail = '<script>window.bigLoaded = true;</script>\n</body></html>\n';
  return Buffer.from(head + paragraph.repeat(count) + tail);
}

function isDirectory(file) {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function sendText(res, status, text) {
  const body = Buffer.from(`${text}\n`);
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}

function sendHtml(res, status, html) {
  const body = Buffer.from(html);
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 4301);
  const { url, close } = await startAppsServer({ port });
  console.log(`Demo apps served at ${url}/ (e.g. ${url}/jquery/ and ${url}/react/)`);
  const stop = () => close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
