/**
 * Checks the import graph of src/ (runtime imports; `import type` is free):
 * no cycles, and dependencies point one way: src/sandbox, src/bus and
 * src/loader never import src/elements or src/index.ts. Exits 1 on a breach.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', 'src');
const files = [];
const walk = (dir) => {
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) walk(full);
    else if (full.endsWith('.ts') && !full.endsWith('.test.ts') && !full.includes(`${path.sep}test${path.sep}`)) files.push(full);
  }
};
walk(ROOT);

const graph = new Map();
for (const file of files) {
  const source = fs.readFileSync(file, 'utf8');
  const deps = [...source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'"]*?from\s+)?['"](\.[^'"]+)['"]/gm)].map((m) =>
    path.join(path.dirname(file), m[1].replace(/\.js$/, '.ts')),
  );
  graph.set(file, deps);
}

const problems = [];
const state = new Map();
const stack = [];
const visit = (node) => {
  state.set(node, 'open');
  stack.push(node);
  for (const dep of graph.get(node) ?? []) {
    if (state.get(dep) === 'open') problems.push(`cycle: ${stack.slice(stack.indexOf(dep)).concat(dep).map((f) => path.relative(ROOT, f)).join(' -> ')}`);
    else if (!state.has(dep)) visit(dep);
  }
  stack.pop();
  state.set(node, 'done');
};
for (const file of files) if (!state.has(file)) visit(file);

const lower = /[\\/](sandbox|bus|loader)[\\/]/;
const upper = /[\\/]elements[\\/]|[\\/]src[\\/]index\.ts$/;
for (const [file, deps] of graph) {
  for (const dep of deps) if (lower.test(file) && upper.test(dep)) problems.push(`layering: ${path.relative(ROOT, file)} imports ${path.relative(ROOT, dep)}`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`imports: ${files.length} modules, no cycles, dependencies point one way`);
