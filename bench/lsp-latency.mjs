// Editor latency of `speclint lsp`: the time from a didChange of a ~150 KB KEP to the diagnostics of that version,
// measured by a real LSP client over the built binary's stdio (run `node scripts/build.mjs` first). The KEP is
// linted as the corpus's own KEP template (a config registers it), as a KEP author's repository would. Not a test.
//   node bench/lsp-latency.mjs [--file <kep README.md>] [--template <_template.md>] [--changes <n>] [--debounce <ms>]
//     [--cpu-prof <dir>]
// Prints each change's latency and the server's CPU time for it (from /proc: a loaded machine inflates wall time, not
// CPU time), then their median and 95th percentile, with the server's debounce included, and the load average (the
// machine is shared: wall time follows it).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializeRequest, InitializedNotification,
  PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter, createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const kep = join(root, '..', 'shared', 'corpus', 'kep');
const file = option('--file', join(kep, 'keps/sig-node/5823-pod-level-checkpoint-restore/README.md'));
const template = option('--template', join(kep, '_template.md'));
const changes = Number(option('--changes', '20'));
const debounce = option('--debounce', undefined);
/** A directory for the server's V8 CPU profile (node --cpu-prof), to see where a change's time goes. */
const profileDir = option('--cpu-prof', undefined);

const work = mkdtempSync(join(tmpdir(), 'speclint-lsp-bench-'));
mkdirSync(join(work, 'keps'));
copyFileSync(template, join(work, 'kep-template.md'));
writeFileSync(join(work, '.specrc.json'), JSON.stringify({ types: { kep: { template: 'kep-template.md' } }, documents: [{ files: 'keps/**', type: 'kep' }] }));
const text = readFileSync(file, 'utf8');
const path = join(work, 'keps/README.md');
writeFileSync(path, text);
const uri = pathToFileURL(path).href;

const child = spawn(process.execPath, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), join(root, 'bin/speclint.js'), 'lsp', '--stdio'], { cwd: work, stdio: ['pipe', 'pipe', 'inherit'] });
const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
const waiting = new Map();
let lastCount = 0;
connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
  lastCount = params.diagnostics.length;
  waiting.get(params.version)?.();
});
connection.listen();
const published = (version) => new Promise((resolve) => waiting.set(version, resolve));

await connection.sendRequest(InitializeRequest.type, {
  processId: process.pid, rootUri: pathToFileURL(work).href, capabilities: {},
  initializationOptions: debounce === undefined ? {} : { debounceMs: Number(debounce) },
});
await connection.sendNotification(InitializedNotification.type, {});
let version = 1;
let started = performance.now();
let next = published(version);
await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
await next;
console.log(`open: ${(performance.now() - started).toFixed(0)} ms (${(text.length / 1024).toFixed(0)} KB, ${lastCount} diagnostics, cold)`);

/** The server's CPU time so far (Linux /proc; ms), which a busy machine does not inflate as it does wall time. */
const cpu = () => {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
};
const lines = text.split('\n').length;
const times = [];
const cpuTimes = [];
for (let i = 0; i < changes; i++) {
  version++;
  next = published(version);
  const line = Math.floor((lines * (i + 1)) / (changes + 1));
  started = performance.now();
  const cpuBefore = cpu();
  // A word typed in the middle of the document.
  await connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'word ' }],
  });
  await next;
  const ms = performance.now() - started;
  times.push(ms);
  cpuTimes.push(cpu() - cpuBefore);
  console.log(`change ${i + 1}: ${ms.toFixed(0)} ms wall, ${cpuTimes.at(-1)} ms server CPU (${lastCount} diagnostics)`);
  await new Promise((resolve) => setTimeout(resolve, 300));
}
/** The q-quantile by the nearest-rank method (q = 0.5: the median; 0.95: the 95th percentile). */
const quantile = (values, q) => { const sorted = [...values].sort((a, b) => a - b); return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]; };
const load = loadavg().map((n) => n.toFixed(1)).join(' ');
console.log(`server CPU per change: median ${quantile(cpuTimes, 0.5)} ms, p95 ${quantile(cpuTimes, 0.95)} ms, best ${Math.min(...cpuTimes)} ms`);
console.log(`didChange → diagnostics: median ${quantile(times, 0.5).toFixed(0)} ms, p95 ${quantile(times, 0.95).toFixed(0)} ms, best ${Math.min(...times).toFixed(0)} ms over ${changes} changes (debounce ${debounce ?? 'default'} ms included; load average ${load})`);
const rss = /VmRSS:\s*(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
if (rss) console.log(`server resident memory after the changes: ${(Number(rss) / 1024).toFixed(0)} MB`);
await connection.sendRequest(ShutdownRequest.type);
await connection.sendNotification(ExitNotification.type);
connection.dispose();
rmSync(work, { recursive: true, force: true });
