/** valid-links in process: what a user sees (rule id, severity, line, column, message) and the finding's key. */
import { describe, expect, it } from 'vitest';
import { defaultConfig, lintText } from '../../src/engine.js';
import { parseDocument } from '../../src/parse/document.js';
import { onlyRule } from './only-rule.js';
import rule from '../../rules/valid-links.js';
import type { LintOptions, ReportDescriptor, ResolvedConfig } from '../../src/types.js';

const RULE = 'valid-links';

const configWith = (options: Record<string, unknown>, base?: ResolvedConfig) => onlyRule(RULE, options, base);

async function findings(text: string, options: Record<string, unknown> = {}, lint: Partial<LintOptions> = {}) {
  const result = await lintText(text, { config: lint.config ?? configWith(options), ...lint });
  return result.messages.map((m) => ({ ruleId: m.ruleId, severity: m.severity, line: m.line, column: m.column, message: m.message }));
}

describe('valid-links: anchors as GitHub renders them', () => {
  it('inline HTML in a heading is dropped from its anchor; its text is kept', async () => {
    const text = '# Spec\n\n[a](#summary) [b](#x) [c](#limits-1) [d](#see--the-plan)\n\n## <a name="x"></a>Summary\n\n## Limits <sup>1</sup>\n\n## See ![icon](i.png) the <em>plan</em>\n';
    expect(await findings(text)).toEqual([]);
  });

  it('explicit anchors anywhere, #user-content- links and {#id} attributes', async () => {
    const text = '# Spec\n\n[a](#old) [b](#retry) [c](#user-content-rollout) [d](#user-content-old) [e](#hokey)\n\nText with <a id="old"></a> an anchor.\n\n<div id="retry">x</div>\n\n## Rollout\n\n### Hokey implementation {#hokey}\n';
    expect(await findings(text)).toEqual([]);
  });

  it('headings in lists and quotes count, repeats get -1', async () => {
    expect(await findings('# Spec\n\n[a](#faq-1) [b](#quoted)\n\n## FAQ\n\n> ## Quoted\n\n- ## FAQ\n')).toEqual([]);
  });

  it('a missing fragment says what to do', async () => {
    expect(await findings('# Spec\n\nSee [x](#rollot) and [y](#nothing-like-it).\n\n## Rollout\n')).toEqual([
      { ruleId: RULE, severity: 'error', line: 3, column: 5, message: 'Link target "#rollot" matches no heading or anchor in this document (did you mean "#rollout"?)' },
      { ruleId: RULE, severity: 'error', line: 3, column: 22, message: 'Link target "#nothing-like-it" matches no heading or anchor in this document: correct the fragment or add the heading' },
    ]);
  });
});

describe('valid-links: other.md#section', () => {
  const files: Record<string, string> = {
    '/docs/other.md': '# Other\n\n## Install\n\n## FAQ\n\n## FAQ\n\nSetext heading\n--------------\n\n> ## Quoted section\n\n```md\n## Not a heading\n```\n',
    '/docs/notes.txt': 'plain text',
  };
  const lint: Partial<LintOptions> = {
    filePath: '/docs/spec.md',
    fileExists: (path) => path in files,
    readFile: (path) => files[path],
  };

  it('checks the fragment against the other file\'s headings (GitHub slugs, -1 for repeats)', async () => {
    const text = '# Spec\n\n[a](./other.md#install) [b](other.md#faq-1) [c](./other.md#setext-heading) [d](./other.md#quoted-section) [e](./other.md#user-content-install)\n';
    expect(await findings(text, {}, lint)).toEqual([]);
  });

  it('reports a fragment the other file does not have', async () => {
    expect(await findings('# Spec\n\nSee [a](./other.md#instal) and [b](./other.md#not-a-heading).\n', {}, lint)).toEqual([
      { ruleId: RULE, severity: 'error', line: 3, column: 5, message: 'Link target "./other.md#instal" matches no heading or anchor in other.md (did you mean "#install"?)' },
      { ruleId: RULE, severity: 'error', line: 3, column: 32, message: 'Link target "./other.md#not-a-heading" matches no heading or anchor in other.md: correct the fragment or add the heading there' },
    ]);
  });

  it('is skipped without readFile, for files that are not Markdown, and when turned off', async () => {
    const text = '# Spec\n\n[a](./other.md#missing) [b](./notes.txt#L10)\n';
    expect(await findings(text, {}, { ...lint, readFile: undefined })).toEqual([]);
    expect(await findings('# Spec\n\n[b](./notes.txt#L10)\n', {}, lint)).toEqual([]);
    expect(await findings(text, { checkFileFragments: false }, lint)).toEqual([]);
  });
});

