/**
 * `speclint lsp` and spec sets: an open document's set findings, with the editor's text standing in for the file
 * in its set (the other members read from disk). A real LSP client over the built binary's stdio.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, type Diagnostic, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { type LspClient, startLsp } from '../cli/lsp-client.js';

const SPEC = `# Feature Specification: CSV Import

**Feature Branch**: \`003-csv-import\`
**Status**: Draft

## User Scenarios & Testing

### User Story 1 - Import contacts from a CSV file (Priority: P1)

A user uploads a CSV file and sees the imported contacts.

### User Story 2 - Export contacts (Priority: P2)

A user downloads the contacts as CSV.
`;

const TASKS = `# Tasks: CSV Import

## Phase 1: User Story 1 - Import contacts from a CSV file (Priority: P1)

- [ ] T001 [US1] Upload endpoint
- [ ] T002 [US2] Export endpoint
`;

let dir: string;
let client: LspClient;
let connection: ProtocolConnection;

const setFindings = (list: Diagnostic[]) => list.filter((d) => /^(trace-|status-|collection-|supersede-)/.test(String(d.code))).map((d) => `${d.range.start.line + 1} ${d.code}`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'speclint-lsp-sets-'));
  mkdirSync(join(dir, 'specs/003-csv-import'), { recursive: true });
  writeFileSync(join(dir, 'specs/003-csv-import/spec.md'), SPEC);
  writeFileSync(join(dir, 'specs/003-csv-import/tasks.md'), TASKS);
  client = await startLsp(dir, { debounceMs: 20 });
  connection = client.connection;
});

afterAll(async () => {
  await client?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('speclint lsp: set rules', () => {
  it('publishes the set findings of the open document, from its unsaved text', async () => {
    const uri = pathToFileURL(join(dir, 'specs/003-csv-import/tasks.md')).href;
    // The editor's text cites story 3, which the spec on disk does not define; the file on disk does not.
    const opened = client.diagnostics(uri);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: TASKS.replace('[US2] Export', '[US3] Export') } });
    expect(setFindings(await opened)).toEqual(['6 trace-undefined-id']);
    const changed = client.diagnostics(uri);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: TASKS }] });
    expect(setFindings(await changed)).toEqual([]);
  });

  it('the spec: its status against the tasks on disk', async () => {
    const uri = pathToFileURL(join(dir, 'specs/003-csv-import/spec.md')).href;
    writeFileSync(join(dir, 'specs/003-csv-import/tasks.md'), TASKS.replaceAll('- [ ]', '- [x]'));
    const opened = client.diagnostics(uri);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: SPEC } });
    expect(setFindings(await opened)).toEqual(['4 status-lags-tasks']);
  });
});
