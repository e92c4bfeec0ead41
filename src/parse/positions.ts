import type { Point } from '../types.js';

/** Line start offsets; CRLF, LF and lone CR all end a line, as in CommonMark. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function makePointAt(lineStarts: number[], length: number): (offset: number) => Point {
  return (offset: number): Point => {
    const clamped = Math.max(0, Math.min(offset, length));
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - lineStarts[lo]! + 1, offset: clamped };
  };
}

export function makeOffsetAt(lineStarts: number[], length: number): (line: number, column: number) => number {
  return (line: number, column: number): number => {
    const l = Math.max(1, Math.min(line, lineStarts.length));
    return Math.min(length, lineStarts[l - 1]! + Math.max(0, column - 1));
  };
}
