/**
 * What a version cell of a table can hold, and how two versions compare. Pure, no dependencies.
 *
 * A version column is recognised by its cells, not by its header alone: `Release` may hold `1.2.0` or `GA`.
 */

export type VersionFamily = string;

export interface ParsedVersion {
  /** Versions compare only within one family: `numeric` (1.2.0, v1beta1), `date`, `revision`, or `prefix:go`. */
  family: VersionFamily;
  /** Numeric parts (1.2.0 → [1, 2, 0]); for dates [yyyy, mm, dd]; for revisions the letter's code. */
  parts: number[];
  /** Pre-release identifiers (`rc.1` → ['rc', 1]); empty for a release. */
  prerelease: Array<string | number>;
  /** A normal form for duplicates: `1.1` and `1.1.0` are one version. */
  normal: string;
}

export type CellReading =
  | { kind: 'version'; version: ParsedVersion }
  /** A version pattern that cannot be ordered (`1.x`, `^18.2.0`, `>=1.2 <2`): fine in a column, skipped for order. */
  | { kind: 'range' }
  /** A release stage or a row label (`Unreleased`, `Next`, `GA`, `Q3 2024`, `n/a`): allowed, skipped for order. */
  | { kind: 'label' }
  | { kind: 'other' };

/** Release stages and row labels that stand where a version would. */
const LABEL = /^(?:unreleased|next|upcoming|planned|future|tbd|tba|tbc|todo|wip|draft|proposed|pending|in progress|in review|current|latest|head|main|master|trunk|dev|development|nightly|snapshot|canary|edge|n\/?a|none|null|-+|—|–|\?|\*|any|all|initial|original|baseline|alpha|beta|ga|general availability|rc|release candidate|stable|preview|public preview|private preview|experimental|deprecated|removed|eol|end of life|lts|major|minor|patch|hotfix|feature|breaking|(?:alpha|beta|rc|preview|milestone|m)[ .-]?\d+|[qh][1-4][ /-]?(?:fy)?\d{2,4}|(?:fy|cy)[ -]?\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{4})$/i;

const PRERELEASE = String.raw`(?:[-.+ ]?(alpha|beta|rc|pre|preview|dev|snapshot|a|b|m)[.-]?(\d*))`;
/** `1`, `1.2`, `v1.2.3`, `1.2.3.4`, `1.0.0-rc.1`, `2.0b3`, `1.2.3+build.5`, `1.0.0-SNAPSHOT`. */
const NUMERIC = new RegExp(String.raw`^v?(\d+(?:\.\d+){0,3})(?:${PRERELEASE}|-([0-9A-Za-z][0-9A-Za-z.-]*))?(?:\+[0-9A-Za-z.-]+)?$`, 'i');
/** Kubernetes-style API versions: `v1`, `v1beta1`, `v2alpha3`. */
const KUBE = /^v(\d+)(?:(alpha|beta)(\d+))?$/i;
/** `2024-01-15`, `2024-01-15-preview` (Azure-style API versions), `20240115`. */
const DATE_VERSION = /^(\d{4})-?(\d{2})-?(\d{2})(?:-([A-Za-z][\w.-]*))?$/;
/** `Rev A`, `Revision B`, `rev. C` (the prefix removed first), or a bare capital letter in a revision column. */
const REVISION = /^([A-Z]{1,2})$/;
/** A family prefix and a number: `go1.22`, `Go 1.22`, `Python 3.11`, `release-1.2`, `API v2`, `r12`, `Rev 3`. */
const PREFIXED = new RegExp(String.raw`^([A-Za-z][A-Za-z._+# ]{0,15}?)[ -]?v?(\d+(?:\.\d+){0,3})${PRERELEASE}?$`, 'i');
/** Ranges and wildcards: `1.x`, `16.x`, `^18.2.0`, `~1.2`, `>=1.2 <2`, `18+`, `1.2 - 1.4`, `*`. */
const RANGE = /^(?:[\^~]|[<>]=?|=)\s*v?\d|^v?\d+(?:\.(?:\d+|x|\*))*\.(?:x|\*)$|^v?\d+(?:\.\d+)*\+$|^v?\d+(?:\.\d+)*\s*(?:-|–|to)\s*v?\d+(?:\.\d+)*$|^v?\d+(?:\.\d+)*\s+(?:or|and)\s+(?:later|newer|above|higher)$/i;

const STAGE_ORDER: Record<string, number> = { dev: 0, snapshot: 0, m: 1, a: 2, alpha: 2, b: 3, beta: 3, pre: 4, preview: 4, rc: 5 };

function numericParts(text: string): number[] {
  return text.split('.').map(Number);
}

