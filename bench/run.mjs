// speclint against its peers on the same files, in one run: wall time, CPU time and peak RSS (median of --runs
// after one warm-up), and the ratios the performance issue sets targets for. Not a test; `npm run bench`.
//   node bench/run.mjs [--corpus <dir>] [--runs <n>] [--quick]
//   node bench/run.mjs --slice speckit,madr,react-rfcs [--runs <n>]
// --slice: only the named collections of the corpus, and only speclint (automatic, one process, two lanes) against
// markdownlint-cli2: the small-and-medium-tree case.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const nproc = availableParallelism();
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const quick = args.includes('--quick');
const sliceNames = option('--slice', undefined)?.split(',').map((name) => name.trim()).filter(Boolean);
const runs = Number(option('--runs', quick ? '1' : '3'));
let corpus = option('--corpus', join(root, '..', 'shared', 'corpus'));
if (!existsSync(corpus)) { console.error(`bench: no corpus at ${corpus}`); process.exit(2); }

const work = mkdtempSync(join(tmpdir(), 'speclint-bench-'));
if (quick) {
  // A slice for smoke tests: two small collections.
  const slice = join(work, 'corpus');
  for (const name of ['adr-examples', 'madr', 'react-rfcs']) cpSync(join(corpus, name), join(slice, name), { recursive: true });
  corpus = slice;
}
if (sliceNames) {
  const slice = join(work, 'corpus');
  for (const name of sliceNames) cpSync(join(corpus, name), join(slice, name), { recursive: true });
  corpus = slice;
}
const count = (dir) => readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name)).length;
const files = count(corpus);

const bin = (pkg, file) => join(root, 'node_modules', pkg, file);
const speclint = join(root, 'bin', 'speclint.js');
const small = join(work, 'small-spec.md');
writeFileSync(small, '# Rate Limits\n\n## Overview\n\nRequests are limited per tenant.\n\n- [ ] measure p99\n');
const mdlConfig = join(work, '.markdownlint-cli2.jsonc');
writeFileSync(mdlConfig, '{}');

