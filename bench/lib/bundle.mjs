/**
 * Bundles the peers' browser builds from node_modules with esbuild (ESM,
 * minified, production) into bench/.cache/<peer>.js, where the host server
 * serves them as /vendor/<peer>.js, and measures every shell's gzip -9 size.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** Where the bundles go (gitignored). */
export const CACHE_DIR = path.join(ROOT, 'bench', '.cache');
const require = createRequire(path.join(ROOT, 'package.json'));

/** Each peer's whole public API, as its npm package exports it. */
const PEERS = {
  qiankun: { pkg: 'qiankun', entry: `export * from 'qiankun';` },
  'micro-app': { pkg: '@micro-zoe/micro-app', entry: `export * from '@micro-zoe/micro-app'; export { default } from '@micro-zoe/micro-app';` },
  wujie: { pkg: 'wujie', entry: `export * from 'wujie';` },
};

/**
 * @typedef {{ shell: string, file: string, version: string, bytes: number, gzip: number }} BundleInfo
 */

/**
 * Bundles every peer into CACHE_DIR.
 * @returns {Promise<BundleInfo[]>} One entry per peer.
 */
export async function bundlePeers() {
  await fs.mkdir(CACHE_DIR, { recursive: true });
  const infos = [];
  for (const [shell, { pkg, entry }] of Object.entries(PEERS)) {
    const outfile = path.join(CACHE_DIR, `${shell}.js`);
    await build({
      stdin: { contents: entry, resolveDir: ROOT, loader: 'js' },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      legalComments: 'none',
      define: { 'process.env.NODE_ENV': '"production"' },
      outfile,
      logLevel: 'error',
    });
    const version = require(`${pkg}/package.json`).version;
    infos.push({ shell, version, ...(await measure(outfile)) });
  }
  return infos;
}

/**
 * Size of a file, raw and gzip -9.
 * @param {string} file
 * @returns {Promise<{ file: string, bytes: number, gzip: number }>} `file` relative to the repository.
 */
export async function measure(file) {
  const body = await fs.readFile(file);
  return { file: path.relative(ROOT, file), bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
}
