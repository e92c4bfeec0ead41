import { basename, dirname, resolve } from 'node:path';
import type { Definition, LinkReference, ImageReference, Nodes } from 'mdast';
import type { LinkModel, Rule, RuleContext, Severity, SpecDocument } from '../src/types.js';
import { docsUrl } from '../src/rule-helpers.js';
import { documentAnchors, fileAnchor } from '../src/slug.js';
import { didYouMean } from '../src/errors.js';

interface Options {
  checkFragments: boolean;
  checkFiles: boolean;
  checkFileFragments: boolean;
  assetsWithoutFolder: boolean;
  unusedDefinitions: 'off' | Severity;
  ignoredDefinitions: string[];
}

const SCHEME = /^[a-z][a-z0-9+.-]*:|^\/\//i;
/** Files whose `#fragment` names a heading: Markdown. */
const MARKDOWN_FILE = /\.(?:md|markdown|mdown|mkd|mdx)$/i;
/** GitHub prefixes rendered ids with `user-content-`; a link may use either form. */
const USER_CONTENT = /^user-content-/i;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function fragmentOf(url: string): string {
  return decode(url.slice(url.indexOf('#') + 1)).toLowerCase().replace(USER_CONTENT, '');
}

/** Identifiers used by `[text][id]`, `[id][]`, `[id]` and their image forms. */
function usedIdentifiers(root: Nodes): Set<string> {
  const used = new Set<string>();
  const pending: Nodes[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.type === 'linkReference' || node.type === 'imageReference') used.add((node as LinkReference | ImageReference).identifier);
    if ('children' in node) for (const child of node.children) pending.push(child as Nodes);
  }
  return used;
}

const normalizeLabel = (label: string) => label.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * `[summary]: #summary` right under `# Summary`: a name for the section it sits under (an idiom of some templates,
 * whatever the exact fragment), not a link anyone forgot to use.
 */
function namesItsSection(doc: SpecDocument, definition: LinkModel): boolean {
  if (!(definition.node as Definition).url.startsWith('#')) return false;
  const heading = doc.sections.filter((s) => s.line <= definition.range.start.line).at(-1);
  if (!heading?.heading) return false;
  const between = doc.text.slice(heading.contentStart, definition.range.start.offset);
  return !/\S/.test(between.replace(/^ {0,3}\[[^\]\n]+\]:[^\n]*$/gm, ''));
}

/**
 * Definitions that render nothing: those no reference uses, and repeats (the first one wins in CommonMark). Their
 * targets are not checked. Each is reported, as markdownlint's MD053, unless turned off, ignored, given by the
 * template, or a name for the section it sits under.
 */
function silentDefinitions(context: RuleContext<Options>, definitions: LinkModel[]): Set<LinkModel> {
  const { doc, options } = context;
  const silent = new Set<LinkModel>();
  if (definitions.length === 0) return silent;
  const used = usedIdentifiers(doc.root);
  const ignored = new Set(options.ignoredDefinitions.map(normalizeLabel));
  // Definitions the document's template has are structure it asks for.
  const templateText = context.documentType?.templateText;
  if (typeof templateText === 'string') {
    for (const m of templateText.matchAll(/^ {0,3}\[([^\]\n]+)\]:[ \t]*\S/gm)) ignored.add(normalizeLabel(m[1]!));
  }
  const reportable = (node: Definition) => options.unusedDefinitions !== 'off' && !ignored.has(normalizeLabel(node.identifier)) && !ignored.has(normalizeLabel(node.label ?? node.identifier));
  const first = new Map<string, LinkModel>();
  const unused: Array<{ definition: LinkModel; label: string; identifier: string }> = [];
  for (const definition of definitions) {
    const node = definition.node as Definition;
    const label = node.label ?? node.identifier;
    const earlier = first.get(node.identifier);
    if (earlier) {
      silent.add(definition);
      if (reportable(node)) {
        context.report({
          message: `Link definition [${label}] repeats the one on line ${earlier.range.start.line}, which wins: remove this one or rename it`,
          range: definition.range,
          severity: options.unusedDefinitions as Severity,
          key: `duplicate-definition:${node.identifier}`,
        });
      }
      continue;
    }
    first.set(node.identifier, definition);
    if (used.has(node.identifier)) continue;
    silent.add(definition);
    if (reportable(node) && !namesItsSection(doc, definition)) unused.push({ definition, label, identifier: node.identifier });
  }
  if (unused.length > MAX_UNUSED_REPORTS) {
    // A generated list of links (a team roster appended to every page) is one thing to fix, not a hundred.
    const names = unused.slice(0, 3).map((u) => `[${u.label}]`).join(', ');
    context.report({
      message: `${unused.length} link definitions are not used (${names}, …): remove them, or set valid-links' "unusedDefinitions" to "off" to allow unused definitions`,
      range: unused[0]!.definition.range,
      severity: options.unusedDefinitions as Severity,
      key: 'unused-definitions',
    });
    return silent;
  }
  for (const { definition, label, identifier } of unused) {
    context.report({
      message: `Link definition [${label}] is not used: remove it, or reference it as [text][${label}] (set valid-links' "unusedDefinitions" to "off" to allow unused definitions)`,
      range: definition.range,
      severity: options.unusedDefinitions as Severity,
      key: `unused-definition:${identifier}`,
    });
  }
  return silent;
}

