/**
 * The piecewise parse the language server uses (src/parse/chunks.ts) against one whole parse, on every corpus
 * document: the same mdast tree, positions included (the document model is built from the tree and the text alone),
 * when parsed cold, and after edits through a warm cache shared by all documents, as in the editor. For the large
 * documents the findings of a lint are compared too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { collectionConfig, collections, CORPUS } from '../../scripts/corpus-lib.js';
import { lintText } from '../../src/engine.js';
import { ChunkCache, parseMarkdownChunked, useIncrementalParsing } from '../../src/parse/chunks.js';
import { parseMarkdown } from '../../src/parse/markdown.js';

/** Edits an author makes: a word typed mid-document, a fence opened (and left open), a section with references. */
const edits: ((text: string) => string)[] = [
  (text) => insertAtLine(text, 0.5, 'word '),
  (text) => insertAtLine(text, 0.3, '```\n'),
  (text) => `${insertAtLine(text, 0.7, '## New section\n\nSee [the guide] and [^1].\n\n')}\n[the guide]: ./guide.md\n`,
];

function insertAtLine(text: string, at: number, inserted: string): string {
  const lines = text.split('\n');
  const line = Math.floor(lines.length * at);
  lines[line] = inserted + lines[line];
  return lines.join('\n');
}

/** Documents edited (smaller ones are one or two pieces), and documents whose findings are compared too. */
const EDITED = 8_000;
const LARGE = 48_000;
/**
 * Every fifth document of each collection (every one would take over 20 minutes of a loaded 2-core CI machine; the
 * full comparison was run once by hand, see docs/editors.md), and every second of those edited.
 */
const SAMPLE_EVERY = 5;

describe.skipIf(!existsSync(CORPUS))('piecewise parse on the corpus', () => {
  const cache = new ChunkCache();
  for (const collection of collections()) {
    it(collection, async () => {
      const files = globSync('**/*.{md,markdown}', { cwd: join(CORPUS, collection) })
        .sort()
        .filter((_, index) => index % SAMPLE_EVERY === 0);
      const differing: string[] = [];
      for (const [index, file] of files.entries()) {
        let text = readFileSync(join(CORPUS, collection, file), 'utf8');
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        let version = text;
        for (const edit of [(t: string) => t, ...(text.length >= EDITED && index % 2 === 0 ? edits : [])]) {
          version = edit(version);
          let whole: string;
          try {
            whole = JSON.stringify(parseMarkdown(version));
          } catch {
            continue; // Nested past the limit: both throw (tests/core/chunks.test.ts).
          }
          if (JSON.stringify(parseMarkdownChunked(version, cache)) !== whole) differing.push(`${file} (edit ${edits.indexOf(edit as never)})`);
        }
        if (text.length >= LARGE) {
          const config = collectionConfig(collection, file);
          const filePath = join(CORPUS, collection, file);
          const plain = await lintText(text, { filePath, config });
          useIncrementalParsing({ minLength: 0 });
          try {
            const chunked = await lintText(text, { filePath, config });
            if (JSON.stringify(chunked.messages) !== JSON.stringify(plain.messages)) differing.push(`${file} (findings)`);
          } finally {
            useIncrementalParsing(false);
          }
        }
      }
      expect(differing).toEqual([]);
    }, 600_000);
  }
});
