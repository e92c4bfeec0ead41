// One collection of ../shared/corpus linted with its own template as a type: how many documents pass, findings
// per rule, and a sample for judging false positives by hand:  npx tsx scripts/corpus-types.ts kep [rule]
import { lintCollection, snapshotOf } from './corpus-lib.js';

const [collection = 'kep', sampleRule] = process.argv.slice(2);
const result = await lintCollection(collection);
const snapshot = snapshotOf(result);
console.log(`${collection}: ${snapshot.documents} documents, ${snapshot.clean} without errors (${Math.round((100 * snapshot.clean) / snapshot.documents)} %)`);
console.log('findings per rule:', snapshot.rules);
const samples: string[] = [];
for (const file of result.files) {
  for (const m of file.messages) {
    if (sampleRule && m.ruleId !== sampleRule) continue;
    samples.push(`${file.path}:${m.line}:${m.column} ${m.ruleId} ${m.message}\n    | ${(file.text.split(/\r?\n/)[m.line - 1] ?? '').slice(0, 140)}`);
  }
}
const step = Math.max(1, Math.floor(samples.length / 25));
console.log(samples.filter((_, i) => i % step === 0).slice(0, 25).join('\n'));
