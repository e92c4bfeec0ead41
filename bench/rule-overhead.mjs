// Rule overhead: in one process, the time to parse every file of a directory (speclint's parser) against the time
// to lint it (the same parse, the document model and every rule of the recommended config), three rounds after
// the JIT has warmed up on the first. Reads the build (dist/). `node bench/rule-overhead.mjs <dir>`
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const { defaultConfig, lintText } = await import(join(root, 'dist/src/engine.js'));
const { parseMarkdown } = await import(join(root, 'dist/src/parse/markdown.js'));

const dir = process.argv[2];
const files = readdirSync(dir, { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name))
  .map((e) => join(e.parentPath ?? e.path, e.name))
  .map((path) => [path, readFileSync(path, 'utf8')]);
const config = defaultConfig();
const rounds = [];
for (let round = 0; round < 4; round++) {
  let start = performance.now();
  for (const [, text] of files) parseMarkdown(text);
  const parse = (performance.now() - start) / 1000;
  start = performance.now();
  for (const [filePath, text] of files) {
    try {
      await lintText(text, { filePath, config, fileExists: existsSync });
    } catch {
      // a document too deep to lint: the CLI reports it; here it only costs its parse
    }
  }
  const lint = (performance.now() - start) / 1000;
  if (round > 0) rounds.push({ parse, lint });
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const parse = median(rounds.map((r) => r.parse));
const lint = median(rounds.map((r) => r.lint));
console.log(JSON.stringify({ files: files.length, parse, lint, overhead: (lint - parse) / parse }));
