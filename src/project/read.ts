/** Reading a Markdown file safely: binary files are skipped, UTF-16 is decoded, invalid UTF-8 is refused. */
import { readFileSync } from 'node:fs';
import { describeError } from './files.js';

export type ReadOutcome =
  | { ok: true; text: string }
  | { ok: false; level: 'error' | 'warning'; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decodeMarkdown(bytes: Uint8Array): ReadOutcome {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  const probe = bytes.subarray(0, 8000);
  if (probe.includes(0)) return { ok: false, level: 'warning', message: 'Skipped: binary file (contains NUL bytes)' };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, level: 'error', message: `Cannot lint: not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)})` };
  }
}

export function readMarkdownFile(path: string): ReadOutcome {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, level: 'error', message: `Cannot read file: ${describeError(error)}` };
  }
  return decodeMarkdown(bytes);
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return i;
}
