/** A worker process: lints the batches of files the pool sends, with one FileLinter (and config cache) for its life. */
import { FileLinter } from './lint-file.js';
import type { SpeclintOptions } from './options.js';
import type { WorkerBatch, WorkerResult } from './pool.js';

// The pool passes the run's options once, as the process's one argument: the same object the parent was given.
const linter = new FileLinter(JSON.parse(process.argv[2]!) as SpeclintOptions);

// SPECLINT_DEBUG: what this lane did, for tuning the pool (docs/performance.md).
let linted = 0;
if (process.env.SPECLINT_DEBUG) {
  process.on('disconnect', () => {
    const cpu = process.cpuUsage();
    process.stderr.write(`speclint: worker ${process.pid}: ${linted} files, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU, ${(process.uptime()).toFixed(2)} s alive\n`);
  });
}

process.on('message', async (batch: WorkerBatch) => {
  const results: WorkerResult[] = [];
  linted += batch.length;
  for (const { index, path } of batch) {
    try {
      results.push({ index, outcome: await linter.lintFile(path) });
    } catch (error) {
      results.push({ index, error: error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) } });
    }
  }
  process.send!(results);
});
