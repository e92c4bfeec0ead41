// Spec sets over a corpus folder, with the real core: lintText gives each file's summary, then discoverSets and
// checkSets run over the summaries alone. Prints the sets found, findings per rule and a sample for judging.
//   npx tsx scripts/sets-report.ts <folder> [more folders…] [--rule <id>] [--sample <n>] [--all] [--trace] [--json]
// A folder is a path, or a name under ../shared/corpus (speckit/users, kep, rust-rfcs …).
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { resolve, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { globSync } from 'tinyglobby';
import { lintText } from '../src/engine.js';
import { checkSets, discoverSets, buildTraceMatrix, renderTraceText } from '../src/sets/index.js';
import type { DocumentSummary } from '../src/types.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const valued = new Set(['--rule', '--sample', '--summaries']);
const folders = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
const onlyRule = value('--rule');
const sampleSize = Number(value('--sample') ?? 40);
const corpus = new URL('../../shared/corpus/', import.meta.url).pathname;

// A deterministic shuffle (the same sample on every run, so judgments can be compared).
function seeded(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

for (const folder of folders) {
  const root = existsSync(folder) ? resolve(folder) : resolve(corpus, folder);
  const files = globSync('**/*.md', { cwd: root, ignore: ['**/node_modules/**'] }).sort();
  const summaries = new Map<string, DocumentSummary>();
  const texts = new Map<string, string>();
  // --summaries <file>: reuse the summaries of an earlier run (iterating on the set rules, not on the summary).
  const saved = value('--summaries');
  const savedFile = saved && folders.length > 1 ? `${saved}.${folders.indexOf(folder)}` : saved;
  const lintStart = performance.now();
  for (const file of files) texts.set(file, readFileSync(resolve(root, file), 'utf8'));
  if (savedFile && existsSync(savedFile)) {
    for (const [file, summary] of Object.entries(JSON.parse(readFileSync(savedFile, 'utf8')) as Record<string, DocumentSummary>)) summaries.set(file, summary);
  } else {
    for (const file of files) {
      const result = await lintText(texts.get(file)!, { filePath: resolve(root, file) });
      if (result.summary) summaries.set(file, result.summary);
    }
    if (savedFile) writeFileSync(savedFile, JSON.stringify(Object.fromEntries(summaries)));
  }
  const lintMs = performance.now() - lintStart;
  const setsStart = performance.now();
  const sets = discoverSets(files);
  const findings = checkSets(sets, summaries);
  const setsMs = performance.now() - setsStart;

  const kinds = new Map<string, number>();
  for (const set of sets) kinds.set(set.kind, (kinds.get(set.kind) ?? 0) + 1);
  console.log(`\n== ${relative(process.cwd(), root) || root}: ${files.length} files, sets ${JSON.stringify(Object.fromEntries(kinds))}`);
  console.log(`   lint ${lintMs.toFixed(0)} ms, discover+checkSets ${setsMs.toFixed(1)} ms (${((setsMs / lintMs) * 100).toFixed(2)} % of lint)`);
  if (flag('--sets')) for (const set of sets) {
    const roles = new Map<string, number>();
    for (const m of set.members) roles.set(m.role, (roles.get(m.role) ?? 0) + 1);
    console.log(`   ${set.id} ${JSON.stringify(Object.fromEntries(roles))}`);
  }
  const active = findings.filter((f) => !f.suppressed);
  const perRule = new Map<string, number>();
  for (const f of active) perRule.set(f.ruleId, (perRule.get(f.ruleId) ?? 0) + 1);
  console.log('   findings per rule', JSON.stringify(Object.fromEntries([...perRule].sort((a, b) => b[1] - a[1]))));

  const pool = active.filter((f) => !onlyRule || f.ruleId === onlyRule);
  const random = seeded(17);
  const sample = flag('--all') ? pool : pool.map((f) => ({ f, r: random() })).sort((a, b) => a.r - b.r).slice(0, sampleSize).map((x) => x.f);
  for (const f of sample) {
    const line = (texts.get(f.filePath) ?? '').split(/\r?\n/)[f.line - 1] ?? '';
    console.log(`\n${f.filePath}:${f.line}:${f.column} ${f.severity} ${f.ruleId}\n  ${f.message}\n  | ${line.trim().slice(0, 180)}`);
    for (const r of f.related.slice(0, 2)) {
      const other = (texts.get(r.filePath) ?? '').split(/\r?\n/)[r.line - 1] ?? '';
      console.log(`  -> ${r.filePath}:${r.line} ${r.message} | ${other.trim().slice(0, 120)}`);
    }
  }
  if (flag('--json')) console.log(JSON.stringify(findings, null, 1));
  if (flag('--trace')) {
    for (const set of sets.filter((s) => s.kind !== 'collection')) console.log(`\n${renderTraceText(buildTraceMatrix(set, summaries))}`);
  }
}
