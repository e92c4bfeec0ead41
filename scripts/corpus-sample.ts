// Lint a sample of the corpus with the default config and print counts per rule and random findings,
// for judging false positives by hand: npx tsx scripts/corpus-sample.ts [every-nth] [rule]
import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { lintText } from '../src/engine.js';

const every = Number(process.argv[2] ?? 10);
const only = process.argv[3];
const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;
const files = globSync('**/*.md', { cwd: corpus, absolute: true }).sort().filter((_, i) => i % every === 0);
const counts = new Map<string, number>();
const samples: string[] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const result = await lintText(text, { filePath: file });
  for (const m of result.messages) {
    if (m.suppressed) continue;
    counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
    if (only ? m.ruleId === only : Math.random() < 0.05) {
      const line = text.split(/\r?\n/)[m.line - 1] ?? '';
      samples.push(`${file.slice(corpus.length)}:${m.line}:${m.column} ${m.ruleId} ${m.message}\n    | ${line.slice(0, 160)}`);
    }
  }
}
console.log(`${files.length} files`, Object.fromEntries([...counts].sort((a, b) => b[1] - a[1])));
console.log(samples.slice(0, 40).join('\n'));
