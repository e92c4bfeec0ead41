/**
 * A real LSP client for the built binary's `speclint lsp --stdio` (vscode-languageserver-protocol), shared by the
 * language-server tests: start, wait for published diagnostics, shut down.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ExitNotification, InitializeRequest, InitializedNotification, PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader,
  StreamMessageWriter, createProtocolConnection,
  type ClientCapabilities, type Diagnostic, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const bin = join(import.meta.dirname, '../../bin/speclint.js');

export interface LspClient {
  connection: ProtocolConnection;
  init: InitializeResult;
  /** Every diagnostics notification the server published, in order. */
  published: PublishDiagnosticsParams[];
  /** The next diagnostics published for `uri` that `accept` takes (all of them by default). */
  diagnostics(uri: string, accept?: (list: Diagnostic[], params: PublishDiagnosticsParams) => boolean): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

/** Starts the server in `dir` (its workspace folder) and initializes it. */
export async function startLsp(dir: string, options: { capabilities?: ClientCapabilities; debounceMs: number }): Promise<LspClient> {
  const child: ChildProcess = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<(params: PublishDiagnosticsParams) => boolean> = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    const index = waiters.findIndex((accept) => accept(params));
    if (index >= 0) waiters.splice(index, 1);
  });
  connection.listen();
  const init = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'specs' }],
    capabilities: options.capabilities ?? {},
    initializationOptions: { debounceMs: options.debounceMs },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    init,
    published,
    diagnostics: (uri, accept = () => true) =>
      new Promise((resolve) => {
        waiters.push((params) => {
          if (params.uri !== uri || !accept(params.diagnostics, params)) return false;
          resolve(params.diagnostics);
          return true;
        });
      }),
    async stop() {
      if (child.exitCode === null) {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
        await new Promise((resolve) => child.once('exit', resolve));
      }
      connection.dispose();
    },
  };
}