const sliceCases = [
  { name: 'speclint (slice)', cmd: [process.execPath, speclint, '-f', 'json', '-o', join(work, 'out.json'), corpus] },
  { name: 'speclint --threads 1 (slice)', cmd: [process.execPath, speclint, '--threads', '1', '-f', 'json', '-o', join(work, 'out.json'), corpus] },
  { name: 'speclint --threads 2 (slice)', cmd: [process.execPath, speclint, '--threads', '2', '-f', 'json', '-o', join(work, 'out.json'), corpus] },
  { name: 'markdownlint-cli2 (slice)', cmd: [process.execPath, bin('markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '--config', mdlConfig, `${corpus}/**/*.{md,markdown}`] },
];

const cases = sliceNames ? sliceCases : [
  { name: 'speclint (corpus)', cmd: [process.execPath, speclint, '-f', 'json', '-o', join(work, 'out.json'), corpus] },
  { name: 'markdownlint-cli2 (corpus)', cmd: [process.execPath, bin('markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '--config', mdlConfig, `${corpus}/**/*.{md,markdown}`] },
  { name: 'remark-cli (corpus)', cmd: [process.execPath, bin('remark-cli', 'cli.js'), '--no-config', '--use', 'remark-gfm', '--use', 'remark-preset-lint-recommended', '--no-stdout', '--quiet', '--ext', 'md,markdown', corpus], cwd: root },
  { name: 'parse floor (corpus)', cmd: [process.execPath, join(root, 'bench', 'parse-floor.mjs'), corpus] },
  { name: 'speclint (1 file)', cmd: [process.execPath, speclint, small], repeat: 10 },
  { name: 'markdownlint-cli2 (1 file)', cmd: [process.execPath, bin('markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '--config', mdlConfig, small], repeat: 10 },
];

function measure(cmd, cwd) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...cmd], { cwd: cwd ?? work, encoding: 'utf8', maxBuffer: 1 << 30 });
  const last = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall: last[0], cpu: last[1] + last[2], rss: last[3] / 1024, status: r.status };
}
const median = (values) => { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// Rounds, not case after case: each round runs every case once (in a rotated order, after one warm-up round), so
// that a change in the machine's load during the bench (it is shared) falls on all cases alike. Ratios are the
// median of the per-round ratios; the 1-minute load average is recorded before each run.
const results = {};
const samplesOf = Object.fromEntries(cases.map((c) => [c.name, []]));
const loads = [];
const rounds = Math.max(...cases.map((c) => c.repeat ?? runs));
for (let round = -1; round < rounds; round++) {
  const order = cases.map((_, i) => cases[(i + Math.max(round, 0)) % cases.length]);
  for (const c of order) {
    if (round >= (c.repeat ?? runs)) continue;
    const load = loadavg()[0];
    const sample = measure(c.cmd, c.cwd);
    process.stderr.write(`bench: ${round < 0 ? 'warm-up' : `round ${round + 1}`}: ${c.name}: ${sample.wall.toFixed(2)} s wall, ${sample.cpu.toFixed(2)} s CPU, load ${load.toFixed(1)}\n`);
    if (round < 0) continue; // warm-up
    loads.push(load);
    samplesOf[c.name][round] = { ...sample, load };
  }
  process.stderr.write(`bench: round ${round < 0 ? 'warm-up' : round + 1} of ${rounds} done (load ${loadavg()[0].toFixed(1)})\n`);
}
for (const c of cases) {
  const samples = samplesOf[c.name].filter(Boolean);
  results[c.name] = { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)), rss: median(samples.map((s) => s.rss)), status: samples[0].status };
}
/** The median over rounds of a's wall (or CPU) time over b's in the same round. */
const roundRatio = (a, b, field = 'wall') => median(samplesOf[a].map((s, i) => s[field] / samplesOf[b][i][field]).filter((r) => Number.isFinite(r)));
const loadRange = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;

if (sliceNames) {
  const files = count(corpus);
  console.log(`\nspeclint bench — slice ${sliceNames.join(', ')}: ${files} Markdown files, median of ${runs} round(s), 1-minute load average ${loadRange} (${nproc} cores), ${new Date().toISOString()}\n`);
  console.log('| case | wall s | CPU s | peak RSS MB | exit |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.rss.toFixed(0)} | ${r.status ?? ''} |`);
  console.log('\n| ratio to markdownlint-cli2 (median of per-round ratios) | wall | CPU | target (wall) |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const name of Object.keys(results).filter((n) => n.startsWith('speclint'))) console.log(`| ${name} | ${roundRatio(name, 'markdownlint-cli2 (slice)').toFixed(2)} | ${roundRatio(name, 'markdownlint-cli2 (slice)', 'cpu').toFixed(2)} | ${name === 'speclint (slice)' ? '≤ 0.50' : ''} |`);
  // The spread behind the median: this machine's speed varies between rounds.
  const perRound = samplesOf['speclint (slice)'].map((s, i) => (s.wall / samplesOf['markdownlint-cli2 (slice)'][i].wall).toFixed(2));
  console.log(`\nspeclint (slice) / markdownlint-cli2, wall, round by round: ${perRound.join(', ')}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

// --cache: cold then warm, on the corpus.
const cacheFile = join(work, 'cache');
const cacheCmd = [process.execPath, speclint, '--cache', '--cache-location', cacheFile, '-f', 'json', '-o', join(work, 'out.json'), corpus];
const cold = [];
const warm = [];
for (let i = 0; i < Math.max(1, Math.min(runs, 2)); i++) {
  rmSync(cacheFile, { force: true });
  cold.push(measure(cacheCmd));
  warm.push(measure(cacheCmd));
}
results['speclint --cache cold'] = { wall: median(cold.map((s) => s.wall)), cpu: median(cold.map((s) => s.cpu)), rss: median(cold.map((s) => s.rss)) };
results['speclint --cache warm'] = { wall: median(warm.map((s) => s.wall)), cpu: median(warm.map((s) => s.cpu)), rss: median(warm.map((s) => s.rss)) };

// Peak RSS of speclint's whole process tree (the CLI and its worker processes), sampled: /usr/bin/time sees only
// the largest single process.
async function treePeakRss(cmd) {
  const child = spawn(cmd[0], cmd.slice(1), { cwd: work, stdio: 'ignore' });
  let peak = 0;
  const sample = () => {
    const table = spawnSync('ps', ['-e', '-o', 'pid=,ppid=,rss='], { encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number));
    const tree = new Set([child.pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, ppid] of table) if (tree.has(ppid) && !tree.has(pid)) { tree.add(pid); grew = true; }
    }
    peak = Math.max(peak, table.filter(([pid]) => tree.has(pid)).reduce((sum, [, , rss]) => sum + rss, 0));
  };
  const timer = setInterval(sample, 200);
  await new Promise((resolveExit) => child.on('exit', resolveExit));
  clearInterval(timer);
  return peak / 1024;
}
const treeRss = await treePeakRss(cases[0].cmd);

// Rule overhead: parse vs parse + document model + rules, in one process (bench/rule-overhead.mjs).
const overheadDir = quick ? corpus : join(corpus, 'rust-rfcs');
const overheadRun = spawnSync(process.execPath, ['--max-semi-space-size=64', join(root, 'bench', 'rule-overhead.mjs'), overheadDir], { encoding: 'utf8' });
const overhead = JSON.parse(overheadRun.stdout.trim().split('\n').pop());

console.log(`\nspeclint bench — ${files} Markdown files in ${corpus}, median of ${runs} round(s) (1-file cases: 10), 1-minute load average ${loadRange} (${nproc} cores), ${new Date().toISOString()}\n`);
console.log('| case | wall s | CPU s | peak RSS MB | exit |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const [name, r] of Object.entries(results)) console.log(`| ${name} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.rss.toFixed(0)} | ${r.status ?? ''} |`);
const ratio = (a, b) => (samplesOf[a].length === samplesOf[b].length ? roundRatio(a, b) : results[a].wall / results[b].wall).toFixed(2);
console.log('\n| ratio | value | target |');
console.log('| --- | ---: | ---: |');
console.log(`| speclint / parse floor (corpus) | ${ratio('speclint (corpus)', 'parse floor (corpus)')} | ≤ 0.75 |`);
console.log(`| speclint / markdownlint-cli2 (corpus) | ${ratio('speclint (corpus)', 'markdownlint-cli2 (corpus)')} | ≤ 0.50 |`);
console.log(`| speclint / remark-cli (corpus) | ${ratio('speclint (corpus)', 'remark-cli (corpus)')} | |`);
console.log(`| speclint / markdownlint-cli2 (1 file) | ${ratio('speclint (1 file)', 'markdownlint-cli2 (1 file)')} | ≤ 0.80 |`);
console.log(`| --cache warm / cold | ${ratio('speclint --cache warm', 'speclint --cache cold')} | ≤ 0.10 |`);
console.log(`| rules beyond the parse, ${overhead.files} files in one process (${overhead.parse.toFixed(1)} s parse, ${overhead.lint.toFixed(1)} s lint) | ${overhead.overhead.toFixed(2)} | ≤ 0.20 |`);
console.log(`\nspeclint (corpus), peak RSS of the whole process tree (CLI + workers): ${treeRss.toFixed(0)} MB`);
rmSync(work, { recursive: true, force: true });
