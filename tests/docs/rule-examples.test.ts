/**
 * Docs are tests: every rule page's examples (docs/rules/<id>.md) are run through the core, with only that rule on
 * at its recommended severity and the built-in document types, as `speclint` would lint the example as a file.
 *
 * The format the pages already use (docs/architecture.md, "Adding a rule"):
 *   ## Failing example       a ```markdown (or ````markdown) block: the document;
 *                            the next fence without a language: the findings, one `line:col  severity  message  rule-id`
 *                            a line, exactly as the text reporter prints them (every finding of the rule, in order);
 *                            a paragraph starting `(with \`"option": value\`` gives the rule's options for the example.
 *   ## Passing example       a ```markdown block, or a link to a fixture file: no finding of the rule.
 * Pages of the rules that check a set of documents (src/sets) are not run here: their examples span several files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig, lintText } from '../../src/engine.js';
import { rules, rulesById } from '../../rules/index.js';
import type { ResolvedConfig, Rule } from '../../src/types.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PAGES = join(ROOT, 'docs', 'rules');

interface Fence { info: string; body: string; line: number }
interface Section { heading: string; text: string[]; fences: Fence[]; links: string[] }

/** The page's `## ` sections with their fenced blocks (``` or ````, any length) and Markdown links. */
function sectionsOf(page: string): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  let fence: { marker: string; info: string; lines: string[]; line: number } | undefined;
  for (const [index, line] of page.split('\n').entries()) {
    if (fence) {
      if (line.trimEnd() === fence.marker) {
        current?.fences.push({ info: fence.info, body: `${fence.lines.join('\n')}\n`, line: fence.line });
        fence = undefined;
      } else fence.lines.push(line);
      continue;
    }
    const open = /^(`{3,})\s*([^`]*)$/.exec(line);
    if (open) {
      fence = { marker: open[1]!, info: open[2]!.trim(), lines: [], line: index + 1 };
      continue;
    }
    const heading = /^## (.+)$/.exec(line);
    if (heading) {
      current = { heading: heading[1]!.trim(), text: [], fences: [], links: [] };
      sections.push(current);
      continue;
    }
    current?.text.push(line);
    for (const link of line.matchAll(/\]\(([^)\s#]+\.md)\)/g)) current?.links.push(link[1]!);
  }
  return sections;
}

interface ExpectedLine { line: number; column: number; severity: string; message: string; ruleId: string }

function parseExpected(body: string): ExpectedLine[] {
  return body.split('\n').filter((l) => l.trim()).map((l) => {
    const m = /^(\d+):(\d+)\s+(error|warning|warn)\s+(.*\S)\s+([a-z][a-z0-9-]*)$/.exec(l.trim());
    if (!m) throw new Error(`not a finding line (\`line:col  severity  message  rule-id\`): ${l}`);
    return { line: Number(m[1]), column: Number(m[2]), severity: m[3] === 'warning' ? 'warn' : m[3]!, message: m[4]!, ruleId: m[5]! };
  });
}

/** `(with \`"sections": ["Definition of Done"]\`; …)`: the members of the options object. */
function optionsOf(section: Section): Record<string, unknown> {
  const paragraph = section.text.find((l) => l.startsWith('(with `'));
  if (!paragraph) return {};
  return JSON.parse(`{${/^\(with `([^`]+)`/.exec(paragraph)![1]}}`) as Record<string, unknown>;
}

function configFor(rule: Rule, options: Record<string, unknown>): ResolvedConfig {
  const severity = rule.meta.defaultSeverity === 'off' ? 'warn' : rule.meta.defaultSeverity;
  return { ...defaultConfig(), rules: { [rule.meta.id]: { severity, options } } };
}

/** Where an example is linted from: no file beside it exists, so a relative link in a failing example is missing. */
const EXAMPLE_PATH = '/speclint-docs-example/example.md';

async function findingsOf(rule: Rule, text: string, options: Record<string, unknown>, filePath = EXAMPLE_PATH) {
  const result = await lintText(text, { filePath, config: configFor(rule, options), rules: [rule], fileExists: () => false, readFile: () => undefined });
  return result.messages.filter((m) => m.ruleId === rule.meta.id && !m.suppressed);
}

/**
 * Pages whose failing example disagrees with the tool today, being fixed on another branch (the rules' owners):
 * `it.fails` keeps them visible, and fails as soon as the page and the tool agree, so the entry gets removed.
 */
const KNOWN_DISAGREEMENTS = new Set<string>([]);

const isMarkdown = (f: Fence) => /^(?:markdown|md)\b/.test(f.info);
const pages = readdirSync(PAGES).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, '')).sort();

describe('docs/rules pages', () => {
  it('every rule has a page', () => {
    expect(rules.map((r) => r.meta.id).filter((id) => !pages.includes(id))).toEqual([]);
  });
});

describe.each(pages.filter((id) => rulesById.has(id)))('docs/rules/%s.md', (id) => {
  const rule = rulesById.get(id)!;
  const sections = sectionsOf(readFileSync(join(PAGES, `${id}.md`), 'utf8'));
  const failing = sections.find((s) => /^failing example/i.test(s.heading));
  const passing = sections.find((s) => /^passing example/i.test(s.heading));

  (KNOWN_DISAGREEMENTS.has(id) ? it.fails : it)('the failing example gives the findings the page shows', async () => {
    const input = failing?.fences.find(isMarkdown);
    expect(input, 'a "## Failing example" section with a ```markdown block').toBeDefined();
    const output = failing!.fences.find((f) => f.info === '' && f.line > input!.line);
    expect(output, 'a fence without a language after the example, with the findings').toBeDefined();
    const expected = parseExpected(output!.body);
    expect(expected.length).toBeGreaterThan(0);
    const found = await findingsOf(rule, input!.body, optionsOf(failing!));
    const shown = (f: ExpectedLine) => `${f.line}:${f.column}  ${f.severity}  ${f.message}  ${f.ruleId}`;
    expect(found.map((f) => shown({ ...f, ruleId: f.ruleId }))).toEqual(expected.map(shown));
  });

  it('the passing example gives no finding', async () => {
    expect(passing, 'a "## Passing example" section').toBeDefined();
    const input = passing!.fences.find(isMarkdown);
    const fixture = passing!.links.map((l) => resolve(PAGES, l)).find((p) => existsSync(p));
    expect(input ?? fixture, 'a ```markdown block or a link to a fixture file').toBeDefined();
    const text = input ? input.body : readFileSync(fixture!, 'utf8');
    const found = await findingsOf(rule, text, optionsOf(passing!), input ? EXAMPLE_PATH : fixture);
    expect(found.map((f) => `${f.line}:${f.column} ${f.message}`)).toEqual([]);
  });
});