/** More unused definitions than this in one document are reported as one finding. */
const MAX_UNUSED_REPORTS = 10;

const rule: Rule<Options> = {
  meta: {
    id: 'valid-links',
    description: 'In-document #fragment links resolve to a heading or anchor; relative links resolve to files and their headings; link definitions are used',
    defaultSeverity: 'error',
    docsUrl: docsUrl('valid-links'),
    optionsSchema: {
      type: 'object',
      properties: {
        checkFragments: { type: 'boolean', description: 'Check `#fragment` links against the headings and anchors of the document.' },
        checkFiles: { type: 'boolean', description: 'Check that relative links point at files that exist.' },
        checkFileFragments: { type: 'boolean', description: 'Check `other.md#section` against the headings and anchors of the other file (needs `readFile`; the CLI gives it).' },
        assetsWithoutFolder: { type: 'boolean', description: 'Also report a missing image or other non-Markdown file whose folder does not exist either (off: docs-only copies and sparse checkouts leave assets out).' },
        unusedDefinitions: { enum: ['off', 'warn', 'error'], description: 'Report link reference definitions nothing uses, and repeated ones (markdownlint MD053), at this severity.' },
        ignoredDefinitions: { type: 'array', items: { type: 'string' }, description: 'Definition labels never reported as unused (`//` is the `[//]: # (comment)` idiom).' },
      },
      additionalProperties: false,
    },
    defaultOptions: { checkFragments: true, checkFiles: true, checkFileFragments: true, assetsWithoutFolder: false, unusedDefinitions: 'warn', ignoredDefinitions: ['//'] },
    fixable: false,
    tags: ['links'],
  },
  check(context) {
    const { doc, options, fileExists, readFile, report } = context;
    const silent = silentDefinitions(context, doc.links.filter((l) => l.kind === 'definition'));
    let anchors: Set<string> | undefined;
    for (const link of doc.links) {
      if (silent.has(link)) continue;
      const url = link.url.trim();
      // Template stand-ins (`[link](./[feature].md)`) are no-placeholders' business.
      if (!url || SCHEME.test(url) || url.includes('[')) continue;
      if (url.startsWith('#')) {
        if (!options.checkFragments || url === '#') continue;
        anchors ??= documentAnchors(doc);
        const fragment = fragmentOf(url);
        if (!anchors.has(fragment)) {
          const suggestion = didYouMean(fragment, anchors);
          report({
            message: `Link target "${url}" matches no heading or anchor in this document${suggestion ? ` (did you mean "#${suggestion}"?)` : ': correct the fragment or add the heading'}`,
            range: link.range,
            key: url,
          });
        }
        continue;
      }
      if (!options.checkFiles || !fileExists || !doc.filePath || url.startsWith('/')) continue;
      const path = decode(url.replace(/[?#].*$/, ''));
      if (!path) continue;
      const target = resolve(dirname(doc.filePath), path);
      if (!fileExists(target)) {
        // An image or asset whose whole folder is absent: a copy or checkout of the docs alone, not a broken link.
        if (!options.assetsWithoutFolder && !MARKDOWN_FILE.test(path) && /\.[a-z0-9]{1,5}$/i.test(path) && !fileExists(dirname(target))) continue;
        // `github.com/org/repo`, `www.example.org/page`: a web address written without its scheme.
        const webAddress = /^(?:www\.|(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|edu|gov)(?:\/|$))/i.test(path);
        const remedy = webAddress ? `it reads as a web address: write "https://${path}"` : 'correct the path or add the file';
        report({ message: `Linked file "${path}" does not exist: ${remedy}`, range: link.range, key: url });
        continue;
      }
      const hash = url.indexOf('#');
      if (!options.checkFileFragments || !readFile || hash < 0 || hash === url.length - 1 || !MARKDOWN_FILE.test(path)) continue;
      const text = readFile(target);
      const fragment = fragmentOf(url);
      const anchor = text === undefined ? undefined : fileAnchor(target, text, fragment);
      if (anchor && !anchor.found) {
        const suggestion = didYouMean(fragment, anchor.anchors);
        report({
          message: `Link target "${url}" matches no heading or anchor in ${basename(path)}${suggestion ? ` (did you mean "#${suggestion}"?)` : ': correct the fragment or add the heading there'}`,
          range: link.range,
          key: url,
        });
      }
    }
  },
};

export default rule;
