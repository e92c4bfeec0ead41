// The parse floor: read every Markdown file under a directory and parse it once with unified + remark-parse +
// remark-gfm, single-threaded. Nothing can lint these files faster on one thread.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

const processor = unified().use(remarkParse).use(remarkGfm);
function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) { if (entry.name !== 'node_modules' && entry.name !== '.git') yield* walk(path); }
    else if (/\.(md|markdown)$/i.test(entry.name)) yield path;
  }
}
let files = 0;
for (const root of process.argv.slice(2)) {
  for (const file of walk(root)) {
    processor.parse(readFileSync(file, 'utf8'));
    files++;
  }
}
console.log(`parsed ${files} files`);
