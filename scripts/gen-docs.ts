/**
 * Everything in the docs that rule meta already says, generated from it so it cannot drift:
 *   - README.md's rule table (between `<!-- rules-table:start -->` and `<!-- rules-table:end -->`): id, link, description;
 *   - the options table of each docs/rules/<id>.md ("## Options"): option, default (meta.defaultOptions), meaning
 *     (the option's `description` in meta.optionsSchema — also what editors show when completing a config);
 *   - schema/specrc.schema.json (also written by the build).
 * `npm run gen:docs` writes them; tests/docs/generated.test.ts fails when one is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rules } from '../rules/index.js';
import { buildConfigSchema } from '../src/config/schema.js';
import type { Rule } from '../src/types.js';

export const ROOT = join(import.meta.dirname, '..');
export const REGENERATE = 'npm run gen:docs';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function rulesTable(): string {
  const rows = rules.map((r) => `| [\`${r.meta.id}\`](docs/rules/${r.meta.id}.md) | ${cell(r.meta.description)} |`);
  return ['| rule | checks |', '| --- | --- |', ...rows].join('\n');
}

export function optionsTable(rule: Rule): string | undefined {
  const properties = (rule.meta.optionsSchema?.properties ?? {}) as Record<string, { description?: string }>;
  const names = Object.keys(properties);
  if (names.length === 0) return undefined;
  const defaults = rule.meta.defaultOptions ?? {};
  const rows = names.map((name) => {
    const value = defaults[name];
    const shown = value === undefined ? '—' : `\`${cell(JSON.stringify(value))}\``;
    return `| \`${name}\` | ${shown} | ${cell(properties[name]!.description ?? '')} |`;
  });
  return ['| option | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

function replaceBetween(text: string, start: string, end: string, body: string, file: string): string {
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file}: markers ${start} … ${end} not found`);
  return `${text.slice(0, from + start.length)}\n${body}\n${text.slice(to)}`;
}

/** The page with its Options table regenerated (inserted after "## Options" when the page has none yet). */
export function withOptionsTable(page: string, rule: Rule, file: string): string {
  const table = optionsTable(rule);
  const lines = page.split('\n');
  const heading = lines.findIndex((l) => l.trim() === '## Options');
  if (heading < 0) {
    if (!table) return page;
    throw new Error(`${file}: no "## Options" section for the options of ${rule.meta.id}`);
  }
  let end = lines.findIndex((l, i) => i > heading && /^#{1,2} /.test(l));
  if (end < 0) end = lines.length;
  const start = lines.findIndex((l, i) => i > heading && i < end && l.startsWith('| option |'));
  if (start < 0) {
    if (!table) return page;
    return [...lines.slice(0, heading + 1), '', table, ...lines.slice(heading + 1)].join('\n');
  }
  let stop = start;
  while (stop < end && lines[stop]!.startsWith('|')) stop++;
  return [...lines.slice(0, start), ...(table ? [table] : ['None.']), ...lines.slice(stop)].join('\n');
}

/** Every generated file: its path (relative to the root) and the text it should have. */
export function generatedFiles(root = ROOT): Array<{ path: string; text: string }> {
  const files: Array<{ path: string; text: string }> = [];
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  files.push({ path: 'README.md', text: replaceBetween(readme, '<!-- rules-table:start -->', '<!-- rules-table:end -->', rulesTable(), 'README.md') });
  for (const rule of rules) {
    const path = `docs/rules/${rule.meta.id}.md`;
    files.push({ path, text: withOptionsTable(readFileSync(join(root, path), 'utf8'), rule, path) });
  }
  files.push({ path: 'schema/specrc.schema.json', text: `${JSON.stringify(buildConfigSchema(), null, 2)}\n` });
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const { path, text } of generatedFiles()) {
    const file = join(ROOT, path);
    if (readFileSync(file, 'utf8') !== text) {
      writeFileSync(file, text);
      console.log(`wrote ${path}`);
    }
  }
}