describe('valid-links: missing files', () => {
  const files = new Set(['/docs', '/docs/spec.md', '/docs/images', '/docs/images/a.png']);
  const lint: Partial<LintOptions> = { filePath: '/docs/spec.md', fileExists: (path) => files.has(path) };

  it('a missing Markdown file, or an asset in a folder that exists, is reported; an asset whose folder is absent too is not (unless asked)', async () => {
    const text = '# Spec\n\n[p](./plan.md) ![a](images/a.png) ![b](images/b.png) ![c](diagrams/c.svg) [d](../assets/deck.pdf)\n';
    const lines = async (options = {}) => (await findings(text, options, lint)).map((f) => `${f.line}:${f.column} ${f.message}`);
    expect(await lines()).toEqual([
      '3:1 Linked file "./plan.md" does not exist: correct the path or add the file',
      '3:35 Linked file "images/b.png" does not exist: correct the path or add the file',
    ]);
    expect(await lines({ assetsWithoutFolder: true })).toHaveLength(4);
  });

  it('a web address without its scheme says to add https://', async () => {
    expect((await findings('# Spec\n\nSee [repo](github.com/org/repo).\n', {}, lint)).map((f) => f.message)).toEqual([
      'Linked file "github.com/org/repo" does not exist: it reads as a web address: write "https://github.com/org/repo"',
    ]);
  });
});

describe('valid-links: unused link definitions (markdownlint MD053)', () => {
  it('an unused definition is a warning; its target is not checked (it renders nothing)', async () => {
    expect(await findings('# Spec\n\nText.\n\n[unused]: #nowhere\n')).toEqual([
      { ruleId: RULE, severity: 'warn', line: 5, column: 1, message: 'Link definition [unused] is not used: remove it, or reference it as [text][unused] (set valid-links\' "unusedDefinitions" to "off" to allow unused definitions)' },
    ]);
  });

  it('a repeated definition: the first wins', async () => {
    expect(await findings('# Spec\n\nSee [the plan][plan].\n\n[plan]: https://example.org/a\n[Plan]: https://example.org/b\n')).toEqual([
      { ruleId: RULE, severity: 'warn', line: 6, column: 1, message: 'Link definition [Plan] repeats the one on line 5, which wins: remove this one or rename it' },
    ]);
  });

  it('used definitions, the [//]: # comment idiom and section names are not reported', async () => {
    const text = '# Spec\n\nSee [x][a], [b][] and [c]. ![img][d]\n\n## Summary\n[summary]: #summary\n\n[a]: https://example.org/a\n[b]: https://example.org/b\n[c]: https://example.org/c\n[d]: https://example.org/d.png\n[//]: # (a comment)\n';
    expect(await findings(text)).toEqual([]);
  });

  it('a definition nothing uses renders nothing: its target is never checked', async () => {
    // `## Rationale and alternatives` then `[alternatives]: #alternatives`: a section name, and a broken one, unused.
    expect(await findings('# Spec\n\n## Rationale and alternatives\n[alternatives]: #alternatives\n\nText.\n')).toEqual([]);
    expect(await findings('# Spec\n\nText.\n\n[gone]: #nowhere\n', { unusedDefinitions: 'off' })).toEqual([]);
    // Used, the same definition is a broken link.
    expect(await findings('# Spec\n\nSee [alternatives].\n\n## Rationale and alternatives\n[alternatives]: #alternatives\n')).toEqual([
      { ruleId: RULE, severity: 'error', line: 6, column: 1, message: 'Link target "#alternatives" matches no heading or anchor in this document: correct the fragment or add the heading' },
    ]);
  });

  it('more than ten unused definitions in one document are one finding', async () => {
    const definitions = Array.from({ length: 12 }, (_, i) => `[team-${i}]: https://example.org/${i}`).join('\n');
    expect(await findings(`# Spec\n\nText.\n\n${definitions}\n`)).toEqual([
      { ruleId: RULE, severity: 'warn', line: 5, column: 1, message: '12 link definitions are not used ([team-0], [team-1], [team-2], …): remove them, or set valid-links\' "unusedDefinitions" to "off" to allow unused definitions' },
    ]);
  });

  it('can be turned off, made an error, or told to ignore labels', async () => {
    const text = '# Spec\n\n[unused]: https://example.org\n';
    expect(await findings(text, { unusedDefinitions: 'off' })).toEqual([]);
    expect((await findings(text, { unusedDefinitions: 'error' }))[0]!.severity).toBe('error');
    expect(await findings(text, { ignoredDefinitions: ['UNUSED'] })).toEqual([]);
  });

  it("definitions the document's template has are structure it asks for", async () => {
    const base = defaultConfig();
    const config = configWith({}, {
      ...base,
      types: { ...base.types, mine: { id: 'mine', template: '# [Title]\n\n## Motivation\n\nWhy.\n\n[team]: https://example.org/team\n', source: 'test' } },
      forcedType: { id: 'mine', reason: 'test' },
    });
    expect(await findings('# Payments\n\n## Motivation\n\nBecause.\n\n[team]: https://example.org/team\n', {}, { config })).toEqual([]);
  });
});

describe('valid-links: keys', () => {
  it('a link finding is keyed by its target', async () => {
    const reported: ReportDescriptor[] = [];
    const doc = parseDocument('# Spec\n\n[x](#gone)\n\n[u]: https://example.org\n');
    await rule.check({ doc, options: rule.meta.defaultOptions as never, settings: {}, report: (d) => reported.push(d) });
    expect(reported.map((d) => d.key).sort()).toEqual(['#gone', 'unused-definition:u']);
  });
});
