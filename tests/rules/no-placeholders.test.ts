/**
 * no-placeholders, in process: each form of stand-in it must find (rule id, line, column, message, key) and each
 * kind of text that only looks like one. The template's own vocabulary is tested with a hand-made document type
 * (tokens the template compiler may hand over) and with a small compiled template.
 */
import { describe, expect, it } from 'vitest';
import { defaultConfig, lintText } from '../../src/engine.js';
import { compileTemplate } from '../../src/templates/compile.js';
import rule from '../../rules/no-placeholders.js';
import type { DocumentType, ResolvedConfig, Rule } from '../../src/types.js';

interface Seen {
  at: string;
  message: string;
  key?: string;
}

/** Runs only no-placeholders (with `options` and, if given, `type` as the document type) and lists what it reports. */
async function lint(text: string, options: Record<string, unknown> = {}, type?: DocumentType): Promise<Seen[]> {
  const keys: Array<string | undefined> = [];
  const wrapped: Rule = {
    meta: rule.meta,
    check: (context) =>
      rule.check({
        ...context,
        documentType: type ?? context.documentType,
        report: (descriptor: Parameters<typeof context.report>[0]) => {
          keys.push(descriptor.key);
          context.report(descriptor);
        },
      } as never),
  };
  const base = defaultConfig();
  const config: ResolvedConfig = { ...base, types: {}, rules: { ...base.rules, 'no-placeholders': { severity: 'error', options: { ...rule.meta.defaultOptions, ...options } } } };
  const result = await lintText(text, { config, rules: [wrapped] });
  const found = result.messages.filter((m) => m.ruleId === 'no-placeholders');
  expect(found).toHaveLength(keys.length);
  // Findings come back sorted; keys in report order: pair them by the token each message quotes.
  return found.map((m) => {
    const token = /"(.*?)"(?=[: (]| left)/.exec(m.message)?.[1];
    return { at: `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`, message: m.message, key: keys.find((k) => k === token || k?.replace(/\s+/g, ' ') === token) };
  });
}

const at = async (text: string, options?: Record<string, unknown>, type?: DocumentType) => (await lint(text, options, type)).map((s) => `${s.at} ${s.message}`);
const tokens = async (text: string, options?: Record<string, unknown>, type?: DocumentType) => (await lint(text, options, type)).map((s) => s.key);

const REPLACE = "replace it with the real value, or add it to no-placeholders' allow list if it is meant literally";

describe('no-placeholders: stand-ins it finds', () => {
  it('square-bracket stand-ins, with what to do and the token as key', async () => {
    const found = await lint('# Spec for [Feature Name]\n\n**Owner**: [Your Name]\n**Date**: [DATE]\n\n[Describe the problem]\n\n- [TODO: pick a window]\n');
    expect(found).toEqual([
      { at: '1:12-1:26', message: `Unfilled placeholder "[Feature Name]": ${REPLACE}`, key: '[Feature Name]' },
      { at: '3:12-3:23', message: `Unfilled placeholder "[Your Name]": ${REPLACE}`, key: '[Your Name]' },
      { at: '4:11-4:17', message: `Unfilled placeholder "[DATE]": ${REPLACE}`, key: '[DATE]' },
      { at: '6:1-6:23', message: `Unfilled placeholder "[Describe the problem]": ${REPLACE}`, key: '[Describe the problem]' },
      { at: '8:3-8:24', message: `Unfilled placeholder "[TODO: pick a window]": ${REPLACE}`, key: '[TODO: pick a window]' },
    ]);
  });

  it('<service-name> and <your name> in prose: raw HTML that does not render', async () => {
    expect(await at('# T\n\nThe <service-name> service pages <your name>.\n')).toEqual([
      `3:5-3:19 Unfilled placeholder "<service-name>" (read as an HTML tag, it does not render): replace it with the real value, or put it in backticks if it is meant literally`,
      `3:34-3:45 Unfilled placeholder "<your name>" (read as an HTML tag, it does not render): replace it with the real value, or put it in backticks if it is meant literally`,
    ]);
    // In a heading and a table cell too; `<service_name>` stays text, and counts where a value is expected.
    expect(await tokens('# Rollout of <service-name>\n\n| Owner | Team |\n|---|---|\n| <your name> | x |\n\nOwner: <team_name>\n')).toEqual(['<service-name>', '<your name>', '<team_name>']);
  });

  it('{{owner}}, ???, $ARGUMENTS', async () => {
    expect(await at('# T\n\nOwned by {{owner}}. Timeout: ???\nUser description: "$ARGUMENTS"\n')).toEqual([
      `3:10-3:19 Unfilled placeholder "{{owner}}": ${REPLACE}`,
      `3:30-3:33 Unfilled placeholder "???": ${REPLACE}`,
      `4:20-4:30 Unfilled placeholder "$ARGUMENTS": ${REPLACE}`,
    ]);
    // A Helm chart in the document does not make `{{owner}}` code; environment variables are not template variables.
    expect(await tokens('# T\n\nOwned by {{owner}} for the $SERVICE_NAME team; set $GOPATH and $KUBE_ROOT.\n\n```yaml\nname: {{ .Values.name }}\n```\n')).toEqual(['{{owner}}', '$SERVICE_NAME']);
  });

  it('instructions in parentheses, and text left for later', async () => {
    expect(await at('# T\n\n- Start Date: (fill me in with today\'s date, YYYY-MM-DD)\n- RFC PR: (leave this empty)\n- Owner: (fill in the team)\n- Budget: (to be determined)\n')).toEqual([
      `3:15-3:57 Template instruction "(fill me in with today's date, YYYY-MM-DD)" left in: do what it says and remove it`,
      '4:11-4:29 Template instruction "(leave this empty)" left in: do what it says and remove it',
      '5:10-5:28 Template instruction "(fill in the team)" left in: do what it says and remove it',
      `6:11-6:29 Unfinished text "(to be determined)": write it, or add it to no-placeholders' allow list if it is meant literally`,
    ]);
  });

  it('TBD, TODO, XXX and dates, versions where a value is expected', async () => {
    expect(await at('# T\n\nReview manager: TBD\n\nWe expect XXX requests a second.\n\n**Created**: YYYY-MM-DD\n**Version**: vX.Y.Z\n')).toEqual([
      `3:17-3:20 Unfinished-text marker "TBD": finish the text, or remove the word from no-placeholders' words if it is meant literally`,
      `5:11-5:14 Unfinished-text marker "XXX": finish the text, or remove the word from no-placeholders' words if it is meant literally`,
      `7:14-7:24 Unfilled placeholder "YYYY-MM-DD": ${REPLACE}`,
      `8:14-8:20 Unfilled placeholder "vX.Y.Z": ${REPLACE}`,
    ]);
  });

  it('weak stand-ins count after a label, not alone or as a label', async () => {
    const text = '# T\n\n- Rationale: [current need]\n- **Given** [initial state], **When** [action], **Then** [expected outcome]\n- [CSI driver]\n- [Server] Add retries\n';
    expect(await tokens(text)).toEqual(['[current need]', '[initial state]', '[expected outcome]']);
    expect((await at(text))[0]).toBe(
      "3:14-3:28 Unfilled placeholder or undefined link reference \"[current need]\": replace it, define the link, or add it to no-placeholders' allow list",
    );
  });

  it('a lone word that names a value, mid-sentence: [SERVICE], [REGION]; not an acronym or tag ([HTML], [MASK])', async () => {
    expect(await tokens('# T\n\nCache responses for [SERVICE] in [REGION].\n\nThe [HTML] spec and the [MASK] token.\n')).toEqual(['[SERVICE]', '[REGION]']);
  });

  it('an unpicked choice in a table cell or metadata line; not in inline code', async () => {
    expect(await at('# T\n\n**Status**: Draft | Review | Approved\n\n| Risk | Type |\n|---|---|\n| Low/Medium/High | `Low/Medium/High` |\n| `string \\| null` | `Draft \\| Review` |\n')).toEqual([
      '3:13-3:38 Unpicked choice "Draft | Review | Approved": keep the one that applies',
      '7:3-7:18 Unpicked choice "Low/Medium/High": keep the one that applies',
    ]);
  });

  it('front-matter values: words, instructions, <…>, choices and dates; not keys or comments', async () => {
    const text = '---\ntitle: <The title, a few words>\nowner: TBD\nstatus: Draft | Review\nissue: (fill in the link)\ncreated: YYYY-MM-DD # ISO 8601\nupdated: 2025-01-02 # YYYY-MM-DD\n---\n# T\n';
    expect(await at(text)).toEqual([
      `2:8-2:32 Unfilled placeholder "<The title, a few words>": ${REPLACE}`,
      `3:8-3:11 Unfinished-text marker "TBD": finish the text, or remove the word from no-placeholders' words if it is meant literally`,
      '4:9-4:23 Unpicked choice "Draft | Review": keep the one that applies',
      '5:8-5:26 Template instruction "(fill in the link)" left in: do what it says and remove it',
      `6:10-6:20 Unfilled placeholder "YYYY-MM-DD": ${REPLACE}`,
    ]);
  });

  it('a link to example.com, or a bare URL read as a reference', async () => {
    expect(await at('# T\n\nSee [the docs](https://example.com/docs).\nSee https://example.com/spec for details.\nDocs: https://docs.example.org/x\n')).toEqual([
      `3:16-3:40 Placeholder URL "https://example.com/docs": link to the real page, or add the URL to no-placeholders' allow list if it is meant literally`,
      `4:5-4:29 Placeholder URL "https://example.com/spec": link to the real page, or add the URL to no-placeholders' allow list if it is meant literally`,
      `5:7-5:33 Placeholder URL "https://docs.example.org/x": link to the real page, or add the URL to no-placeholders' allow list if it is meant literally`,
    ]);
  });

  it('code blocks: a template-style token, not syntax or formats', async () => {
    const text = '# T\n\n```sql\nCREATE TABLE [TABLE_NAME] (id int);\nSELECT [field1] FROM t;\n```\n\n```sh\ndeploy [SERVICE_NAME] --date YYYY-MM-DD\ntool extract [OPTIONS] [SOURCE_PATTERN]\n```\n\n```python\nx = [MAX_SIZE] * n\n```\n';
    expect(await at(text)).toEqual([
      `4:14-4:26 Unfilled placeholder "[TABLE_NAME]": ${REPLACE}`,
      `5:8-5:16 Unfilled placeholder "[field1]": ${REPLACE}`,
      `9:8-9:22 Unfilled placeholder "[SERVICE_NAME]": ${REPLACE}`,
    ]);
  });
});

describe('no-placeholders: text that only looks like a stand-in', () => {
  const clean = async (text: string, options?: Record<string, unknown>) => expect(await at(`# Title\n\n${text}\n`, options)).toEqual([]);

  it('inline code, including in table cells', async () => {
    await clean('| a | b |\n|---|---|\n| `string \\| null` | `Low/Medium/High` |\n\nQuote `[NAME]`, `<service-name>`, `{{owner}}` and `TBD` freely.');
  });

  it('math, intervals, tuples and citations', async () => {
    await clean('In $[a, b]$, \\[ x \\], [0, 1), [T_begin, T_end], [batch_size, 1], $K_1$; see [Hudson \'97], [Queinnec, 1989], [RFC 2119], [1].');
  });

  it('CLI synopses in prose', async () => {
    await clean('Run tool [--flag] [<path>] or tool [-h].\n\nUsage: tool [OPTIONS] [SOURCE_PATTERN] [DEST]');
  });

  it('status tags, tickers, labels at the start of an item, tag lists', async () => {
    await clean('[WIP] [Draft] [DEPRECATED] [Breaking] [AAPL] [P1] [US1] [A] [x86]\n\n- [Server] Add retries\n- [Network Policy Provider]\n- Is it specified? [Completeness, Gap]');
  });

  it('example.com as the example domain', async () => {
    await clean('Mail user@example.com. For example https://api.example.com/v1 answers. Requests to example.com are proxied, e.g. "https://a.example.com".\n\n```http\nGET / HTTP/1.1\nHost: example.com\n```');
  });

  it('formats: dates, versions, paths, environment variables, messages', async () => {
    await clean('Dates use ISO 8601 (YYYY-MM-DD); versions follow semantic versioning (X.Y.Z). Set $HOME/.kube. Logged as "syncing [namespace]/[configmap name] failed". The "web server XXX" logs to forward_XXX.');
  });

  it('marker words named rather than used', async () => {
    await clean('The "TBD" behavior is "To Be Determined" (TBD). Leave a TODO or similar flag; it is high on the TODO list; see FIXME above.');
    expect(await tokens('# T\n\nTo be determined (TBD).\n')).toEqual(['TBD']);
  });

  it('code blocks showing usage or a format', async () => {
    await clean('```text\nspeclint [options] <path>\ndate +%Y-%m-%d  # YYYY-MM-DD\n```\n\n```csv\nname,created\n[name],YYYY-MM-DD\n```\n\n```ts\nreadonly [IS_DESCRIPTOR]: any;\n```');
  });

  it('HTML elements, custom elements used on purpose, {{…}} in a Handlebars document', async () => {
    await clean('<kbd>Ctrl</kbd>, <br>, <details><summary>x</summary>y</details> and <my-element></my-element>.\n\nThe {{yield}} helper renders the block.\n\n```hbs\n{{#if ok}}{{yield}}{{/if}}\n```');
  });

  it('the allow list', async () => {
    await clean('Tagged [Feature Name] and TBD.', { allow: ['[Feature Name]', 'TBD'] });
  });

  it('inline code is read when allowInInlineCode is off', async () => {
    expect(await tokens('# T\n\nQuote `[Feature Name]` here.\n', { allowInInlineCode: false })).toEqual(['[Feature Name]']);
  });
});

describe("no-placeholders: the template's own vocabulary", () => {
  const type: DocumentType = {
    id: 'hand-made',
    source: 'test',
    placeholderTokens: ['[Component Name]', '<service-name>', '{{owner}}', '(fill me in with the team)', 'Your short, descriptive title', '*Example of a good metric:*', 'NNNN-short-name'],
    sectionHeadings: new Set(['todo', 'open questions']),
  };

  it('in prose, headings, table cells, inline code, HTML, code blocks and front matter, at the right position', async () => {
    const text = [
      '---',
      'title: Your short, descriptive title',
      '---',
      '# KEP-NNNN-short-name: Your short, descriptive title',
      '',
      'Team: (fill me in with the team). The `<service-name>` and `{{owner}}` are quoted.',
      '',
      '*Example of a good metric:* p99 latency.',
      '',
      '| Component | Owner |',
      '|---|---|',
      '| [Component Name] | <service-name> |',
      '',
      '```yaml',
      'name: [Component Name]',
      '```',
      '',
    ].join('\n');
    expect(await at(text, {}, type)).toEqual([
      `2:8-2:37 Template text "Your short, descriptive title" left in: replace it with your own, or add it to no-placeholders' allow list if it is meant literally`,
      `4:7-4:22 Unfilled placeholder "NNNN-short-name": ${REPLACE}`,
      `4:24-4:53 Template text "Your short, descriptive title" left in: replace it with your own, or add it to no-placeholders' allow list if it is meant literally`,
      '6:7-6:33 Template instruction "(fill me in with the team)" left in: do what it says and remove it',
      `6:40-6:54 Unfilled placeholder "<service-name>": ${REPLACE}`,
      `6:61-6:70 Unfilled placeholder "{{owner}}": ${REPLACE}`,
      `8:2-8:27 Template text "Example of a good metric:" left in: replace it with your own, or add it to no-placeholders' allow list if it is meant literally`,
      `12:3-12:19 Unfilled placeholder "[Component Name]": ${REPLACE}`,
      `12:22-12:36 Unfilled placeholder "<service-name>": ${REPLACE}`,
      `15:7-15:23 Unfilled placeholder "[Component Name]": ${REPLACE}`,
    ]);
  });

  it("a heading that is one of the template's sections is structure, not a placeholder", async () => {
    const text = '# T\n\n## TODO\n\n## 3. Open Questions:\n\n## TBD\n';
    expect(await tokens(text, {}, type)).toEqual(['TBD']);
    // Without a type, `## TODO` and `## TBD` are unfinished headings.
    expect(await tokens(text)).toEqual(['TODO', 'TBD']);
  });

  it('a marker word in the template\'s own prose left in is no-template-text\'s finding, not a TBD of the author\'s', async () => {
    const compiled = compileTemplate({
      id: 'small',
      source: 'test',
      template: '# Feature: [Feature Name]\n\n## Unresolved questions\n\n> Optional, but suggested for first drafts. What parts of the design are still\n> TBD?\n',
    });
    const text = '# Feature: Search\n\n## Unresolved questions\n\n> Optional, but suggested for first drafts. What parts of the design are still\n> TBD?\n\nThe cache size is TBD.\n';
    expect(await at(text, {}, compiled)).toEqual([
      '8:19-8:22 Unfinished-text marker "TBD": finish the text, or remove the word from no-placeholders\' words if it is meant literally',
    ]);
  });

  it('a compiled template: its bracket tokens count in inline code; its link labels and closing markers do not', async () => {
    const compiled = compileTemplate({
      id: 'small',
      source: 'test',
      template: '# Feature: [Feature Name]\n\n## Summary\n\nBranch `[FEATURE_BRANCH]`. Docs in [kubernetes/website].\n\n<<[/UNRESOLVED]>>\n\n[kubernetes/website]: https://git.k8s.io/website\n',
    });
    expect(compiled.placeholderTokens).toEqual(expect.arrayContaining(['[Feature Name]', '[FEATURE_BRANCH]']));
    const text = '# Feature: Search\n\n## Summary\n\nBranch `[FEATURE_BRANCH]` for [Feature Name]. Docs in [kubernetes/website].\n\n<<[/UNRESOLVED]>>\n';
    expect(await tokens(text, {}, compiled)).toEqual(['[FEATURE_BRANCH]', '[Feature Name]']);
  });
});

describe('no-placeholders: slots of a described format, and a chart\'s intended gaps', () => {
  const compiled = compileTemplate({ id: 'rfc', source: 'test', template: '# [Title]\n\n## Summary\n\nOne paragraph.\n' });

  it('the template\'s stand-in as one slot of a format the prose explains is not a finding (class K)', async () => {
    const text = '# Process\n\n## Summary\n\nEach RFC has a status label in its title, like **_[STATUS] RFC #[number] : [Title]_**, kept up to date.\n\nName the file in the form [number]-[Title].md.\n';
    expect(await tokens(text, {}, compiled)).toEqual([]);
  });

  it('the stand-in left as a value, alone or beside other slots without a described format, stays a finding', async () => {
    const text = '# [Title]\n\n## Summary\n\nOur plan for [Title] is below.\n\nOwner: [Title] [number]\n';
    expect(await at(text, {}, compiled)).toEqual([
      '1:3-1:10 Unfilled placeholder "[Title]": replace it with the real value, or add it to no-placeholders\' allow list if it is meant literally',
      '5:14-5:21 Unfilled placeholder "[Title]": replace it with the real value, or add it to no-placeholders\' allow list if it is meant literally',
      '7:8-7:15 Unfilled placeholder "[Title]": replace it with the real value, or add it to no-placeholders\' allow list if it is meant literally',
    ]);
  });

  it('`???` alone in a cell of a comparison table whose prose says the gap is meant is not a finding (class L)', async () => {
    const text = '# Strings\n\nIt fills the gap in the vector/string chart:\n\n| `Vec<T>` | `String` |\n| --- | --- |\n| `[T; N]` | ??? |\n| `&[T]` | `&str` |\n';
    expect(await tokens(text)).toEqual([]);
  });

  it('`???` as a value in prose, in a list, or in a table with no such prose, stays a finding', async () => {
    const text = '# Engines\n\n- Unreal: ???\n\nThe owner is ???.\n\n| Engine | Scheduler |\n| --- | --- |\n| Godot | ??? |\n| Bevy | rayon |\n';
    expect(await at(text)).toEqual([
      '3:11-3:14 Unfilled placeholder "???": replace it with the real value, or add it to no-placeholders\' allow list if it is meant literally',
      '5:14-5:17 Unfilled placeholder "???": replace it with the real value, or add it to no-placeholders\' allow list if it is meant literally',
      '9:11-9:14 Unfilled placeholder "???": replace it with the real value, or add it to no-placeholders\' allow list if it is meant literally',
    ]);
  });
});
