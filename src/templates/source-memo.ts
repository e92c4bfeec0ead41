/**
 * Values derived from a document type's source (its compiled outline, its detection signature), each computed once.
 * Every document is held against every type's source, so the lookup is on the per-file path: it goes by the source
 * object first (a config's sources live as long as the config: src/config/load.ts keeps them per loaded config, the
 * built-ins once), checking that the fields the value depends on are still the same. A source object not seen before
 * (a reloaded config) is looked up by the text of those fields, so that the same template is not compiled twice;
 * that key holds the whole template, and building and hashing it on every call cost 45 ms over a 530-file run.
 */
import type { DocumentTypeSource } from '../types.js';

type Field = keyof DocumentTypeSource;

export function memoBySource<T>(fields: readonly Field[], derive: (source: DocumentTypeSource) => T): (source: DocumentTypeSource) => T {
  const byObject = new WeakMap<DocumentTypeSource, { values: unknown[]; value: T }>();
  const byText = new Map<string, T>();
  return (source) => {
    const known = byObject.get(source);
    if (known && fields.every((field, i) => known.values[i] === source[field])) return known.value;
    const key = fields.map((field) => (typeof source[field] === 'string' ? source[field] : JSON.stringify(source[field] ?? null))).join('\u0000');
    let value = byText.get(key);
    if (value === undefined) {
      value = derive(source);
      byText.set(key, value);
    }
    byObject.set(source, { values: fields.map((field) => source[field]), value });
    return value;
  };
}
