/**
 * Builds the four host portals into demo/hosts/dist/<host>/ with their own
 * tool chains, after installing Portico into them the way a registry
 * install would: `npm pack` of the package (built by `npm run build`
 * first), unpacked into node_modules/portico. The packed file list is
 * checked for the manifest and the host typings on the way.
 *
 * Each host is type-checked with its framework's checker before it is
 * built (tsc for React, vue-tsc for Vue, svelte-check for SvelteKit, and
 * Angular's compiler with strict templates in `ng build`); the typing-check files in each host hold `expect-error`
 * lines, so typings that stop rejecting wrong use fail the build too.
 *
 * The same tool chain builds one sub-app: `angular-app/`, a zone.js
 * Angular app (Angular's CLI must run from its own install), into
 * demo/apps/angular/dist/, served by demo/apps/server.mjs at /angular/.
 *
 *   node demo/hosts/build.mjs            all four, and the sub-app
 *   node demo/hosts/build.mjs react vue  some
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const HOSTS = path.resolve(import.meta.dirname);
const ROOT = path.resolve(HOSTS, '../..');
const bin = (name) => path.join(HOSTS, 'node_modules', '.bin', name);
const run = (cmd, args, cwd = HOSTS) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });

/** Files the package must ship for hosts (see issue: typed hosts with a manifest). */
const MUST_SHIP = ['custom-elements.json', 'dist/index.js', 'dist/types/index.d.ts', 'dist/types/hosts/react.d.ts', 'dist/types/hosts/vue.d.ts', 'dist/types/hosts/svelte.d.ts', 'cdn/portico.js'];

/** The hosts' own install (TypeScript 5.9 and the four tool chains), once per lockfile. */
function install() {
  const stamp = path.join(HOSTS, 'node_modules', '.portico-hosts-lock');
  const lock = fs.readFileSync(path.join(HOSTS, 'package-lock.json'), 'utf8');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === lock) return;
  run('npm', ['ci', '--no-audit', '--no-fund']);
  fs.writeFileSync(stamp, lock);
}

/** `npm pack` of the built package, unpacked into node_modules/portico. */
function installPortico() {
  const out = fs.mkdtempSync(path.join(HOSTS, 'node_modules', '.pack-'));
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' }));
  const files = new Set(packed.files.map((f) => f.path));
  const missing = MUST_SHIP.filter((f) => !files.has(f));
  if (missing.length) throw new Error(`[portico] npm pack is missing ${missing.join(', ')}: run npm run build first`);
  const target = path.join(HOSTS, 'node_modules', 'portico');
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target);
  run('tar', ['-xzf', path.join(out, packed.filename), '-C', target, '--strip-components=1']);
  fs.rmSync(out, { recursive: true, force: true });
  console.log(`portico ${packed.version}: ${packed.entryCount} files packed (${(packed.size / 1024).toFixed(1)} kB), unpacked into demo/hosts/node_modules/portico`);
}

const BUILDS = {
  react: () => {
    run(process.execPath, [bin('tsc'), '-p', 'react/tsconfig.json']);
    run(process.execPath, [bin('vite'), 'build', '--logLevel', 'error'], path.join(HOSTS, 'react'));
  },
  vue: () => {
    run(process.execPath, [bin('vue-tsc'), '-p', 'vue/tsconfig.json']);
    run(process.execPath, [bin('vite'), 'build', '--logLevel', 'error'], path.join(HOSTS, 'vue'));
  },
  svelte: () => {
    const dir = path.join(HOSTS, 'svelte');
    run(process.execPath, [bin('svelte-kit'), 'sync'], dir);
    run(process.execPath, [bin('svelte-check'), '--tsconfig', './tsconfig.json', '--fail-on-warnings'], dir);
    run(process.execPath, [bin('vite'), 'build', '--logLevel', 'error'], dir);
  },
  // Angular's application builder type-checks the templates itself (strictTemplates).
  angular: () => run(process.execPath, [path.join(HOSTS, 'node_modules/@angular/cli/bin/ng.js'), 'build', '--progress=false'], path.join(HOSTS, 'angular')),
  // Not a host: the Angular sub-app with zone.js (demo/apps/angular/dist/), built here for this tool chain.
  'angular-app': () => run(process.execPath, [path.join(HOSTS, 'node_modules/@angular/cli/bin/ng.js'), 'build', '--progress=false'], path.join(HOSTS, 'angular-app')),
};

install();
installPortico();
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(BUILDS);
for (const host of wanted) {
  const started = performance.now();
  if (!BUILDS[host]) throw new Error(`unknown host ${host}; one of ${Object.keys(BUILDS).join(', ')}`);
  BUILDS[host]();
  const out = host === 'angular-app' ? 'demo/apps/angular/dist' : `demo/hosts/dist/${host}`;
  console.log(`${host}: type-checked and built into ${out}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
