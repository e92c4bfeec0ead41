/**
 * `speclint lsp` and spec sets: an open document's set findings, with the editor's text standing in for the file
 * in its set (the other members read from disk). A real LSP client over the built binary's stdio.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializeRequest, InitializedNotification,
  PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter, createProtocolConnection,
  type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

const bin = join(import.meta.dirname, '../../bin/speclint.js');

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
let child: ChildProcess;
let connection: ProtocolConnection;
const waiters: Array<(params: PublishDiagnosticsParams) => boolean> = [];

function diagnostics(uri: string, accept: (list: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
  return new Promise((resolve) => {
    waiters.push((params) => {
      if (params.uri !== uri || !accept(params.diagnostics)) return false;
      resolve(params.diagnostics);
      return true;
    });
  });
}

const setFindings = (list: Diagnostic[]) => list.filter((d) => /^(trace-|status-|collection-|supersede-)/.test(String(d.code))).map((d) => `${d.range.start.line + 1} ${d.code}`);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'speclint-lsp-sets-'));
  mkdirSync(join(dir, 'specs/003-csv-import'), { recursive: true });
  writeFileSync(join(dir, 'specs/003-csv-import/spec.md'), SPEC);
  writeFileSync(join(dir, 'specs/003-csv-import/tasks.md'), TASKS);
  child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
  connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const index = waiters.findIndex((accept) => accept(params));
    if (index >= 0) waiters.splice(index, 1);
  });
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'specs' }],
    capabilities: {},
    initializationOptions: { debounceMs: 20 },
  });
  await connection.sendNotification(InitializedNotification.type, {});
});

afterAll(async () => {
  if (connection && child.exitCode === null) {
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await new Promise((resolve) => child.once('exit', resolve));
  }
  connection?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('speclint lsp: set rules', () => {
  it('publishes the set findings of the open document, from its unsaved text', async () => {
    const uri = pathToFileURL(join(dir, 'specs/003-csv-import/tasks.md')).href;
    // The editor's text cites story 3, which the spec on disk does not define; the file on disk does not.
    const opened = diagnostics(uri);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: TASKS.replace('[US2] Export', '[US3] Export') } });
    expect(setFindings(await opened)).toEqual(['6 trace-undefined-id']);
    const changed = diagnostics(uri);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: TASKS }] });
    expect(setFindings(await changed)).toEqual([]);
  });

  it('the spec: its status against the tasks on disk', async () => {
    const uri = pathToFileURL(join(dir, 'specs/003-csv-import/spec.md')).href;
    writeFileSync(join(dir, 'specs/003-csv-import/tasks.md'), TASKS.replaceAll('- [ ]', '- [x]'));
    const opened = diagnostics(uri);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: SPEC } });
    expect(setFindings(await opened)).toEqual(['4 status-lags-tasks']);
  });
});
