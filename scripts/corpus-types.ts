// Register a corpus collection's own template as a user type, lint the whole collection as that type, and print
// how many documents pass plus the findings per rule and a sample, for judging false positives by hand:
//   npx tsx scripts/corpus-types.ts kep [rule-to-sample]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { defaultConfig, lintText } from '../src/engine.js';
import type { ResolvedConfig } from '../src/types.js';

const [collection = 'kep', sampleRule] = process.argv.slice(2);
const dir = new URL(`../../shared/corpus/${collection}/`, import.meta.url).pathname;
const template = readFileSync(join(dir, '_template.md'), 'utf8');
const base = defaultConfig();
const config: ResolvedConfig = {
  ...base,
  types: { ...base.types, [collection]: { id: collection, template, source: `corpus/${collection}/_template.md` } },
  forcedType: { id: collection, reason: 'collection' },
};
const files = globSync('**/*.md', { cwd: dir, absolute: true, ignore: ['_template*.md', '_templates/**', '**/_*.md'] }).sort();
const perRule = new Map<string, number>();
const docsWithRule = new Map<string, number>();
let clean = 0;
const samples: string[] = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const result = await lintText(text, { filePath: file, config });
  if (result.errorCount === 0) clean++;
  const seen = new Set<string>();
  for (const m of result.messages) {
    if (m.suppressed) continue;
    perRule.set(m.ruleId, (perRule.get(m.ruleId) ?? 0) + 1);
    if (!seen.has(m.ruleId)) docsWithRule.set(m.ruleId, (docsWithRule.get(m.ruleId) ?? 0) + 1);
    seen.add(m.ruleId);
    if ((!sampleRule || m.ruleId === sampleRule) && samples.length < 400) {
      samples.push(`${file.slice(dir.length)}:${m.line}:${m.column} ${m.ruleId} ${m.message}\n    | ${(text.split(/\r?\n/)[m.line - 1] ?? '').slice(0, 140)}`);
    }
  }
}
console.log(`${collection}: ${files.length} documents, ${clean} without errors (${Math.round((100 * clean) / files.length)} %)`);
console.log('findings per rule:', Object.fromEntries([...perRule].sort((a, b) => b[1] - a[1])));
console.log('documents per rule:', Object.fromEntries([...docsWithRule].sort((a, b) => b[1] - a[1])));
const step = Math.max(1, Math.floor(samples.length / 25));
console.log(samples.filter((_, i) => i % step === 0).slice(0, 25).join('\n'));
