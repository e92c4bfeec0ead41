// Per collection of ../shared/corpus: documents, the share typed, documents without errors and findings per rule.
// Two set-ups, as a new user would write them:
//   registered  the collection's templates registered under `types` only; every document's type auto-detected
//   mapped      the same, plus a `documents` glob mapping the collection's files to its main type (the snapshot run)
// npx tsx scripts/corpus-report.ts [--mode registered|mapped] [--json out.json] [collection…]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultConfig, lintText } from '../src/engine.js';
import type { ResolvedConfig } from '../src/types.js';
import { CORPUS, collectionConfig, collectionFiles, collections } from './corpus-lib.js';
import { globSync } from 'tinyglobby';

const { values, positionals } = parseArgs({ options: { mode: { type: 'string', default: 'registered' }, json: { type: 'string' } }, allowPositionals: true });

function registeredConfig(collection: string): ResolvedConfig {
  const base = defaultConfig();
  const dir = join(CORPUS, collection);
  const types = { ...base.types };
  for (const template of ['_template.md', ...globSync('_templates/*-template.md', { cwd: dir })]) {
    const id = template === '_template.md' ? collection : `${collection}-${template.replace(/^_templates\//, '').replace(/-template\.md$/, '')}`;
    const path = join(dir, template);
    types[id] = { id, template: readFileSync(path, 'utf8'), source: `corpus/${collection}/${template}`, templatePath: path };
  }
  return { ...base, types };
}

interface Row { collection: string; documents: number; typed: number; typedOwn: number; clean: number; rules: Record<string, number> }
const rows: Row[] = [];
for (const collection of positionals.length ? positionals : collections()) {
  const registered = registeredConfig(collection);
  const row: Row = { collection, documents: 0, typed: 0, typedOwn: 0, clean: 0, rules: {} };
  for (const file of collectionFiles(collection)) {
    const config = values.mode === 'mapped' ? collectionConfig(collection, file) : registered;
    const result = await lintText(readFileSync(file, 'utf8'), { filePath: file, config, fileExists: existsSync });
    row.documents++;
    if (result.documentType) row.typed++;
    if (result.documentType?.startsWith(collection)) row.typedOwn++;
    if (result.errorCount === 0) row.clean++;
    for (const m of result.messages) if (!m.suppressed) row.rules[m.ruleId] = (row.rules[m.ruleId] ?? 0) + 1;
  }
  rows.push(row);
  process.stderr.write(`${collection} `);
}
process.stderr.write('\n');
const ruleIds = [...new Set(rows.flatMap((r) => Object.keys(r.rules)))].sort();
const pct = (a: number, b: number) => `${Math.round((100 * a) / Math.max(1, b))} %`;
console.log(`| collection | docs | typed | own type | no errors | ${ruleIds.join(' | ')} |`);
console.log(`| --- | ---: | ---: | ---: | ---: |${ruleIds.map(() => ' ---: |').join('')}`);
const total: Row = { collection: '**all**', documents: 0, typed: 0, typedOwn: 0, clean: 0, rules: {} };
for (const r of rows) {
  total.documents += r.documents; total.typed += r.typed; total.typedOwn += r.typedOwn; total.clean += r.clean;
  for (const [k, v] of Object.entries(r.rules)) total.rules[k] = (total.rules[k] ?? 0) + v;
}
for (const r of [...rows, total]) {
  console.log(`| ${r.collection} | ${r.documents} | ${pct(r.typed, r.documents)} | ${pct(r.typedOwn, r.documents)} | ${r.clean} | ${ruleIds.map((id) => r.rules[id] ?? 0).join(' | ')} |`);
}
if (values.json) writeFileSync(values.json, JSON.stringify(rows, null, 2));