export function readVersionCell(raw: string): CellReading {
  const full = raw.replace(/[`*_]/g, '').trim();
  if (full === '' || LABEL.test(full) || LABEL.test(full.replace(/\s*\([^)]*\)\s*$/, ''))) return { kind: 'label' };
  const text = full.replace(/\s*\([^)]*\)\s*$/, '').trim();
  const direct = readVersion(text);
  if (direct) return { kind: 'version', version: direct };
  if (RANGE.test(text)) return { kind: 'range' };
  // A version followed by a remark: `1.2 - initial draft`, `v2 LTS`.
  const head = /^(\S+)\s+\S/.exec(text)?.[1];
  if (head) {
    const headVersion = readVersion(head);
    if (headVersion && headVersion.family !== 'revision') return { kind: 'version', version: headVersion };
    if (RANGE.test(head) || LABEL.test(head)) return { kind: head && LABEL.test(head) ? 'label' : 'range' };
  }
  return { kind: 'other' };
}

export function readVersion(text: string): ParsedVersion | undefined {
  const kube = KUBE.exec(text);
  if (kube) {
    // v1alpha1 < v1beta1 < v1 < v2alpha1: the same order as 1.0.0-alpha.1 < 1.0.0-beta.1 < 1.0.0.
    const prerelease = kube[2] ? [kube[2].toLowerCase(), Number(kube[3])] : [];
    return { family: 'numeric', parts: [Number(kube[1])], prerelease, normal: normalOf([Number(kube[1])], prerelease) };
  }
  const date = DATE_VERSION.exec(text);
  if (date && validDate(Number(date[1]), Number(date[2]), Number(date[3]))) {
    const parts = [Number(date[1]), Number(date[2]), Number(date[3])];
    const prerelease = date[4] ? [date[4].toLowerCase()] : [];
    return { family: 'date', parts, prerelease, normal: normalOf(parts, prerelease) };
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const parts = numericParts(numeric[1]!);
    const prerelease = numeric[2] ? [numeric[2].toLowerCase(), ...(numeric[3] ? [Number(numeric[3])] : [])] : numeric[4] ? numeric[4].split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p.toLowerCase())) : [];
    return { family: 'numeric', parts, prerelease, normal: normalOf(parts, prerelease) };
  }
  const revision = REVISION.exec(text.replace(/^rev(?:ision)?\.?\s*/i, (prefix) => (prefix.length < text.length ? '' : prefix)));
  if (revision) {
    const letters = revision[1]!;
    const parts = [...letters].map((c) => c.charCodeAt(0));
    return { family: 'revision', parts, prerelease: [], normal: `rev-${letters}` };
  }
  const prefixed = PREFIXED.exec(text);
  if (prefixed && !LABEL.test(prefixed[1]!.trim())) {
    const parts = numericParts(prefixed[2]!);
    const prerelease = prefixed[3] ? [prefixed[3].toLowerCase(), ...(prefixed[4] ? [Number(prefixed[4])] : [])] : [];
    const family = `prefix:${prefixed[1]!.trim().toLowerCase()}`;
    return { family, parts, prerelease, normal: `${family}:${normalOf(parts, prerelease)}` };
  }
  return undefined;
}

function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1970 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function normalOf(parts: number[], prerelease: Array<string | number>): string {
  const trimmed = [...parts];
  while (trimmed.length > 1 && trimmed[trimmed.length - 1] === 0) trimmed.pop();
  return trimmed.join('.') + (prerelease.length ? `-${prerelease.join('.')}` : '');
}

/** Order of two versions of one family: negative, zero or positive. */
export function compareVersions(a: ParsedVersion, b: ParsedVersion): number {
  const length = Math.max(a.parts.length, b.parts.length);
  for (let i = 0; i < length; i++) {
    const diff = (a.parts[i] ?? 0) - (b.parts[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  // A release sorts after its pre-releases.
  if (a.prerelease.length === 0 || b.prerelease.length === 0) return Math.sign(b.prerelease.length - a.prerelease.length);
  const count = Math.max(a.prerelease.length, b.prerelease.length);
  for (let i = 0; i < count; i++) {
    const [x, y] = [a.prerelease[i], b.prerelease[i]];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return Math.sign(x - y);
    const [sx, sy] = [STAGE_ORDER[String(x)], STAGE_ORDER[String(y)]];
    if (sx !== undefined && sy !== undefined) return Math.sign(sx - sy);
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/* ------------------------------------------------------------------ dates */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export type DateReading =
  /** A date that exists; `sortable` orders it (`2025-03`, `2025-03-01`), undefined when day and month are ambiguous. */
  | { kind: 'date'; sortable?: string }
  /** Written as a date, but no such day (`2025-02-30`, `2025-13-01`). */
  | { kind: 'impossible' }
  /** `TBD`, `Unreleased`, `-`, `n/a`: allowed. */
  | { kind: 'label' }
  | { kind: 'other' };

const pad = (n: number) => String(n).padStart(2, '0');

export function readDateCell(raw: string): DateReading {
  const text = raw.replace(/[`*_]/g, '').replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (text === '' || LABEL.test(text)) return { kind: 'label' };
  const check = (y: number, m: number, d?: number): DateReading => {
    if (m < 1 || m > 12) return { kind: 'impossible' };
    if (d === undefined) return { kind: 'date', sortable: `${y}-${pad(m)}` };
    return validDate(y, m, d) ? { kind: 'date', sortable: `${y}-${pad(m)}-${pad(d)}` } : { kind: 'impossible' };
  };
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}.*)?$/.exec(text);
  if (m) return check(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return check(Number(m[1]), Number(m[2]));
  if (/^(?:19|20)\d{2}$/.test(text)) return { kind: 'date', sortable: text };
  // `March 3, 2025`, `3 March 2025`, `Mar 2025`.
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text) ?? null;
  if (m && MONTHS.includes(m[1]!.slice(0, 3).toLowerCase())) return check(Number(m[3]), MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1, Number(m[2]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(text);
  if (m && MONTHS.includes(m[2]!.slice(0, 3).toLowerCase())) return check(Number(m[3]), MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1, Number(m[1]));
  m = /^([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(text);
  if (m && MONTHS.includes(m[1]!.slice(0, 3).toLowerCase())) return check(Number(m[2]), MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1);
  // `15.01.2025`, `01/15/2025`: a date, but day and month order cannot be told in general.
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(text);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (a > 12 && b <= 12) return check(y, b, a);
    if (b > 12 && a <= 12) return check(y, a, b);
    return a <= 12 && b <= 12 ? { kind: 'date' } : { kind: 'impossible' };
  }
  return { kind: 'other' };
}
