/**
 * The three layers (scripts/import-graph.mjs): core (text + resolved config → findings), project (files, config,
 * cache, baselines, workers), cli (argv → exit code), with pure reporters between core and project. Imports point
 * only down, never in a cycle, and the core touches no file system, process or package root.
 * `node scripts/import-graph.mjs` prints the graph.
 */
import { describe, expect, it } from 'vitest';
import { cycles, importGraph, impureCore, layerOf, upwardImports } from '../scripts/import-graph.mjs';

type Graph = { files: string[]; edges: Array<{ from: string; to: string }> };
const graph = importGraph() as Graph;

describe('layers', () => {
  it('every module has a layer, and the layers are where the code map says', () => {
    expect(graph.files.filter((f) => !layerOf(f))).toEqual([]);
    expect(['src/engine.ts', 'rules/metadata.ts', 'src/parse/document.ts', 'src/schema-validators.ts'].map(layerOf)).toEqual(['core', 'core', 'core', 'core']);
    expect(['src/project/speclint.ts', 'src/project/cache.ts', 'src/config/load.ts', 'src/index.ts'].map(layerOf)).toEqual(['project', 'project', 'project', 'project']);
    expect(['src/cli/main.ts', 'src/reporters/sarif.ts'].map(layerOf)).toEqual(['cli', 'reporters']);
  });

  it('no import points up a layer', () => {
    expect(upwardImports(graph).map((e: { from: string; to: string }) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('no import cycle', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('the core reads no files, starts no processes and does not look for its package', () => {
    expect(impureCore(graph)).toEqual([]);
  });

  it('the checks see a violation (an upward import and a cycle in a made-up graph)', () => {
    const bad: Graph = {
      files: ['src/engine.ts', 'src/cli/main.ts', 'src/project/a.ts', 'src/project/b.ts'],
      edges: [{ from: 'src/engine.ts', to: 'src/cli/main.ts' }, { from: 'src/project/a.ts', to: 'src/project/b.ts' }, { from: 'src/project/b.ts', to: 'src/project/a.ts' }],
    };
    expect(upwardImports(bad)).toHaveLength(1);
    expect(cycles(bad)).toEqual([['src/project/a.ts', 'src/project/b.ts']]);
  });
});
