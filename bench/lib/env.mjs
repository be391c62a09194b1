/**
 * Describes where and how the benchmark ran, for the report header.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/**
 * The machine: CPU model, cores, memory, OS.
 * @returns {{ cpu: string, cores: number, memoryGiB: number, os: string, node: string }}
 */
export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() || 'unknown CPU',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/**
 * The 1-minute load average (0 where the OS has none): other work on the
 * machine makes timings noisy, so the report shows it at start and end.
 * @returns {number}
 */
export const load = () => Math.round(os.loadavg()[0] * 10) / 10;

/**
 * The command that produced this run, as the user typed it: `npm run bench -- …`
 * when run through npm, else `node bench/run.mjs …`.
 * @param {string[]} argv Arguments after the script.
 * @returns {string}
 */
export function commandLine(argv) {
  const quoted = argv.map((arg) => (/^[\w.,=/:-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
  if (process.env.npm_lifecycle_event === 'bench') return `npm run bench${quoted ? ` -- ${quoted}` : ''}`;
  return `node bench/run.mjs${quoted ? ` ${quoted}` : ''}`;
}

/**
 * Installed version of a package ('portico': this repository's), or '?'.
 * @param {string} name
 * @returns {string}
 */
export function versionOf(name) {
  const dir = name === 'portico' ? ROOT : path.join(ROOT, 'node_modules', name);
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

/**
 * The repository's commit, and whether src/ had uncommitted changes: the Portico
 * measured is cdn/portico.js as built from that working tree.
 * @returns {string} e.g. "commit 7bba720, src/ with uncommitted changes"; '' outside git.
 */
export function gitState() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = git('status', '--porcelain', '--', 'src').length > 0;
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ', src/ with uncommitted changes' : ''}`;
  } catch {
    return '';
  }
}
