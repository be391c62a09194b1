/**
 * The host origin of the benchmark: one small static server on 127.0.0.1 (a
 * port other than the apps server's) that serves
 *   /shell/<shell>.html  the host page of one shell (loads /bench/page/host.js?shell=<shell>)
 *   /bench/page/*.js     the browser-side shell adapters (bench/page/)
 *   /vendor/<peer>.js    the peers' esbuild bundles (bench/.cache/)
 *   /cdn/*               Portico's CDN build (cdn/)
 * and a blank HTML page for any other path (wujie points its sandbox iframe at
 * the host origin and stops it loading).
 */
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };
const MOUNTS = {
  '/bench/page/': path.join(ROOT, 'bench', 'page'),
  '/vendor/': path.join(ROOT, 'bench', '.cache'),
  '/cdn/': path.join(ROOT, 'cdn'),
};
const BLANK = '<!doctype html><html><head><meta charset="utf-8"><title></title></head><body></body></html>';

/** The host page of one shell: nothing but a stage and the adapter loader. */
function hostPage(shell) {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench host: ${shell}</title></head>` +
    `<body><div id="stage"></div><script type="module" src="/bench/page/host.js?shell=${encodeURIComponent(shell)}"></script></body></html>`
  );
}

/**
 * Starts the host server.
 * @param {{ port?: number }} [options] `port` 0 (the default) picks a free one.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>} `url` has no trailing slash.
 */
export async function startHostServer({ port = 0 } = {}) {
  const server = http.createServer((req, res) => {
    res.on('error', () => {});
    respond(req, res).catch((error) => {
      if (!res.headersSent) send(res, 500, '.txt', String(error));
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function respond(req, res) {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
  const shell = /^\/shell\/([\w-]+)\.html$/.exec(pathname);
  if (shell) return send(res, 200, '.html', hostPage(shell[1]));
  for (const [prefix, dir] of Object.entries(MOUNTS)) {
    if (!pathname.startsWith(prefix)) continue;
    const file = path.join(dir, pathname.slice(prefix.length));
    if (!file.startsWith(dir + path.sep)) return send(res, 403, '.txt', 'Forbidden');
    try {
      return send(res, 200, path.extname(file), await fs.readFile(file));
    } catch {
      return send(res, 404, '.txt', `Not found: ${pathname}`);
    }
  }
  if (pathname === '/favicon.ico') return send(res, 204, '.txt', '');
  return send(res, 200, '.html', BLANK);
}

function send(res, status, ext, body) {
  res.writeHead(status, { 'Content-Type': TYPES[ext] ?? 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}
