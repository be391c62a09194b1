/**
 * Size figure: gzip -9 of each shell's browser bundle. Portico's is
 * cdn/portico.js as built (the cdn/*.js chunks it names are loaded lazily,
 * listed separately); the peers' are the esbuild bundles the host server
 * serves (whole public API, minified, production, dependencies included).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { measure } from '../bundle.mjs';
import { versionOf } from '../env.mjs';

const CDN = path.resolve(import.meta.dirname, '..', '..', '..', 'cdn');

/**
 * @typedef {{ file: string, version: string, bytes: number, gzip: number, lazy?: boolean } | { error: string }} SizeRow
 */

/**
 * Runs the figure.
 * @param {import('../bundle.mjs').BundleInfo[]} bundles The peers' bundles from bundlePeers().
 * @returns {Promise<Record<string, SizeRow>>} Keyed by shell (or "portico: <chunk>" for lazy chunks).
 */
export async function sizeFigure(bundles) {
  const sizes = {};
  const version = versionOf('portico');
  try {
    sizes.portico = { version, ...(await measure(path.join(CDN, 'portico.js'))) };
    // Only the chunks portico.js refers to (lazy imports), directly or through another such chunk
    // (es-module-shims through the module loader): other files in cdn/ are not part of it.
    const files = (await fs.readdir(CDN)).filter((name) => name.endsWith('.js') && name !== 'portico.js');
    const chunks = [];
    for (let pending = ['portico.js']; pending.length; ) {
      const text = await fs.readFile(path.join(CDN, pending.shift()), 'utf8');
      for (const name of files) if (!chunks.includes(name) && text.includes(name)) chunks.push(name), pending.push(name);
    }
    for (const chunk of chunks) sizes[`portico: ${chunk}`] = { version, lazy: true, ...(await measure(path.join(CDN, chunk))) };
  } catch (error) {
    sizes.portico = { error: `cdn/portico.js: ${error.message}` };
  }
  for (const { shell, ...info } of bundles) sizes[shell] = info;
  return sizes;
}
