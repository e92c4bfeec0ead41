/** Report files the CLI writes (`-o`): the folders made as needed, a failure one clear line. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { SpeclintError } from '../errors.js';

/** Writes `text` to `file` (relative to `cwd`) and returns the absolute path. Not atomic: `-o /dev/null` must work. */
export function writeOutputFile(cwd: string, file: string, text: string): string {
  const target = resolve(cwd, file);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  } catch (error) {
    throw new SpeclintError(`Cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return target;
}
