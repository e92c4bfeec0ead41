/** `speclint types`, `speclint new <type> <file>`, `speclint init [--template <file>]`. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { compileTemplate } from '../templates/index.js';
import { parseDocument } from '../parse/document.js';
import { SpeclintError, UsageError, hint } from '../errors.js';
import type { DocumentTypeSource } from '../types.js';

export function listTypes(types: Record<string, DocumentTypeSource>): string {
  const rows = Object.values(types)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((source) => {
      const type = compileTemplate(source);
      return [source.id, source.source === 'builtin' ? `builtin (templates/${source.id}.md)` : source.source, String(type.allPatterns.length), type.title ? `# ${type.title.text}` : ''];
    });
  const header = ['type', 'source', 'sections', 'title'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [header, ...rows].map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n') + '\n';
}

/** Writes the template of a type to a new file; never overwrites. */
export function newSpec(typeId: string | undefined, file: string | undefined, types: Record<string, DocumentTypeSource>, cwd: string): string {
  if (!typeId || !file) throw new UsageError('usage: speclint new <type> <file>');
  const source = types[typeId];
  if (!source) throw new UsageError(`unknown document type "${typeId}"${hint(typeId, Object.keys(types))}; known types: ${Object.keys(types).sort().join(', ')}`);
  const target = resolve(cwd, file);
  if (existsSync(target)) throw new SpeclintError(`${file} already exists; speclint new never overwrites a file`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, source.template, { flag: 'wx' });
  return `Created ${relative(cwd, target) || file} from the ${typeId} template; fill in the [placeholders] and run speclint ${relative(cwd, target) || file}\n`;
}

/** Writes .specrc.json, optionally registering a template as a type. */
export function initConfig(cwd: string, template?: string): string {
  const target = resolve(cwd, '.specrc.json');
  if (existsSync(target)) throw new SpeclintError('.specrc.json already exists; speclint init never overwrites it');
  const config: Record<string, unknown> = {
    $schema: './node_modules/speclint/schema/specrc.schema.json',
    extends: ['speclint:recommended'],
    ignores: [],
    // Findings recorded there by `speclint baseline` do not count; until it exists, it suppresses nothing.
    baseline: '.speclint-baseline.json',
    rules: {},
  };
  let note = '';
  if (template) {
    const path = resolve(cwd, template);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      throw new SpeclintError(`cannot read template ${template}`);
    }
    if (parseDocument(text).sections.length === 0) throw new SpeclintError(`${template} has no headings: a template needs at least one heading to be a document type`);
    // `docs/templates/kep.md` → "kep"; `rfcs/_template.md` → "rfcs" (a file called template names its folder's type).
    const stem = basename(path).replace(/\.(md|markdown)$/i, '').replace(/^_+/, '');
    const name = /^template$/i.test(stem) ? basename(dirname(path)) : stem;
    const id = name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'custom';
    config.types = { [id]: { template: relative(cwd, path).split('\\').join('/') } };
    note = ` with the type "${id}" from ${template}`;
  }
  writeFileSync(target, `${JSON.stringify(config, null, 2)}\n`, { flag: 'wx' });
  return `Created .specrc.json${note}\nNext: "speclint <paths>" lints; "speclint baseline <paths>" records today's findings in .speclint-baseline.json so that only new ones fail.\n`;
}
