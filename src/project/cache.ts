/**
 * `--cache`: ESLint's semantics. A file's result is reused when its content (or, with --cache-strategy metadata,
 * its size and mtime) and the resolved config and speclint version are unchanged. The cache file is written
 * atomically at the end of a run; a missing or corrupt cache is ignored.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from './write.js';
import type { LintResult } from '../types.js';

interface Entry {
  key: string;
  configHash: string;
  result: LintResult;
}

interface CacheFile {
  version: string;
  entries: Record<string, Entry>;
}

export class LintCache {
  private entries: Record<string, Entry> = {};
  private readonly used = new Set<string>();
  private dirty = false;

  constructor(
    private readonly location: string,
    private readonly strategy: 'content' | 'metadata',
    private readonly version: string,
  ) {
    try {
      const data = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
      if (data && data.version === version && typeof data.entries === 'object' && data.entries) this.entries = data.entries;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  /** The identity of a file's input under the chosen strategy. */
  keyFor(path: string, text?: string): string | undefined {
    if (this.strategy === 'metadata') {
      try {
        const stats = statSync(path);
        return `${stats.size}:${stats.mtimeMs}`;
      } catch {
        return undefined;
      }
    }
    return text === undefined ? undefined : createHash('sha1').update(text).digest('hex');
  }

  get(path: string, key: string | undefined, configHash: string): LintResult | undefined {
    const entry = this.entries[path];
    if (!key || !entry || entry.key !== key || entry.configHash !== configHash) return undefined;
    this.used.add(path);
    return entry.result;
  }

  set(path: string, key: string | undefined, configHash: string, result: LintResult): void {
    if (!key) return;
    const { output: _output, ...stored } = result;
    this.entries[path] = { key, configHash, result: stored };
    this.used.add(path);
    this.dirty = true;
  }

  /** Writes the cache, keeping entries of files this run did not see (another run may lint them). */
  save(): void {
    if (!this.dirty) return;
    try {
      writeFileAtomic(this.location, JSON.stringify({ version: this.version, entries: this.entries } satisfies CacheFile));
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }
}

const configHashes = new WeakMap<object, string>();

/** Hash of everything in a resolved config that can change a result (templates included). */
export function hashConfig(config: object): string {
  let hash = configHashes.get(config);
  if (!hash) {
    hash = createHash('sha1').update(JSON.stringify(config)).digest('hex');
    configHashes.set(config, hash);
  }
  return hash;
}
