/**
 * Document numbers: `0042-name.md`, `eip-1559.md`, `1234-name/README.md`, `# KEP-1234: …`, `# 7. Use X`,
 * `eip: 1559`, `* Proposal: [SE-0073](…)`. One reader for the file name, the title and the metadata, so that a
 * collection can say when they disagree. Patterns are data (ResolvedNumbering): a collection of the config brings
 * its own.
 */
import type { ResolvedNumbering } from './types.js';
import { basename, dirname } from './context.js';

/**
 * File names: `NNNN-name.md` (1 to 5 digits: an 8-digit `20190501-name.md` is a date, not a number), and
 * `prefix-N.md` for the usual collection prefixes. Matched against the name without `.md`.
 */
export const DEFAULT_FILE_PATTERNS: readonly string[] = [
  String.raw`^(\d{1,5})[-_][^\d]`,
  String.raw`^(?:eip|erc|kep|adr|rfc|pep|bip|se|otep|tep|sip|cip|fip|mip|lip)[-_]?(\d{1,6})(?:[-_.]|$)`,
];

/** Titles: `KEP-1234: …`, `ADR 3: …`, `RFC 0042 - …`, `[EIP-1] …`, `SE-0001: …`, and adr-tools' `7. Use X`. */
export const DEFAULT_TITLE_PATTERNS: readonly string[] = [
  String.raw`^\[?(?:KEP|ADR|RFC|EIP|ERC|SE|PEP|BIP|OTEP|TEP|SIP|CIP|FIP|MIP|LIP)[- ]?#?(\d{1,6})\b`,
  String.raw`^(\d{1,5})\.\s+\S`,
];

/** Metadata keys (lower case) whose whole value is the document's number (`eip: 1559`, `Proposal: SE-0073`). */
export const DEFAULT_NUMBER_FIELDS: readonly string[] = [
  'eip', 'erc', 'kep', 'kep-number', 'kep number', 'number', 'rfc', 'rfc #', 'rfc number', 'rfc no', 'rfc no.',
  'adr', 'adr number', 'adr #', 'proposal', 'pep', 'bip', 'otep', 'sip', 'cip',
];

export const DEFAULT_NUMBERING: ResolvedNumbering = {
  file: [...DEFAULT_FILE_PATTERNS],
  title: [...DEFAULT_TITLE_PATTERNS],
  fields: [...DEFAULT_NUMBER_FIELDS],
};

/** Patterns are matched case-insensitively; compiled once per source. */
const compiled = new Map<string, RegExp>();
export function numberPattern(source: string): RegExp {
  let pattern = compiled.get(source);
  if (!pattern) {
    pattern = new RegExp(source, 'i');
    compiled.set(source, pattern);
  }
  return pattern;
}

/** Files that stand for their folder: `1234-name/README.md` takes the folder's number. */
const FOLDER_DOCUMENT = /^(?:readme|index|_index)\.(?:md|markdown)$/i;

export function isFolderDocument(fileName: string): boolean {
  return FOLDER_DOCUMENT.test(fileName);
}

function firstGroup(match: RegExpExecArray): string | undefined {
  for (let i = match.length - 1; i >= 1; i--) if (match[i] !== undefined) return match[i];
  return undefined;
}

/** The number in a file's name (or its folder's, for README.md / index.md), with the name it was read from. */
export function fileNumber(path: string, patterns: readonly string[] = DEFAULT_FILE_PATTERNS): { value: number; name: string } | undefined {
  const parts = path.split('/');
  const file = parts[parts.length - 1] ?? '';
  const name = isFolderDocument(file) ? (parts[parts.length - 2] ?? '') : file.replace(/\.(?:md|markdown)$/i, '');
  if (!name) return undefined;
  for (const pattern of patterns) {
    const m = numberPattern(pattern).exec(name);
    const digits = m ? firstGroup(m) : undefined;
    if (digits !== undefined && /^\d+$/.test(digits)) return { value: Number(digits), name };
  }
  return undefined;
}

export function titleNumber(title: string, patterns: readonly string[] = DEFAULT_TITLE_PATTERNS): { value: number; text: string } | undefined {
  for (const pattern of patterns) {
    const m = numberPattern(pattern).exec(title.trim());
    const digits = m ? firstGroup(m) : undefined;
    if (digits !== undefined && /^\d+$/.test(digits)) return { value: Number(digits), text: m![0].trim() };
  }
  return undefined;
}

/** A field's value when it is a number and nothing else: `1559`, `SE-0073`, `[SE-0073](0073-x.md)`, `#42`. */
export function fieldNumber(value: string): number | undefined {
  const text = value.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').trim();
  const m = /^(?:[A-Za-z]{2,5}[- ]?)?#?0*(\d{1,6})$/.exec(text);
  return m ? Number(m[1]) : undefined;
}

/** The name a reader knows a document by: `0042-x.md`, or `1234-x/README.md` for a folder document. */
export function displayName(path: string): string {
  const name = basename(path);
  return isFolderDocument(name) ? `${basename(dirname(path))}/${name}` : name;
}
