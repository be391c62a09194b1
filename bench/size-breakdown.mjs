/**
 * What each source module costs in `cdn/portico.js`: builds the CDN file in
 * memory (vite.config.ts, mode `cdn`) and lists, per module, its minified
 * rendered length, its share of the file's gzip size (the gzip size split in
 * proportion to minified length: an estimate, since gzip shares context
 * across modules) and its gzip size alone, with totals per folder. A tool for the size goal, not a figure: `npm run bench`
 * reports the file's size.
 *
 *   node bench/size-breakdown.mjs [--top 30]
 */
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { top: { type: 'string', default: '30' } } });
const output = await build({ root: ROOT, configFile: path.join(ROOT, 'vite.config.ts'), mode: 'cdn', logLevel: 'error', build: { write: false } });
const chunks = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
const main = chunks.find((c) => c.type === 'chunk' && c.fileName === 'portico.js');
const gzip = (text) => zlib.gzipSync(text, { level: 9 }).length;
const whole = gzip(main.code);

const rows = [];
for (const [id, info] of Object.entries(main.modules)) {
  const code = info.code ?? '';
  if (!code.length) continue;
  const name = path.relative(ROOT, id.replace(/\?.*$/, '').replace(/^\0/, ''));
  rows.push({ name, length: code.length, alone: gzip(code) });
}
const sumLength = rows.reduce((sum, row) => sum + row.length, 0);
for (const row of rows) row.gzip = (whole * row.length) / sumLength;
rows.sort((a, b) => b.gzip - a.gzip);
const kB = (n) => (n / 1000).toFixed(1);
console.log(`cdn/portico.js: ${kB(main.code.length)} kB minified, ${kB(whole)} kB gzip -9 (kB = 1000 bytes), ${rows.length} modules`);
const folders = new Map();
for (const row of rows) {
  const folder = row.name.startsWith('node_modules') ? row.name.split('/').slice(0, row.name.split('/')[1].startsWith('@') ? 3 : 2).join('/') : path.dirname(row.name);
  const sum = folders.get(folder) ?? { length: 0, gzip: 0, alone: 0 };
  sum.length += row.length;
  sum.gzip += row.gzip;
  sum.alone += row.alone;
  folders.set(folder, sum);
}
console.log('\n| folder | minified | share of gzip | gzip alone |\n| --- | --- | --- | --- |');
for (const [folder, sum] of [...folders].sort((a, b) => b[1].gzip - a[1].gzip)) console.log(`| ${folder} | ${kB(sum.length)} kB | ${kB(sum.gzip)} kB | ${kB(sum.alone)} kB |`);
console.log('\n| module | minified | share of gzip | gzip alone |\n| --- | --- | --- | --- |');
for (const row of rows.slice(0, Number(values.top))) console.log(`| ${row.name} | ${kB(row.length)} kB | ${kB(row.gzip)} kB | ${kB(row.alone)} kB |`);
