/**
 * Prepares the demo sub-apps served by demo/apps/server.mjs:
 *   - jquery: copies jquery.min.js into demo/apps/jquery/vendor/ (the app has no build step)
 *   - react:  runs webpack (demo/apps/react/webpack.config.cjs) into demo/apps/react/dist/
 * Prints one summary line per app; exits with status 1 on any failure.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import webpack from 'webpack';

const ROOT = path.resolve(import.meta.dirname, '..');
const APPS = path.join(ROOT, 'demo', 'apps');
const require = createRequire(import.meta.url);

async function buildJquery() {
  const source = require.resolve('jquery/dist/jquery.min.js');
  const vendor = path.join(APPS, 'jquery', 'vendor');
  await fs.mkdir(vendor, { recursive: true });
  await fs.copyFile(source, path.join(vendor, 'jquery.min.js'));
  const { version } = require('jquery/package.json');
  return `copied jquery ${version} to ${path.relative(ROOT, vendor)}/`;
}

async function buildReact() {
  const config = require(path.join(APPS, 'react', 'webpack.config.cjs'));
  const compiler = webpack(config);
  try {
    const stats = await new Promise((resolve, reject) => {
      compiler.run((error, result) => (error ? reject(error) : resolve(result)));
    });
    const info = stats.toJson({ all: false, errors: true, warnings: true, timings: true });
    if (stats.hasErrors()) throw new Error(info.errors.map((e) => e.message).join('\n'));
    for (const warning of info.warnings) console.warn(`react: warning: ${warning.message}`);
    const scripts = stats.compilation
      .getAssets()
      .filter((asset) => asset.name.endsWith('.js'))
      .map((asset) => `${asset.name} ${(asset.source.size() / 1024).toFixed(1)} KB`);
    return `webpack built ${path.relative(ROOT, config.output.path)}/ in ${info.time} ms (${scripts.join(', ')})`;
  } finally {
    await new Promise((resolve) => compiler.close(resolve));
  }
}

const builds = { jquery: buildJquery, react: buildReact };
let failed = false;
for (const [name, build] of Object.entries(builds)) {
  try {
    console.log(`${name}: ${await build()}`);
  } catch (error) {
    failed = true;
    console.error(`${name}: FAILED\n${error.stack ?? error}`);
  }
}
process.exitCode = failed ? 1 : 0;
