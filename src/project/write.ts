/** Atomic writes: a temp file beside the target, then rename, so an interrupted run never leaves half a file. */
import { closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Test hook for the interrupted-write case: a function called between writing the temp file and renaming it. */
export const writeHooks: { beforeRename?: (tempPath: string) => void } = {};

export function writeFileAtomic(path: string, text: string): void {
  let mode = 0o644;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    // new file: default mode
  }
  const temp = join(dirname(path), `.${basename(path)}.speclint-${process.pid}-${Date.now().toString(36)}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    writeHooks.beforeRename?.(temp);
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
}
