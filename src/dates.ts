/**
 * Dates as people write them in spec metadata: ISO 8601 is the expected form; anything else that is clearly a
 * date gets the ISO form it should take, and a date that cannot exist is said to be one.
 */
import { isRealDate } from './rule-helpers.js';

export type DateReading =
  | { kind: 'iso'; iso: string }
  | { kind: 'impossible'; reason: string; suggestion?: string }
  | { kind: 'not-iso'; suggestion?: string }
  | { kind: 'not-a-date' };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const monthOf = (word: string) => {
  const index = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return index < 0 || (word.length > 3 && !/^(?:january|february|march|april|may|june|july|august|september|october|november|december|sept)$/i.test(word.replace(/\.$/, '')) && !/^[a-z]{3}\.?$/i.test(word)) ? 0 : index + 1;
};

/** Reads the start of a metadata value as a date. Text after the date (`2021-03-04 (revised …)`) is allowed. */
export function readDate(value: string): DateReading {
  const text = value.replace(/[*_`]/g, '').trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/.exec(text);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const candidate = iso(y, mo, d);
    if (!isRealDate(candidate)) {
      const swapped = iso(y, d, mo);
      const reason = mo > 12 ? `there is no month ${mo}` : `${MONTHS[mo - 1]!.replace(/^./, (c) => c.toUpperCase())} ${y} has no day ${d}`;
      return { kind: 'impossible', reason, suggestion: mo > 12 && isRealDate(swapped) ? swapped : undefined };
    }
    return m[2]!.length === 2 && m[3]!.length === 2 ? { kind: 'iso', iso: candidate } : { kind: 'not-iso', suggestion: candidate };
  }
  // 2023/02/10, 2023.02.10
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)/.exec(text);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  // 10 feb 2023, 10th February 2023, 10-Feb-2023
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-z]{3,9}\.?)[\s,-]+(\d{4})\b/.exec(text);
  if (m && monthOf(m[2]!)) return checked(Number(m[3]), monthOf(m[2]!), Number(m[1]));
  // Feb 10, 2023; February 10th 2023
  m = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(text);
  if (m && monthOf(m[1]!)) return checked(Number(m[3]), monthOf(m[1]!), Number(m[2]));
  // 10/02/2023, 10.02.2023: day and month are ambiguous unless one is over 12
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b/.exec(text);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (a > 12 && b <= 12) return checked(y, b, a);
    if (b > 12 && a <= 12) return checked(y, a, b);
    return { kind: 'not-iso' };
  }
  return { kind: 'not-a-date' };
}

function checked(y: number, mo: number, d: number): DateReading {
  const candidate = iso(y, mo, d);
  if (!isRealDate(candidate)) return { kind: 'impossible', reason: mo > 12 || mo < 1 ? `there is no month ${mo}` : `that day does not exist in ${y}` };
  return { kind: 'not-iso', suggestion: candidate };
}

/** A one-line problem for a date field's value, or undefined when it is a real ISO date. */
export function dateProblem(name: string, value: string): string | undefined {
  const reading = readDate(value);
  switch (reading.kind) {
    case 'iso':
      return undefined;
    case 'impossible':
      return `${name} "${value}" is not a date that exists (${reading.reason})${reading.suggestion ? `; did you mean ${reading.suggestion}?` : ''}`;
    case 'not-iso':
      return reading.suggestion ? `${name} "${value}" is not an ISO 8601 date: write ${reading.suggestion}` : `${name} "${value}" is not an ISO 8601 date: write it as YYYY-MM-DD`;
    default:
      return `${name} "${value}" is not a date: write it as YYYY-MM-DD`;
  }
}
