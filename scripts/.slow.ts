import { readFileSync } from 'node:fs';
import { globSync } from 'tinyglobby';
import { parseMarkdown } from '../src/parse/document.js';
import { lintText } from '../src/engine.js';
const files = globSync('**/*.md', { cwd: '/work/shared/corpus/kep', absolute: true });
const times: Array<[number, number, string]> = [];
let parseTotal = 0, lintTotal = 0;
for (const f of files) {
  const t = readFileSync(f, 'utf8');
  let s = performance.now(); parseMarkdown(t); const p = performance.now() - s; parseTotal += p;
  s = performance.now(); await lintText(t, { filePath: f }); const l = performance.now() - s; lintTotal += l;
  times.push([l, p, f.slice(30) + ' ' + t.length]);
}
times.sort((a, b) => b[0] - a[0]);
console.log('parse', parseTotal.toFixed(0), 'lint', lintTotal.toFixed(0));
console.log(times.slice(0, 8).map(([l, p, f]) => `${l.toFixed(0)} ${p.toFixed(0)} ${f}`).join('\n'));
