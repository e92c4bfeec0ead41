// The import graph of speclint's own modules, by layer: core (text + resolved config → findings), reporters (pure
// formatting), project (files, config resolution, cache, baseline, workers), cli (argv → exit code). Imports may
// only point down (or stay within a layer) and may not form cycles; tests/architecture.test.ts fails otherwise.
//   node scripts/import-graph.mjs            summary: modules and imports per layer, upward imports, cycles
//   node scripts/import-graph.mjs --edges    every import, one line each (`from -> to [layer→layer]`)
//   node scripts/import-graph.mjs --json     the graph as JSON
// Static, dynamic and type-only imports all count: a type import is still a dependency on the module's meaning.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const LAYERS = ['core', 'reporters', 'project', 'cli'];

/**
 * The layer of a module (path relative to the repository root, `/` separators). Core is where the rules live and
 * what they import; it stays in its historical places so that rule files need no import changes.
 */
export function layerOf(path) {
  if (path.startsWith('src/cli/') || path.startsWith('src/commands/')) return 'cli';
  if (path.startsWith('src/project/') || path === 'src/index.ts') return 'project';
  if (['src/config/load.ts', 'src/config/parse.ts', 'src/config/validate.ts'].includes(path)) return 'project';
  if (path.startsWith('src/reporters/')) return 'reporters';
  if (path.startsWith('rules/') || path.startsWith('src/')) return 'core';
  return undefined;
}

function walk(directory) {
  const out = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

// `import … from 'x'`, `export … from 'x'`, `import 'x'`, `import('x')`, `import type … from 'x'`.
const IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?:type\s+)?(?:[\w$*{}\s,]+?\s*from\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Comments and the contents of template literals are not code: strip them before looking for imports. */
function code(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

export function importGraph() {
  const files = [...walk(join(root, 'src')), ...walk(join(root, 'rules'))].map((f) => relative(root, f).split(sep).join('/')).sort();
  const known = new Set(files);
  const edges = [];
  for (const from of files) {
    if (from.endsWith('.generated.ts')) continue;
    const text = code(readFileSync(join(root, from), 'utf8'));
    for (const match of text.matchAll(IMPORT)) {
      const specifier = match[1] ?? match[2];
      if (!specifier.startsWith('.')) continue;
      const target = relative(root, resolve(root, dirname(from), specifier)).split(sep).join('/').replace(/\.js$/, '.ts');
      if (!known.has(target)) {
        if (!existsSync(join(root, target))) throw new Error(`${from}: cannot resolve ${specifier}`);
        continue;
      }
      if (!edges.some((e) => e.from === from && e.to === target)) edges.push({ from, to: target });
    }
  }
  return { files, edges };
}

/** Imports that point to a higher layer than their module's. */
export function upwardImports({ edges }) {
  return edges.filter((e) => LAYERS.indexOf(layerOf(e.to)) > LAYERS.indexOf(layerOf(e.from)));
}

// What the core may not touch: the file system, processes, the operating system, the package's own files.
const IMPURE = /from\s*['"]node:(?:fs|fs\/promises|child_process|os|worker_threads|module)['"]|\bprocess\.|\bimport\.meta\b/;

/** Core modules that reach the file system, the process or the package root. */
export function impureCore({ files }) {
  return files.filter((f) => layerOf(f) === 'core' && !f.endsWith('.generated.ts') && IMPURE.test(code(readFileSync(join(root, f), 'utf8'))));
}

/** Strongly connected components with more than one module (Tarjan), each a cycle to break. */
export function cycles({ files, edges }) {
  const next = new Map(files.map((f) => [f, []]));
  for (const e of edges) next.get(e.from).push(e.to);
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (v) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
    }
    if (low.get(v) === indices.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const f of files) if (!indices.has(f)) visit(f);
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const graph = importGraph();
  const args = process.argv.slice(2);
  if (args.includes('--json')) {
    console.log(JSON.stringify({ ...graph, layers: Object.fromEntries(graph.files.map((f) => [f, layerOf(f)])) }, null, 2));
  } else if (args.includes('--edges')) {
    for (const e of graph.edges) console.log(`${e.from} -> ${e.to}  [${layerOf(e.from)}→${layerOf(e.to)}]`);
  } else {
    const byLayer = new Map(LAYERS.map((l) => [l, 0]));
    for (const f of graph.files) byLayer.set(layerOf(f), byLayer.get(layerOf(f)) + 1);
    const pairs = new Map();
    for (const e of graph.edges) {
      const key = `${layerOf(e.from)} → ${layerOf(e.to)}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
    console.log(`modules: ${graph.files.length} (${LAYERS.map((l) => `${l} ${byLayer.get(l)}`).join(', ')}); imports: ${graph.edges.length}`);
    for (const [key, n] of [...pairs].sort()) console.log(`  ${key.padEnd(24)} ${n}`);
    const up = upwardImports(graph);
    console.log(`upward imports: ${up.length}`);
    for (const e of up) console.log(`  ${e.from} -> ${e.to}  [${layerOf(e.from)}→${layerOf(e.to)}]`);
    const impure = impureCore(graph);
    console.log(`core modules that touch fs, process, os or the package root: ${impure.length}${impure.length ? ` (${impure.join(', ')})` : ''}`);
    const found = cycles(graph);
    console.log(`import cycles: ${found.length}`);
    for (const c of found) console.log(`  ${c.join(' ↔ ')}`);
  }
}
