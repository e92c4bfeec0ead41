/** `speclint types`, `speclint new <type> <file>`, `speclint init [--template <file>]`. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { applyEdits, modify, parse as parseJsonc } from 'jsonc-parser';
import { globSync } from 'tinyglobby';
import { builtinTypeSources, compileTemplate, selectDocumentType } from '../templates/index.js';
import { parseDocument } from '../parse/document.js';
import { SpeclintError, UsageError, hint } from '../errors.js';
import type { DocumentTypeSource, ResolvedConfig } from '../types.js';

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

/**
 * `speclint init [--template <file>]`: writes .specrc.json; with a template, registers it as a type, proposes a
 * `documents` glob from where the documents it detects live, and ignores the template file itself. On an existing
 * .specrc.json it adds the type (comments and layout kept) instead of refusing.
 */
export function initConfig(cwd: string, template?: string): string {
  const target = resolve(cwd, '.specrc.json');
  const exists = existsSync(target);
  if (exists && !template) throw new SpeclintError('.specrc.json already exists; speclint init never overwrites it (speclint init --template <file> adds a type to it)');
  if (!exists) {
    const other = ['.specrc', '.specrc.yaml', '.specrc.yml', '.specrc.js', '.specrc.cjs', '.specrc.mjs', 'speclint.config.js', 'speclint.config.mjs', 'speclint.config.cjs'].find((name) => existsSync(resolve(cwd, name)));
    if (other) throw new SpeclintError(`${other} already configures speclint here; add the type to it by hand (speclint init only writes .specrc.json)`);
  }
  const lines: string[] = [];
  let text = exists
    ? readFileSync(target, 'utf8')
    : `${JSON.stringify({
        $schema: './node_modules/speclint/schema/specrc.schema.json',
        extends: ['speclint:recommended'],
        ignores: [],
        // Findings recorded there by `speclint baseline` do not count; until it exists, it suppresses nothing.
        baseline: '.speclint-baseline.json',
        rules: {},
      }, null, 2)}\n`;
  if (template) {
    const registration = registerTemplate(cwd, template, exists ? (parseJsonc(text) as Record<string, unknown>) : {});
    for (const [path, value] of registration.edits) text = applyEdits(text, modify(text, path, value, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
    lines.push(...registration.notes);
  }
  if (exists) writeAtomically(target, text);
  else writeFileSync(target, text, { flag: 'wx' });
  lines.unshift(exists ? 'Updated .specrc.json' : 'Created .specrc.json');
  if (!exists) lines.push('Next: "speclint <paths>" lints; "speclint baseline <paths>" records today\'s findings in .speclint-baseline.json so that only new ones fail.');
  return `${lines.join('\n')}\n`;
}

function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** The config edits that register a template as a type, and what to tell the user about them. */
function registerTemplate(cwd: string, template: string, existing: Record<string, unknown>): { edits: Array<[Array<string | number>, unknown]>; notes: string[] } {
  const path = resolve(cwd, template);
  let templateText: string;
  try {
    templateText = readFileSync(path, 'utf8');
  } catch {
    throw new SpeclintError(`cannot read template ${template}`);
  }
  if (parseDocument(templateText).sections.length === 0) throw new SpeclintError(`${template} has no headings: a template needs at least one heading to be a document type`);
  // `docs/templates/kep.md` → "kep"; `rfcs/_template.md` → "rfcs"; `tasks-template.md` → "tasks".
  const stem = basename(path).replace(/\.(md|markdown)$/i, '').replace(/^_+/, '').replace(/[-_.]template$/i, '');
  const name = /^(?:\d+[-_])?template$/i.test(stem) ? basename(dirname(path)) : stem;
  let id = name.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'custom';
  const types = (existing.types ?? {}) as Record<string, { template?: string }>;
  const relativeTemplate = relative(cwd, path).split('\\').join('/');
  const already = Object.entries(types).find(([, t]) => t.template && resolve(cwd, t.template) === path);
  if (already) throw new SpeclintError(`${template} is already registered as the type "${already[0]}" in .specrc.json`);
  for (let n = 2; types[id] || id in builtinTypeSources(); n++) id = `${name.replace(/[^A-Za-z0-9-]+/g, '-').toLowerCase()}-${n}`;
  const edits: Array<[Array<string | number>, unknown]> = [[['types', id], { template: relativeTemplate }]];
  const notes = [`Registered the type "${id}" from ${relativeTemplate}.`];

  const ignores = Array.isArray(existing.ignores) ? (existing.ignores as string[]) : [];
  if (!ignores.includes(relativeTemplate)) {
    edits.push([['ignores', ignores.length], relativeTemplate]);
    notes.push(`Added ${relativeTemplate} to "ignores": the template is the schema, not a document.`);
  }

  const proposal = proposeDocumentsGlob(cwd, { id, template: templateText, source: relativeTemplate, templatePath: path });
  if (proposal.glob) {
    const documents = Array.isArray(existing.documents) ? existing.documents : [];
    edits.push([['documents', documents.length], { files: [proposal.glob], type: id }]);
    notes.push(`Mapped "${proposal.glob}" to "${id}" in "documents": ${proposal.reason}.`);
  } else {
    notes.push(`No "documents" glob: ${proposal.reason}; documents are auto-detected (speclint --verbose says which type each file got and why).`);
  }
  return { edits, notes };
}

/**
 * Where the documents of a new type live: the Markdown files below `cwd` that auto-detection gives the type, and
 * the narrowest glob over them — their common folder, narrowed to their common file name (`README.md` in KEPs) or
 * to numbered names (`0042-….md`). Proposed only when at least four in five of the files it matches are detected.
 */
function proposeDocumentsGlob(cwd: string, source: DocumentTypeSource): { glob?: string; reason: string } {
  const files = globSync(['**/*.md', '**/*.markdown'], { cwd, ignore: ['**/node_modules/**', '**/.git/**'], dot: false }).filter((f) => resolve(cwd, f) !== source.templatePath).sort();
  const config: ResolvedConfig = { rules: {}, types: { ...builtinTypeSources(), [source.id]: source }, settings: {} };
  const detected = files.filter((file) => {
    try {
      const doc = parseDocument(readFileSync(resolve(cwd, file), 'utf8'), resolve(cwd, file));
      return selectDocumentType(doc, config).id === source.id;
    } catch {
      return false;
    }
  });
  if (detected.length === 0) return { reason: `no Markdown file here is detected as "${source.id}" yet` };
  const depth = (folder: string) => (folder ? folder.split('/').length : 0);
  // The deepest folder that holds at least four in five of them (a stray match elsewhere stays auto-detected).
  const counts = new Map<string, number>();
  for (const file of detected) {
    const parts = file.split('/').slice(0, -1);
    for (let i = 0; i <= parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      counts.set(folder, (counts.get(folder) ?? 0) + 1);
    }
  }
  const folder = [...counts].filter(([, n]) => n >= 0.8 * detected.length).sort((a, b) => depth(b[0]) - depth(a[0]) || b[1] - a[1])[0]![0];
  const common = folder ? folder.split('/') : [];
  const inside = detected.filter((f) => !folder || f.startsWith(`${folder}/`));
  const base = common.length ? `${common.join('/')}/**/` : '**/';
  const names = new Map<string, number>();
  for (const file of inside) names.set(file.split('/').pop()!, (names.get(file.split('/').pop()!) ?? 0) + 1);
  // One name for (nearly) all of them: `README.md` in KEPs, `spec.md` in spec-kit.
  const [topName, topCount] = [...names].sort((a, b) => b[1] - a[1])[0]!;
  const glob = topCount >= 0.8 * inside.length ? `${base}${topName}` : inside.every((f) => /^\d/.test(f.split('/').pop()!)) ? `${base}[0-9]*.md` : `${base}*.md`;
  const matched = globSync(glob, { cwd, ignore: ['**/node_modules/**', '**/.git/**'] }).filter((f) => resolve(cwd, f) !== source.templatePath);
  const detectedSet = new Set(detected);
  const hits = matched.filter((f) => detectedSet.has(f)).length;
  const reason = `${hits} of the ${matched.length} files it matches are detected as "${source.id}"`;
  if (common.length === 0 && topCount < 0.8 * inside.length) return { reason: `the ${detected.length} detected files have no folder in common` };
  return hits >= 0.8 * matched.length ? { glob, reason } : { reason: `the narrowest glob, ${glob}, matches ${matched.length} files of which only ${hits} are detected as "${source.id}"` };
}
