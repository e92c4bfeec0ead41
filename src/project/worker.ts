/** A worker process: lints the batches of files the pool sends, with one FileLinter (and config cache) for its life. */
import { FileLinter } from './lint-file.js';
import type { SpeclintOptions } from './options.js';
import type { WorkerBatch, WorkerResult } from './pool.js';

// The pool passes the run's options once, as the process's one argument: the same object the parent was given.
const linter = new FileLinter(JSON.parse(process.argv[2]!) as SpeclintOptions);

process.on('message', async (batch: WorkerBatch) => {
  const results: WorkerResult[] = [];
  for (const { index, path } of batch) {
    try {
      results.push({ index, outcome: await linter.lintFile(path) });
    } catch (error) {
      results.push({ index, error: error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) } });
    }
  }
  process.send!(results);
});
