/**
 * Prepares the demo sub-apps served by demo/apps/server.mjs:
 *   - jquery: copies jquery.min.js into demo/apps/jquery/vendor/ (the app has no build step)
 *   - react:  runs webpack (demo/apps/react/webpack.config.cjs) into demo/apps/react/dist/
 *   - vue:    runs Vite (demo/apps/vue/vite.config.mjs, `base: './'`) into demo/apps/vue/dist/
 *   - vue-root: the same sources with Vite's default `base: '/'` (demo/apps/vue-root/vite.config.mjs)
 *             into demo/apps/vue-root/dist/
 *   - element-plus: Vite + Vue 3 + Element Plus (demo/apps/element-plus/vite.config.mjs) into its dist/
 *   - antd:   webpack + React 19 + antd 5 (demo/apps/antd/webpack.config.cjs) into its dist/
 *   - lit:    webpack + lit 3 (demo/apps/lit/webpack.config.cjs) into its dist/
 *   - router-vue:   Vite build of a vue-router 4 app (index.html: history mode, hash.html: hash mode)
 *   - router-react: webpack build of a react-router 7 app (createBrowserRouter)
 *   - vendor: copies the UMD builds of real libraries the fixtures load into demo/fixtures/vendor/,
 *             and Vue 3's global production build as vue3.global.prod.js (see buildVue3Global)
 *   - bench-lifecycle: webpack build of the React demo app as a UMD lifecycle library
 *             (demo/apps/react/webpack.lifecycle.cjs) into demo/fixtures/bench-lifecycle/dist/
 *   - bench-vite: demo/fixtures/bench-vite/index.html from its index.template.html and the head
 *             tags of the Vue demo's Vite build (run after `vue`)
 * Prints one summary line per app; exits with status 1 on any failure. Names given as
 * arguments (`node scripts/build-fixtures.mjs vendor lit`) build only those.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import webpack from 'webpack';
import { build as viteBuild } from 'vite';

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

/** UMD bundles the real-library fixtures load as `../vendor/<file>` (the apps server does not serve node_modules). */
const VENDOR = {
  'lodash.min.js': 'lodash/lodash.min.js',
  'moment.min.js': 'moment/min/moment.min.js',
  'jquery.min.js': 'jquery/dist/jquery.min.js',
  'vue.min.js': 'vue2/dist/vue.min.js',
  'react16.min.js': 'react16/umd/react.production.min.js',
  'react-dom16.min.js': 'react-dom16/umd/react-dom.production.min.js',
  'bootstrap.min.css': 'bootstrap/dist/css/bootstrap.min.css',
  'bootstrap.bundle.min.js': 'bootstrap/dist/js/bootstrap.bundle.min.js',
  'sweetalert2.all.min.js': 'sweetalert2/dist/sweetalert2.all.min.js',
  'normalize.css': 'normalize.css/normalize.css',
  'bootstrap-icons.woff2': 'bootstrap-icons/font/fonts/bootstrap-icons.woff2',
  'fa-solid-900.woff2': '@fortawesome/fontawesome-free/webfonts/fa-solid-900.woff2',
  'chart.umd.min.js': 'chart.js/dist/chart.umd.min.js',
  'react18.production.min.js': 'react18/umd/react.production.min.js',
  'react-dom18.production.min.js': 'react-dom18/umd/react-dom.production.min.js',
  'dayjs.min.js': 'dayjs/dayjs.min.js',
  'antd.min.js': 'antd/dist/antd.min.js',
  'echarts.min.js': 'echarts/dist/echarts.min.js',
  'axios.min.js': 'axios/dist/axios.min.js',
};

