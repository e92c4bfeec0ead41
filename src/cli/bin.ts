/** Process entry point: real stdin/stdout/stderr around `run`. */
import { fileURLToPath } from 'node:url';
import { run } from './main.js';
import { workerLocation } from '../project/pool.js';

// Worker processes run the worker built beside this entry (dist/bundle/worker.js, standalone/worker.mjs).
const self = fileURLToPath(import.meta.url);
const extension = /\.m?js$/.exec(self)?.[0];
if (extension) workerLocation.path = self.replace(/[^/\\]+$/, `worker${extension}`);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const { decodeMarkdown } = await import('../project/read.js');
  const decoded = decodeMarkdown(Buffer.concat(chunks));
  if (!decoded.ok) {
    const { SpeclintError } = await import('../errors.js');
    throw new SpeclintError(`standard input: ${decoded.message}`);
  }
  return decoded.text;
}

// Broken pipes (`speclint docs | head`) are not errors.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

const code = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  readStdin,
});
process.exitCode = code;
