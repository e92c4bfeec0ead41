/**
 * `speclint lsp` spoken to by a real LSP client (vscode-languageserver-protocol over the built binary's stdio):
 * initialize, open, change, code actions (a fix, disable for this line, add to baseline), hover, completion and a
 * config change picked up without a restart.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest, CompletionRequest, DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification,
  ExecuteCommandRequest, FileChangeType, HoverRequest,
  type CodeAction, type CompletionItem, type Diagnostic, type Hover, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { bin, type LspClient, startLsp } from './lsp-client.js';

const TEMPLATE = `# RFC: [Title]

## Summary

<!-- One paragraph explaining the proposal. -->

## Motivation

Why are we doing this? What use cases does it support?

## Design

### API

Describe the API.

## Open Questions

- [ ] List them here.
`;

const DOC = `# RFC: Faster builds

## Summary

We cache build outputs. TODO: fill in [Owner].

## Design

### API

- []  a malformed box
`;

let dir: string;
let client: LspClient;
let connection: ProtocolConnection;
let uri: string;
let version = 1;
/** The next diagnostics for the document that satisfy `accept`. */
const diagnostics = (accept: (list: Diagnostic[]) => boolean = () => true) => client.diagnostics(uri, accept);

const summary = (list: Diagnostic[]) => list.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${String(d.message).split(/:| \(/)[0]}`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'speclint-lsp-'));
  writeFileSync(join(dir, 'template.md'), TEMPLATE);
  writeFileSync(join(dir, '.specrc.json'), JSON.stringify({ types: { rfc: { template: 'template.md' } }, documents: [{ files: 'docs/**', type: 'rfc' }], baseline: '.speclint-baseline.json' }));
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs/a.md'), DOC);
  uri = pathToFileURL(join(dir, 'docs/a.md')).href;
  client = await startLsp(dir, { capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: false } } }, debounceMs: 50 });
  connection = client.connection;
  expect(client.init.capabilities.hoverProvider).toBe(true);
  expect(client.init.capabilities.completionProvider?.triggerCharacters).toEqual(['#']);
});

afterAll(async () => {
  await client?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('speclint lsp', () => {
  it('publishes the CLI findings on open, with rule ids and positions', async () => {
    const next = diagnostics();
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text: DOC } });
    const list = await next;
    expect(summary(list)).toEqual([
      '3:1 required-sections Missing section "## Motivation", expected after "Summary"',
      '5:25 no-placeholders Unfinished-text marker "TODO"',
      '5:39 no-placeholders Unfilled placeholder "[Owner]"',
      '7:1 required-sections Missing section "## Open Questions", expected after "Design"',
      '11:1 checkboxes Malformed task item "- []"',
    ]);
    expect(list[0]!.codeDescription?.href).toMatch(/docs\/rules\/required-sections\.md$/);
  });

  it('re-lints on change', async () => {
    const next = diagnostics((list) => !list.some((d) => d.code === 'checkboxes'));
    version++;
    // Line 11 (0-based 10): `- []` becomes `- [ ]`.
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 10, character: 0 }, end: { line: 10, character: 4 } }, text: '- [ ]' }],
    });
    expect(summary(await next).map((s) => s.split(' ')[1])).toEqual(['required-sections', 'no-placeholders', 'no-placeholders', 'required-sections']);
  });

  it('offers the fix, disable for this line and add to baseline as code actions', async () => {
    const actions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    expect(actions.map((a) => a.title)).toEqual([
      'Fix: Missing section "## Motivation", expected after "Summary" (rfc template line 7) (required-sections)',
      'Disable required-sections for this line',
      'Add this required-sections finding to the baseline',
    ]);
    const fix = actions[0]!.edit!.changes![uri]!;
    expect(fix[0]!.newText).toMatch(/^\n?## Motivation\n+Why are we doing this\? What use cases does it support\?\n+$/);
    expect(actions[1]!.edit!.changes![uri]).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '<!-- speclint-disable-next-line required-sections -->\n' }]);

    const onLine5 = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 4, character: 30 }, end: { line: 4, character: 30 } },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const disable = onLine5.find((a) => a.title === 'Disable no-placeholders for this line')!;
    expect(disable.edit!.changes![uri]).toEqual([{ range: { start: { line: 4, character: 46 }, end: { line: 4, character: 46 } }, newText: ' <!-- speclint-disable-line no-placeholders -->' }]);

    // Add to baseline: the server writes the config's baseline and the finding disappears.
    const baseline = onLine5.find((a) => a.title === 'Add this no-placeholders finding to the baseline')!;
    const next = diagnostics((list) => list.filter((d) => d.code === 'no-placeholders').length === 1);
    const result = await connection.sendRequest(ExecuteCommandRequest.type, { command: baseline.command!.command, arguments: baseline.command!.arguments });
    expect(result).toMatchObject({ applied: true });
    await next;
    const written = JSON.parse(readFileSync(join(dir, '.speclint-baseline.json'), 'utf8'));
    expect(written.files['docs/a.md'].map((e: { ruleId: string }) => e.ruleId)).toEqual(['no-placeholders']);
  });

  it('applies a disable edit: the finding is gone on the next change', async () => {
    const next = diagnostics((list) => !list.some((d) => d.code === 'no-placeholders'));
    version++;
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 4, character: 46 }, end: { line: 4, character: 46 } }, text: ' <!-- speclint-disable-line no-placeholders -->' }],
    });
    expect(summary(await next).map((s) => s.split(' ')[1])).toEqual(['required-sections', 'required-sections']);
  });

  it('shows the template guidance when hovering a heading', async () => {
    const hover = (await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 4 } })) as Hover;
    expect((hover.contents as { value: string }).value).toBe('**rfc template** — `## Summary` (template line 3, required)\n\nOne paragraph explaining the proposal.');
    const design = (await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 6, character: 4 } })) as Hover;
    expect((design.contents as { value: string }).value).toContain('Required subsections: `### API`');
    expect(await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 4 } })).toBeNull();
  });

  it('completes the missing template sections, the nearest first', async () => {
    version++;
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '##\n' }] });
    const items = (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 5, character: 2 } })) as CompletionItem[];
    expect(items.map((i) => i.label)).toEqual(['Motivation', 'Open Questions']);
    expect(items[0]!.textEdit).toEqual({ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 2 } }, newText: '## Motivation\n\nWhy are we doing this? What use cases does it support?\n' });
    expect(items[0]!.filterText).toBe('## Motivation');
  });

  it('re-lints a large document piecewise with the findings of a whole lint', async () => {
    // Over 16 KB: parsed in pieces cut at headings (src/parse/chunks.ts). Each edit's diagnostics must equal what the
    // CLI (one whole parse) reports for the same text: an edit inside a section, a fence opened across sections and
    // closed again, a reference to a definition in another section.
    const section = (i: number) => `### Part ${i}\n\nText of part ${i}, which says a little more about the design. TODO: [Owner ${i}] and [the guide].\n\n- [] box ${i}\n\n`;
    let text = `${DOC}\n## Motivation\n\n${Array.from({ length: 160 }, (_, i) => section(i)).join('')}## Open Questions\n\n[the guide]: ./guide.md\n`;
    expect(text.length).toBeGreaterThan(16_384);
    const bigUri = pathToFileURL(join(dir, 'docs/big.md')).href;
    let bigVersion = 1;
    const lintedAs = (expectedVersion: number) => client.diagnostics(bigUri, (_, params) => params.version === expectedVersion);
    const cli = (source: string) => {
      writeFileSync(join(dir, 'docs/check.md'), source);
      const run = spawnSync(process.execPath, [bin, 'docs/check.md', '-f', 'json'], { cwd: dir, encoding: 'utf8' });
      const messages = (JSON.parse(run.stdout) as { results: { messages: { ruleId: string; line: number; column: number; message: string }[] }[] }).results[0]!.messages;
      return messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    };
    const asCli = (list: Diagnostic[]) => list.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
    let next = lintedAs(bigVersion);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: bigUri, languageId: 'markdown', version: bigVersion, text } });
    const opened = asCli(await next);
    expect(opened).toEqual(cli(text));
    expect(opened.filter((d) => d.includes('checkboxes'))).toHaveLength(161);
    const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
    const edits: { at: string; insert: string }[] = [
      { at: 'Text of part 40,', insert: 'More words. ' },
      { at: '### Part 50', insert: '```\n' },
      { at: '### Part 90', insert: '```\n' },
      { at: '### Part 120', insert: 'See [another] one.\n\n[another]: ./x.md\n\n' },
    ];
    for (const edit of edits) {
      expect(text).toContain(edit.at);
      const line = lineOf(edit.at);
      const character = text.split('\n')[line]!.indexOf(edit.at);
      text = text.replace(edit.at, edit.insert + edit.at);
      bigVersion++;
      next = lintedAs(bigVersion);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: bigUri, version: bigVersion },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: edit.insert }],
      });
      expect(asCli(await next)).toEqual(cli(text));
    }
  }, 120_000);

  it('picks up a config change without a restart', async () => {
    const next = diagnostics((list) => !list.some((d) => d.code === 'required-sections'));
    writeFileSync(join(dir, '.specrc.json'), JSON.stringify({ types: { rfc: { template: 'template.md' } }, documents: [{ files: 'docs/**', type: 'rfc' }], rules: { 'required-sections': 'off' } }));
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(join(dir, '.specrc.json')).href, type: FileChangeType.Changed }] });
    const list = await next;
    expect(list.map((d) => d.code)).not.toContain('required-sections');
    expect(client.published.length).toBeGreaterThan(4);
  });
});
