/**
 * The speclint extension: a thin client. It starts `speclint lsp` (the workspace's, the configured one, or the one
 * on the PATH) and lets vscode-languageclient carry diagnostics, quick fixes, hover and completion. Everything
 * speclint knows (config resolution, templates, baselines) stays in the server, so the editor and the CLI agree.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type ExtensionContext, workspace, window } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** The command that runs the server: a `.js` file runs under Node, anything else is an executable. */
function serverCommand(configured: string): { command: string; args: string[] } {
  const folder = workspace.workspaceFolders?.[0]?.uri.fsPath;
  const local = folder ? join(folder, 'node_modules', '.bin', process.platform === 'win32' ? 'speclint.cmd' : 'speclint') : undefined;
  const path = configured || (local && existsSync(local) ? local : 'speclint');
  return /\.[cm]?js$/.test(path) ? { command: 'node', args: [path, 'lsp'] } : { command: path, args: ['lsp'] };
}

export async function activate(context: ExtensionContext): Promise<void> {
  const settings = workspace.getConfiguration('speclint');
  const { command, args } = serverCommand(settings.get<string>('server.path', ''));
  const config = settings.get<string>('server.config', '');
  const run = { command, args: [...args, ...(config ? ['--config', config] : [])], transport: TransportKind.stdio };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown' }],
    initializationOptions: { debounceMs: settings.get<number>('debounceMs', 100) },
    // The server registers its own file watchers (configs, templates, baselines) and re-reads what changed.
  };
  client = new LanguageClient('speclint', 'speclint', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    void window.showErrorMessage(`speclint: cannot start "${command} ${args.join(' ')}" (${(error as Error).message}). Install speclint in the workspace (npm install --save-dev speclint) or set "speclint.server.path".`);
  }
  context.subscriptions.push({ dispose: () => void client?.stop() });
  context.subscriptions.push(workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('speclint')) void window.showInformationMessage('speclint: reload the window to apply the new settings.');
  }));
}

export function deactivate(): Promise<void> | undefined {
  return client?.stop();
}