/** A file of an installed package; packages whose `exports` hide their UMD builds (chart.js) are read from node_modules. */
function vendorPath(source) {
  try {
    return require.resolve(source);
  } catch (error) {
    if (error.code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw error;
    return path.join(ROOT, 'node_modules', source);
  }
}

async function buildVendor() {
  const vendor = path.join(ROOT, 'demo', 'fixtures', 'vendor');
  await fs.mkdir(vendor, { recursive: true });
  for (const [file, source] of Object.entries(VENDOR)) await fs.copyFile(vendorPath(source), path.join(vendor, file));
  return `copied ${Object.keys(VENDOR).join(', ')} to ${path.relative(ROOT, vendor)}/`;
}

/**
 * Vue 3's global build declares `var Vue` at its top level. qiankun, micro-app and
 * wujie run each of an app's scripts inside a function, where that `var` stays local,
 * so the app's next script would not find Vue (their documented workaround: assign
 * the global on window). Every shell loads this same copy, with that one line
 * appended; natively it is a no-op.
 */
async function buildVue3Global() {
  const vendor = path.join(ROOT, 'demo', 'fixtures', 'vendor');
  await fs.mkdir(vendor, { recursive: true });
  const source = await fs.readFile(require.resolve('vue/dist/vue.global.prod.js'), 'utf8');
  await fs.writeFile(path.join(vendor, 'vue3.global.prod.js'), `${source}\n;window.Vue = Vue;\n`);
  const { version } = require('vue/package.json');
  return `copied vue ${version} dist/vue.global.prod.js (+ window.Vue = Vue) to ${path.relative(ROOT, vendor)}/vue3.global.prod.js`;
}

/** The head tags of the Vue demo's Vite build, pointed at /vue/, into bench-vite's template. */
async function buildBenchVite() {
  const dir = path.join(ROOT, 'demo', 'fixtures', 'bench-vite');
  const built = await fs.readFile(path.join(APPS, 'vue', 'dist', 'index.html'), 'utf8');
  const head = built
    .split('\n')
    .filter((line) => /<(script|link)\b/.test(line))
    .map((line) => line.trim().replace(/(src|href)="\.\/assets\//g, '$1="../../vue/assets/'))
    .join('\n    ');
  if (!head.includes('type="module"')) throw new Error('demo/apps/vue/dist/index.html has no module script');
  const template = await fs.readFile(path.join(dir, 'index.template.html'), 'utf8');
  await fs.writeFile(path.join(dir, 'index.html'), template.replace('<!-- VITE HEAD -->', head));
  return `wrote ${path.relative(ROOT, dir)}/index.html (head of demo/apps/vue/dist/index.html)`;
}

/** Runs webpack with `demo/apps/<name>/webpack.config.cjs` (or another config file there). */
async function buildWebpack(name, file = 'webpack.config.cjs') {
  const config = require(path.join(APPS, name, file));
  const compiler = webpack(config);
  try {
    const stats = await new Promise((resolve, reject) => {
      compiler.run((error, result) => (error ? reject(error) : resolve(result)));
    });
    const info = stats.toJson({ all: false, errors: true, warnings: true, timings: true });
    if (stats.hasErrors()) throw new Error(info.errors.map((e) => e.message).join('\n'));
    for (const warning of info.warnings) console.warn(`${name}: warning: ${warning.message}`);
    const scripts = stats.compilation
      .getAssets()
      .filter((asset) => asset.name.endsWith('.js'))
      .map((asset) => `${asset.name} ${(asset.source.size() / 1024).toFixed(1)} KB`);
    return `webpack built ${path.relative(ROOT, config.output.path)}/ in ${info.time} ms (${scripts.join(', ')})`;
  } finally {
    await new Promise((resolve) => compiler.close(resolve));
  }
}

/** Runs a Vite production build from `demo/apps/<name>/vite.config.mjs`. */
async function buildVite(name) {
  const started = performance.now();
  const result = await viteBuild({ configFile: path.join(APPS, name, 'vite.config.mjs'), logLevel: 'warn' });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((entry) => entry.output);
  const scripts = outputs
    .filter((item) => item.type === 'chunk')
    .map((chunk) => `${chunk.fileName} ${(Buffer.byteLength(chunk.code) / 1024).toFixed(1)} KB`);
  const outDir = path.join(APPS, name, 'dist');
  return `vite built ${path.relative(ROOT, outDir)}/ in ${Math.round(performance.now() - started)} ms (${scripts.join(', ')})`;
}

const builds = {
  jquery: buildJquery,
  react: () => buildWebpack('react'),
  'router-react': () => buildWebpack('router-react'),
  'router-vue': () => buildVite('router-vue'),
  vue: () => buildVite('vue'),
  'vue-root': () => buildVite('vue-root'),
  'element-plus': () => buildVite('element-plus'),
  antd: () => buildWebpack('antd'),
  lit: () => buildWebpack('lit'),
  vendor: buildVendor,
  'vue3-global': buildVue3Global,
  'bench-lifecycle': () => buildWebpack('react', 'webpack.lifecycle.cjs'),
  'bench-vite': buildBenchVite,
};
// `node scripts/build-fixtures.mjs vendor lit` builds only those; no names: all of them.
const only = process.argv.slice(2);
let failed = false;
for (const [name, build] of Object.entries(builds)) {
  if (only.length && !only.includes(name)) continue;
  try {
    console.log(`${name}: ${await build()}`);
  } catch (error) {
    failed = true;
    console.error(`${name}: FAILED\n${error.stack ?? error}`);
  }
}
process.exitCode = failed ? 1 : 0;
