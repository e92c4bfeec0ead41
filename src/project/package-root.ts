/** The installed package's root directory (works from src/, dist/src/ and the bundle in dist/bundle/). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: { root: string; version: string } | undefined;

function find(): { root: string; version: string } {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'speclint') return { root: directory, version: pkg.version ?? '0.0.0' };
    } catch {
      // not here; keep climbing
    }
    const parent = dirname(directory);
    if (parent === directory) return { root: directory, version: '0.0.0' };
    directory = parent;
  }
}

export function packageRoot(): string {
  cached ??= find();
  return cached.root;
}

export function packageVersion(): string {
  cached ??= find();
  return cached.version;
}
