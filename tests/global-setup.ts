/**
 * CLI tests spawn the built binary: rebuild once before the run when any source is newer than the bundle,
 * so `npm test` never tests a stale build.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function newest(directory: string): number {
  let latest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  let built = 0;
  try {
    built = statSync(join(root, 'dist/bundle/cli.js')).mtimeMs;
  } catch {
    built = 0;
  }
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'rules')), newest(join(root, 'templates')), statSync(join(root, 'scripts/build.mjs')).mtimeMs, statSync(join(root, 'scripts/gen-validators.mjs')).mtimeMs);
  if (sources > built) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
}
